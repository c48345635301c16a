// The page (www/) in headless Debian chromium, driven by playwright-core:
// served on 127.0.0.1, it loads the bundled sample and must show the
// headline and team ranking the Rust example prints (`cargo run --example
// energy_challenge`, run here: nothing is hard-coded); a broken CSV must
// show core's error next to its file, with line and column; the page starts
// on the small module `ecodefi/sheets` alone, which computes the
// spreadsheet sample (its settings table included); the bundled
// multi-theme sample (the themes vector's first input) shows one section per
// theme with the headline and team ranking the package computes in Node;
// a challenge of ECODEFI_PAGE_HOUSEHOLDS households (10 000 by default, 0
// to skip) computes in the page; the regional catalogue view lists the bundled
// sample's challenges and its results. The organisers' spreadsheet samples
// (zero-dechet: waste; declics: energy, water, waste) are computed by
// `ecodefi/sheets-themes` and show the headlines and rankings `cargo run
// --example table_demo` prints for their folders (parsed, not copied here),
// with each theme's CSV files as the package writes them in Node; a broken
// weighings table shows core's error next to it. The Linky, Gazpar and
// Météo-France files of the linky-gazpar sample are computed by
// `ecodefi/sheets-themes` alone and show the headline, ranking and
// exclusions `cargo run --example files_challenge` prints, the stations
// (one picked recomputes), the imported files; a broken Linky file shows
// core's error with its line. Screenshots go to js-tests/out/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as full from 'ecodefi';
import * as sheetsThemes from 'ecodefi/sheets-themes';
import { startBrowser } from './browser.mjs';
import { byteFiles, exampleReport, examples, filesChallenge, folderTables, here, root, wasmDir } from './helpers.mjs';

const www = path.join(wasmDir, 'www');
/** A text with its no-break spaces (French typography) as plain spaces. */
const plain = (text) => text.replace(/[\u00a0\u202f]/g, ' ');
const out = path.join(here, 'out');
let chrome;
let base;

before(async () => {
  chrome = await startBrowser();
  base = chrome.base;
});

after(async () => {
  await chrome?.close();
});

const openPage = () => chrome.openPage();

/** The headline and ranking the Rust example prints. */
function rustExample() {
  const stdout = execFileSync('cargo', ['run', '--quiet', '-p', 'ecodefi', '--example', 'energy_challenge'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = stdout.split('\n');
  const rankingAt = lines.indexOf('Classement des équipes');
  assert.ok(rankingAt > 0, 'the example prints the team ranking');
  // The headline is the first line after the blank line under the title.
  const headline = lines[lines.indexOf('') + 1];
  const teams = [];
  // "  1. Wazemmes                    −13,9 %  12 foyers …": rank, name,
  // change as core writes it (or — when nothing is counted).
  const row = /^\s*(\d+)\. (.+?)\s+((?:[+\u2212]?[\d\u202f]+,\d+\u00a0%)|—)\s+\d+ foyers/;
  for (const line of lines.slice(rankingAt + 1)) {
    if (line.trim() === '') break;
    const m = row.exec(line);
    assert.ok(m, `a ranking line: ${JSON.stringify(line)}`);
    teams.push(`${m[1]}. ${m[2]} ${m[3]}`);
  }
  return { headline, teams };
}

test('the sample shows the headline and team ranking of the Rust example', async () => {
  const expected = rustExample();
  assert.ok(expected.teams.length > 1);
  const { page, errors } = await openPage();
  await page.click('#sample');
  await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
  assert.equal(await page.textContent('#theme-energy .theme-headline'), expected.headline);
  // On top, the one theme's headline, named.
  assert.deepEqual(await page.$$eval('#headlines li', (lis) => lis.map((li) => li.textContent)), [`Énergie${expected.headline}`]);
  assert.deepEqual(await page.$$eval('#themes section.theme', (s) => s.map((x) => x.dataset.theme)), ['energy']);
  const shown = await page.$$eval('#theme-energy .teams-chart g.bar-row', (rows) =>
    rows.map((g) => `${g.querySelector('.bar-label').textContent} ${g.querySelector('.bar-value').textContent}`));
  assert.deepEqual(shown, expected.teams);
  // Every household has a row; excluded ones say why.
  const rows = await page.$$eval('#theme-energy table.households tbody tr', (trs) => trs.length);
  assert.equal(rows, Number(await page.getAttribute('body', 'data-households')));
  const reasons = await page.$$eval('#theme-energy table.households tr.excluded .reason', (s) => s.map((x) => x.textContent));
  assert.ok(reasons.length > 0 && reasons.every((r) => r.length > 0));
  // The downloads are core's CSV and the report as JSON.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  assert.equal(csv.suggestedFilename(), 'ecodefi-foyers.csv');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  assert.equal(json.suggestedFilename(), 'ecodefi-rapport.json');
  await page.screenshot({ path: path.join(out, 'page-sample.png') });
  await page.locator('#theme-energy table.households tr.excluded').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(out, 'page-households.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

// The multi-theme sample: the input of the first case of the themes vector.
const themesVector = JSON.parse(readFileSync(path.join(root, 'tests/vectors/themes/challenge.json'), 'utf8'));
const THEME_LABELS = { energy: 'Énergie', water: 'Eau', waste: 'Déchets', food: 'Alimentation', mobility: 'Mobilité' };

test('the bundled multi-theme sample is the themes vector\'s first input', () => {
  const bundled = JSON.parse(readFileSync(path.join(www, 'samples/themes/challenge.json'), 'utf8'));
  assert.deepEqual(bundled, themesVector.cases[0].input);
});

test('the multi-theme sample shows one section per theme, with core\'s headline and ranking', async () => {
  const input = themesVector.cases[0].input;
  // What the package computes from the same document, in Node.
  // The page asks for French: core's details in French.
  const expected = full.compute(JSON.stringify(input), { lang: 'fr' });
  const themes = Object.keys(THEME_LABELS).filter((k) => expected[k]);
  assert.deepEqual([...themes].sort(), [...input.challenge.themes].sort());
  assert.ok(themes.length > 1);
  const { page, errors } = await openPage();
  await page.click('#sample-themes');
  await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
  assert.equal(await page.getAttribute('body', 'data-households'), String(expected.households));
  assert.equal(await page.textContent('#challenge-title'), `${input.challenge.name} — ${input.challenge.territory}`);
  // On top, every theme's headline as core writes it, in core's order.
  const top = await page.$$eval('#headlines li', (lis) => lis.map((li) => ({
    theme: li.dataset.theme,
    name: li.querySelector('.theme-name').textContent,
    headline: li.querySelector('.headline').textContent,
  })));
  assert.deepEqual(top, themes.map((k) => ({ theme: k, name: THEME_LABELS[k], headline: expected[k].headline })));
  // One section per theme, each with its headline, its teams by core's
  // ranks and every household, excluded ones with core's reasons.
  const sections = await page.$$eval('#themes section.theme', (ss) => ss.map((s) => ({
    theme: s.dataset.theme,
    title: s.querySelector('h3').textContent,
    headline: s.querySelector('.theme-headline').textContent,
    ranking: [...s.querySelectorAll('.teams-chart g.bar-row')].map((g) => ({
      label: g.querySelector('.bar-label').textContent,
      team: g.dataset.team,
    })),
    figures: s.querySelectorAll('.key-figures dd').length,
    rows: [...s.querySelectorAll('table.households tbody tr')].map((tr) => ({
      household: tr.dataset.household,
      status: tr.dataset.status,
      reasons: [...tr.querySelectorAll('.reason')].map((r) => ({ code: r.dataset.code, text: r.textContent })),
      warnings: [...tr.querySelectorAll('.warning')].map((w) => w.dataset.code),
    })),
  })));
  assert.deepEqual(sections.map((s) => s.theme), themes);
  for (const s of sections) {
    const report = expected[s.theme];
    assert.equal(s.title, THEME_LABELS[s.theme]);
    assert.equal(s.headline, report.headline, s.theme);
    const ranked = [...report.teams].sort((a, b) => a.rank - b.rank);
    assert.deepEqual(s.ranking, ranked.map((t) => ({ label: `${t.rank}. ${t.name}`, team: t.team })), s.theme);
    assert.ok(s.figures >= 3, `${s.theme}: key figures`);
    assert.deepEqual(s.rows.map((r) => [r.household, r.status]), report.households.map((h) => [h.household, h.status]), s.theme);
    report.households.forEach((h, i) => {
      const row = s.rows[i];
      assert.deepEqual(row.reasons.map((r) => r.code), h.exclusions.map((e) => e.code), `${s.theme} ${h.household}`);
      // Each reason says its code in French and core's detail.
      h.exclusions.forEach((e, j) => assert.ok(row.reasons[j].text.endsWith(` — ${e.detail}`), row.reasons[j].text));
      assert.deepEqual(row.warnings, h.warnings.map((w) => w.code), `${s.theme} ${h.household}`);
    });
  }
  assert.ok(sections.some((s) => s.rows.some((r) => r.status === 'excluded')));
  // Core's CSV writers are energy's: not offered here; the report is.
  assert.ok(await page.isHidden('#download-csv'));
  assert.ok(await page.isHidden('#download-teams-csv'));
  // Each theme's CSV files, from the full module's `sectionsCsv` (core's
  // writers on the report): the teams file of the first theme is the
  // package's, byte for byte.
  const buttons = await page.$$eval('#themes .theme-downloads button', (bs) => bs.map((b) => `${b.dataset.theme} ${b.dataset.csv}`));
  assert.deepEqual(buttons, themes.flatMap((k) => [`${k} teams`, `${k} households`]));
  const sectionsCsv = full.sectionsCsv(expected);
  assert.deepEqual(sectionsCsv.map((s) => s.theme), themes);
  const [teamsCsv] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`#themes .theme-downloads button[data-theme="${themes[0]}"][data-csv="teams"]`),
  ]);
  assert.equal(readFileSync(await teamsCsv.path(), 'utf8'), sectionsCsv[0].teamsCsv);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  assert.deepEqual(JSON.parse(readFileSync(await json.path(), 'utf8')), expected);
  await page.screenshot({ path: path.join(out, 'page-themes.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a broken CSV shows core\'s error next to its file, with line and column', async () => {
  const { page, errors } = await openPage();
  const dir = path.join(examples, 'table-demo-broken');
  await page.setInputFiles('#picker', readdirSync(dir).map((f) => path.join(dir, f)));
  await page.waitForSelector('#files li.file-error');
  const failed = await page.$$eval('#files li.file-error', (lis) => lis.map((li) => li.dataset.file));
  assert.deepEqual(failed, ['releves.csv']);
  // Core's message, in French, from its catalogue: what, the value, the rule, then where.
  const message = plain(await page.textContent('#files li.file-error .file-message'));
  assert.match(message, /^valeur invalide pour /);
  assert.match(message, /\(fichier « releves\.csv », ligne 17, colonne « valeur »\)$/);
  assert.match(message, /12,3,4/);
  assert.equal(await page.getAttribute('#files li.file-error .file-message', 'data-code'), 'invalid_value');
  assert.ok(await page.isHidden('#results'));
  assert.match(await page.textContent('#status'), /voir l’erreur à côté du fichier/);
  await page.screenshot({ path: path.join(out, 'page-error.png') });
  // The same tables without the mistake compute.
  // (Its settings table, not its JSON twin: core refuses both at once.)
  const good = path.join(examples, 'table-demo');
  const goodFiles = readdirSync(good).filter((f) => f !== 'challenge.json');
  await page.setInputFiles('#picker', goodFiles.map((f) => path.join(good, f)));
  await page.waitForSelector('#results:not([hidden])');
  assert.match(await page.textContent('#theme-energy .theme-headline'), /^3 foyers/);
  // A file whose name names no table: core's error, next to that file.
  await page.setInputFiles('#picker', [
    ...goodFiles.map((f) => path.join(good, f)),
  ].map((p) => ({ name: path.basename(p), mimeType: 'text/plain', buffer: readFileSync(p) }))
    .concat([{ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('a;b\n1;2\n') }]));
  await page.waitForSelector('#files li.file-error');
  assert.deepEqual(await page.$$eval('#files li.file-error', (lis) => lis.map((li) => li.dataset.file)), ['notes.csv']);
  assert.equal(await page.getAttribute('#files li.file-error .file-message', 'data-code'), 'unknown_name');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the spreadsheet sample computes with the small module alone', async () => {
  const { page, errors } = await openPage();
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(path.basename(new URL(r.url()).pathname)); });
  await page.click('#sample-csv');
  await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
  // The report the full module computes from the same tables and the JSON
  // settings, in Node.
  const demo = folderTables(path.join(examples, 'table-demo'));
  const expected = full.compute(full.readTables(demo.files, demo.settings));
  assert.equal(await page.textContent('#theme-energy .theme-headline'), expected.energy.headline);
  assert.equal(await page.$$eval('#theme-energy table.households tbody tr', (trs) => trs.length), expected.households);
  assert.deepEqual(wasm, []); // the small module was instantiated before the click
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-teams-csv')]);
  assert.equal(csv.suggestedFilename(), 'ecodefi-equipes.csv');
  assert.equal(readFileSync(await csv.path(), 'utf8'), full.teamsCsv(expected));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a challenge the small module leaves out is computed by the every-theme spreadsheet module', async () => {
  const { page, errors } = await openPage();
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(path.basename(new URL(r.url()).pathname)); });
  const demo = folderTables(path.join(examples, 'table-demo'));
  // Its settings table says water too: `unsupported` in ecodefi/sheets.
  const settings = demo.settingsTable.text.replace(/^thèmes;.*$/m, 'thèmes;énergie, eau');
  assert.notEqual(settings, demo.settingsTable.text);
  const files = [...demo.files, { name: 'defi.csv', text: settings }]
    .map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.text) }));
  await page.setInputFiles('#picker', files);
  await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
  assert.deepEqual(wasm, ['ecodefi_sheets_themes_bg.wasm']);
  assert.equal(await page.getAttribute('body', 'data-module'), 'sheets-themes');
  const expected = full.computeSheets(files.map((f) => ({ name: f.name, text: f.buffer.toString() })));
  assert.ok(expected.report.water);
  assert.equal(await page.textContent('#theme-energy .theme-headline'), expected.report.energy.headline);
  // Every theme of the report has its section, water included.
  assert.deepEqual(await page.$$eval('#themes section.theme', (s) => s.map((x) => x.dataset.theme)), ['energy', 'water']);
  assert.equal(await page.textContent('#theme-water .theme-headline'), expected.report.water.headline);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page starts on the small module only', async () => {
  const page = await chrome.newPage();
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(path.basename(new URL(r.url()).pathname)); });
  await page.goto(base);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  assert.deepEqual(wasm, ['ecodefi_sheets_bg.wasm']);
  await page.close();
});

test('the regional catalogue lists the sample\'s challenges and the MEL result', async () => {
  const sample = JSON.parse(readFileSync(path.join(examples, 'catalogue/hauts-de-france.json'), 'utf8'));
  const { page, errors } = await openPage();
  await page.click('#catalogue-sample');
  await page.waitForSelector('#catalogue-view:not([hidden])', { timeout: 30_000 });
  assert.equal(await page.getAttribute('body', 'data-catalogue'), String(sample.records.length));
  assert.equal(await page.textContent('#catalogue-title'), sample.title);
  // One row per record, in the file's order, with its territory.
  const rows = await page.$$eval('#catalogue-table tbody tr', (trs) => trs.map((tr) => ({
    territory: tr.querySelector('.territory').textContent,
    dates: tr.querySelector('.dates').textContent,
    results: tr.querySelector('.results').textContent,
  })));
  assert.equal(rows.length, 7);
  assert.deepEqual(rows.map((r) => r.territory), sample.records.map((r) => r.territory.name));
  sample.records.forEach((r, i) => {
    const y = r.years.first === r.years.last ? `${r.years.first}` : `${r.years.first}–${r.years.last}`;
    assert.ok(rows[i].dates.startsWith(y), `${r.territory.name}: ${rows[i].dates}`);
    if (r.results === 'not_published') assert.equal(rows[i].results, 'non publié', r.territory.name);
  });
  // The MEL energy result, as the source quotes it ("189 foyers, -11,3 % …"),
  // written with a true minus and a no-break space.
  const mel = sample.records.findIndex((r) => r.territory.name === 'Métropole Européenne de Lille');
  const energy = sample.records[mel].results.find((r) => r.indicator === 'energy_use');
  const quoted = /([-+]?\d+,\d+) %/.exec(energy.origin.quote)[1].replace('-', '\u2212');
  assert.equal(`${quoted}\u00a0%`, '\u221211,3\u00a0%');
  const melEnergy = await page.textContent(`#catalogue-table tbody tr[data-index="${mel}"] .result[data-indicator="energy_use"]`);
  assert.ok(melEnergy.includes(`${quoted}\u00a0%`), melEnergy);
  assert.ok(melEnergy.includes(`${sample.records[mel].households} foyers`), melEnergy);
  // A timeline row per territory, the MEL's labelled with its results.
  const territories = await page.$$eval('#catalogue-timelines g.timeline-row', (gs) => gs.map((g) => g.dataset.territory));
  assert.deepEqual([...territories].sort(), [...new Set(sample.records.map((r) => r.territory.name))].sort());
  const melBar = await page.$eval('#catalogue-timelines g.timeline-row[data-territory="Métropole Européenne de Lille"]', (g) => g.textContent);
  assert.ok(melBar.includes(`${quoted}\u00a0%`), melBar);
  assert.match(await page.textContent('#catalogue-findings'), /Aucune incohérence/);
  await page.locator('#catalogue').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(out, 'page-catalogue.png'), fullPage: true });
  // A picked catalogue with a duplicated record: core's finding is shown.
  const doubled = structuredClone(sample);
  doubled.records.push(doubled.records[mel]);
  await page.setInputFiles('#catalogue-picker', { name: 'double.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doubled)) });
  await page.waitForSelector('#catalogue-findings li[data-rule="duplicate_identity"]');
  // One finding for the group, naming both records in French.
  const dupText = await page.textContent('#catalogue-findings li[data-rule="duplicate_identity"]');
  assert.ok(dupText.includes(`fiches n° ${mel + 1}, ${doubled.records.length} (2 fiches)`), dupText);
  // The copy overlaps its original on each of its themes (a period, or years
  // sharing more than a boundary year): one line per theme, told apart by it.
  const melRecord = sample.records[mel];
  const overlapping = melRecord.period || melRecord.years.first < melRecord.years.last;
  const overlaps = await page.$$eval('#catalogue-findings li[data-rule="overlapping_editions"]', (lis) => lis.map((li) => li.textContent));
  assert.equal(overlaps.length, overlapping ? melRecord.themes.length : 0, overlaps.join(' | '));
  assert.equal(new Set(overlaps).size, overlaps.length, overlaps.join(' | '));
  await page.locator('#catalogue-findings').screenshot({ path: path.join(out, 'page-catalogue-findings.png') });
  assert.equal(await page.$$eval('#catalogue-table tbody tr', (trs) => trs.length), 8);
  // A document core cannot read: its error, no view.
  await page.setInputFiles('#catalogue-picker', { name: 'v2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...sample, schema_version: 2 })) });
  await page.waitForSelector('#catalogue-status.error');
  assert.ok(await page.isHidden('#catalogue-view'));
  assert.equal(await page.getAttribute('#catalogue-status .file-message', 'data-code'), 'schema_version');
  assert.match(await page.textContent('#catalogue-status'), /v2\.json/);
  assert.deepEqual(errors, []);
  await page.close();
});

const BIG = Number(process.env.ECODEFI_PAGE_HOUSEHOLDS ?? 10_000);

test(`a challenge of ${BIG} households computes in the page`, { skip: BIG === 0 && 'ECODEFI_PAGE_HOUSEHOLDS=0', timeout: 600_000 }, async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ecodefi-')), 'challenge.json');
  execFileSync('cargo', ['run', '--quiet', '-p', 'ecodefi-wasm', '--example', 'synthetic_challenge', '--', String(BIG), file], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const { page, errors } = await openPage();
  await page.setInputFiles('#picker', file);
  await page.waitForSelector('#results:not([hidden])', { timeout: 300_000 });
  assert.equal(await page.getAttribute('body', 'data-households'), String(BIG));
  const timing = await page.textContent('#timing');
  console.log(`# page, JSON document (full module): ${timing}`);
  assert.match(timing, new RegExp(`pour ${BIG.toLocaleString('en').replace(/,/g, '')} foyers`));
  assert.deepEqual(errors, []);
  await page.close();
});

test(`${BIG} households from spreadsheet files compute in the page's small module`, { skip: BIG === 0 && 'ECODEFI_PAGE_HOUSEHOLDS=0', timeout: 600_000 }, async () => {
  // The same synthetic challenge as core writes it for organisers: the
  // input tables and the settings table (French style).
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ecodefi-')), 'tables');
  execFileSync('cargo', ['run', '--quiet', '-p', 'ecodefi-wasm', '--example', 'synthetic_challenge', '--', String(BIG), dir, '--csv'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const { page, errors } = await openPage();
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await page.setInputFiles('#picker', readdirSync(dir).map((f) => path.join(dir, f)));
  await page.waitForSelector('#results:not([hidden])', { timeout: 300_000 });
  assert.equal(await page.getAttribute('body', 'data-households'), String(BIG));
  const timing = await page.textContent('#timing');
  console.log(`# page, spreadsheet files (ecodefi/sheets): ${timing}`);
  assert.match(timing, new RegExp(`pour ${BIG.toLocaleString('en').replace(/,/g, '')} foyers`));
  assert.deepEqual(wasm, []); // the full module was never needed
  assert.deepEqual(errors, []);
  await page.close();
});

/** `table_demo`'s report on a folder of spreadsheet files ([exampleReport]). */
function tableDemo(dir) {
  return exampleReport('table_demo', dir);
}

/** The files of a folder as the picker gives them (bytes), sorted by name. */
function pickerFiles(dir) {
  return readdirSync(dir).sort().map((name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(path.join(dir, name)) }));
}

/** Each shown theme section: its theme, headline and ranking as drawn. */
async function shownSections(page) {
  return page.$$eval('#themes section.theme', (ss) => ss.map((s) => ({
    theme: s.dataset.theme,
    title: s.querySelector('h3').textContent,
    headline: s.querySelector('.theme-headline').textContent,
    ranking: [...s.querySelectorAll('.teams-chart g.bar-row')].map((g) =>
      `${g.querySelector('.bar-label').textContent} ${g.querySelector('.bar-value').textContent}`),
    downloads: [...s.querySelectorAll('.theme-downloads button')].map((b) => b.dataset.csv),
  })));
}

/** The wasm files a page fetches from now on (their names). */
function wasmRequests(page) {
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(path.basename(new URL(r.url()).pathname)); });
  return wasm;
}

test('the zero-waste sample shows the headline and ranking of table_demo, computed by ecodefi/sheets-themes', async () => {
  const expected = tableDemo(path.join(examples, 'zero-dechet'));
  assert.equal(expected.sections.length, 1);
  const [waste] = expected.sections;
  assert.ok(waste.teams.length > 1);
  const { page, errors } = await openPage();
  const wasm = wasmRequests(page);
  await page.click('#sample-zero-dechet');
  await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
  // The every-theme spreadsheet module, not the full one.
  assert.deepEqual(wasm, ['ecodefi_sheets_themes_bg.wasm']);
  assert.equal(await page.getAttribute('body', 'data-module'), 'sheets-themes');
  assert.match(await page.textContent('#timing'), /Module de calcul : tableur, tous thèmes \(ecodefi\/sheets-themes\)/);
  assert.equal(await page.getAttribute('body', 'data-households'), '60');
  assert.equal(await page.textContent('#challenge-title'), expected.title);
  const sections = await shownSections(page);
  assert.deepEqual(sections.map((s) => s.theme), ['waste']);
  assert.equal(sections[0].title, 'Déchets');
  assert.equal(sections[0].headline, waste.headline);
  assert.deepEqual(await page.$$eval('#headlines li .headline', (s) => s.map((x) => x.textContent)), [waste.headline]);
  // Order, names and percentages as the example prints them.
  assert.deepEqual(sections[0].ranking, waste.teams.map((t) => `${t.rank}. ${t.name} ${t.figure}`));
  // The households the example lists as left out are the excluded rows, with core's codes.
  const excluded = await page.$$eval('#theme-waste table.households tr.excluded', (trs) => trs.map((tr) => ({
    household: tr.dataset.household,
    codes: [...tr.querySelectorAll('.reason')].map((r) => r.dataset.code),
  })));
  assert.deepEqual(excluded.flatMap((h) => h.codes.map((code) => ({ household: h.household, code }))), waste.exclusions);
  // Energy's detailed CSV files are not offered; the theme's own are.
  assert.ok(await page.isHidden('#download-csv'));
  assert.deepEqual(sections[0].downloads, ['teams', 'households']);
  await page.screenshot({ path: path.join(out, 'page-zero-dechet.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a weighing of an unknown stream shows core\'s error next to pesees.csv, with line and column', async () => {
  const files = pickerFiles(path.join(examples, 'zero-dechet'));
  const weighings = files.find((f) => f.name === 'pesees.csv');
  const lines = full.decode(weighings.buffer).split('\n');
  // The fifth weighing (line 6 of the file, its header is line 1): a stream core does not know.
  const at = 5;
  const cols = lines[at].split(';');
  assert.equal(lines[0].split(';')[2], 'flux');
  cols[2] = 'carton';
  lines[at] = cols.join(';');
  weighings.buffer = Buffer.from(lines.join('\n'));
  const { page, errors } = await openPage();
  await page.setInputFiles('#picker', files);
  await page.waitForSelector('#files li.file-error');
  assert.deepEqual(await page.$$eval('#files li.file-error', (lis) => lis.map((li) => li.dataset.file)), ['pesees.csv']);
  const message = plain(await page.textContent('#files li.file-error .file-message'));
  // Core's message for a name it does not know (a stream's), in French, then where.
  assert.match(message, /^nom inconnu pour /);
  assert.match(message, /« carton »/);
  assert.ok(message.endsWith(`ligne ${at + 1}, colonne « flux »)`), message);
  assert.equal(await page.getAttribute('#files li.file-error .file-message', 'data-code'), 'unknown_name');
  assert.ok(await page.isHidden('#results'));
  await page.screenshot({ path: path.join(out, 'page-error-pesees.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Déclics sample shows energy, water and waste as table_demo prints them, with each theme\'s CSV files', async () => {
  const dir = path.join(examples, 'declics');
  const expected = tableDemo(dir);
  // What the package computes from the same files, in Node.
  const inNode = sheetsThemes.computeSheets(readdirSync(dir).sort().map((name) => ({ name, text: full.decode(readFileSync(path.join(dir, name))) })), { lang: 'fr' });
  const { page, errors } = await openPage();
  const wasm = wasmRequests(page);
  await page.click('#sample-declics');
  await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
  assert.deepEqual(wasm, ['ecodefi_sheets_themes_bg.wasm']);
  assert.equal(await page.getAttribute('body', 'data-households'), String(inNode.report.households));
  assert.equal(await page.textContent('#challenge-title'), expected.title);
  const sections = await shownSections(page);
  assert.deepEqual(sections.map((s) => s.title), ['Énergie', 'Eau', 'Déchets']);
  assert.deepEqual(sections.map((s) => s.headline), expected.sections.map((s) => s.headline));
  // Every theme here ranks by a change: drawn as the example prints it.
  sections.forEach((s, i) => assert.deepEqual(s.ranking, expected.sections[i].teams.map((t) => `${t.rank}. ${t.name} ${t.figure}`), s.theme));
  // Each theme's CSV files, and energy's detailed ones.
  assert.ok(sections.every((s) => s.downloads.join() === 'teams,households'));
  assert.ok(await page.isVisible('#download-csv'));
  const [teams] = await Promise.all([page.waitForEvent('download'), page.click('#theme-waste button[data-csv="teams"]')]);
  assert.equal(teams.suggestedFilename(), 'dechets-equipes.csv');
  assert.equal(readFileSync(await teams.path(), 'utf8'), inNode.sections.find((s) => s.theme === 'waste').teamsCsv);
  const [households] = await Promise.all([page.waitForEvent('download'), page.click('#theme-water button[data-csv="households"]')]);
  assert.equal(households.suggestedFilename(), 'eau-foyers.csv');
  assert.equal(readFileSync(await households.path(), 'utf8'), inNode.sections.find((s) => s.theme === 'water').householdsCsv);
  const [energy] = await Promise.all([page.waitForEvent('download'), page.click('#download-teams-csv')]);
  assert.equal(readFileSync(await energy.path(), 'utf8'), inNode.teamsCsv);
  await page.screenshot({ path: path.join(out, 'page-declics.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Linky, Gazpar and Météo-France files of a challenge: station, imported files, and files_challenge\'s results, by ecodefi/sheets-themes', async () => {
  const dir = path.join(examples, 'linky-gazpar');
  const expected = filesChallenge(dir);
  const [energy] = expected.sections;
  // What the package computes and reads from the same files, in Node.
  const files = byteFiles(dir);
  const inNode = sheetsThemes.computeFiles(files, { lang: 'fr' });
  const weatherFile = files.find((f) => !full.tableOf(f.name) && sheetsThemes.fileKind(f.name, f.bytes).kind === 'weather');
  const { stations } = sheetsThemes.readWeatherFile(weatherFile.bytes, weatherFile.name);
  assert.ok(stations.length > 1, 'a file of several stations');
  const { page, errors } = await openPage();
  const wasm = wasmRequests(page);
  await page.setInputFiles('#picker', pickerFiles(dir));
  await page.waitForSelector('#results:not([hidden])', { timeout: 120_000 });
  // Only the module that reads files: neither the full one nor another.
  assert.deepEqual(wasm, ['ecodefi_sheets_themes_bg.wasm']);
  assert.equal(await page.getAttribute('body', 'data-module'), 'sheets-themes');
  // Each file with what core says it is.
  const roles = await page.$$eval('#files li', (lis) => lis.map((li) => [li.dataset.file, li.className]));
  assert.ok(roles.every(([, c]) => c === 'file-ok'), JSON.stringify(roles));
  // The stations, the one core used selected.
  const shownStations = await page.$$eval('#stations tbody tr', (trs) => trs.map((tr) => tr.dataset.station));
  assert.deepEqual(shownStations, stations.map((s) => s.number));
  const used = inNode.imported.weather.station.number;
  assert.equal(await page.$eval('#stations input[name="station"]:checked', (r) => r.value), used);
  assert.equal(await page.getAttribute('#station-used', 'data-station'), used);
  // Each period of the used station is complete (core computed with it).
  assert.deepEqual(await page.$$eval(`#stations tr[data-station="${used}"] td[data-missing]`, (tds) => tds.map((td) => td.dataset.missing)), ['0', '0']);
  // "Fichiers importés": every Linky and Gazpar file, its household and meter.
  const imported = await page.$$eval('#imported-meters tbody tr', (trs) => trs.map((tr) => ({
    file: tr.dataset.file, household: tr.dataset.household, meter: tr.dataset.meter, created: tr.dataset.created === 'true',
  })));
  assert.deepEqual(imported, inNode.imported.meters.map((m) => ({ file: m.file, household: m.household, meter: m.meter, created: m.created })));
  assert.ok(imported.length > 0);
  const kinds = await page.$$eval('#imported-meters tbody tr td:nth-child(5)', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(kinds, inNode.imported.meters.map((m) => ({
    daily_consumption: 'consommation quotidienne (Enedis)',
    index: 'index quotidien (Enedis)',
    load_curve: `courbe de charge ${m.content.step_minutes} min (Enedis)`,
    gas_days: 'relevés Gazpar (GRDF)',
  })[m.content.kind]));
  // The results files_challenge prints: headline, ranking, exclusions.
  const sections = await shownSections(page);
  assert.deepEqual(sections.map((s) => s.theme), ['energy']);
  assert.equal(sections[0].headline, energy.headline);
  assert.deepEqual(sections[0].ranking, energy.teams.map((t) => `${t.rank}. ${t.name} ${t.figure}`));
  const excluded = await page.$$eval('#theme-energy table.households tr.excluded', (trs) => trs.map((tr) => ({
    household: tr.dataset.household,
    codes: [...tr.querySelectorAll('.reason')].map((r) => r.dataset.code),
  })));
  assert.deepEqual(excluded.flatMap((h) => h.codes.map((code) => ({ household: h.household, code }))), energy.exclusions);
  await page.screenshot({ path: path.join(out, 'page-files.png'), fullPage: true });
  await page.locator('#imports').screenshot({ path: path.join(out, 'page-files-imports.png') });
  // A station with missing days picked: core's error next to the
  // Météo-France file, as in Node.
  const settled = () => page.waitForSelector('body:not([data-busy])', { timeout: 60_000 });
  const inNodeWith = (options) => {
    try {
      return { result: sheetsThemes.computeFiles(files, options) };
    } catch (err) {
      return { err };
    }
  };
  const gappy = stations.find((s) => s.missing_days > 0);
  assert.ok(gappy, 'a station with missing days');
  const unfilled = inNodeWith({ station: gappy.number });
  assert.equal(unfilled.err?.code, 'insufficient_data');
  await page.check(`#stations input[value="${gappy.number}"]`);
  await settled();
  assert.deepEqual(await page.$$eval('#files li.file-error', (lis) => lis.map((li) => li.dataset.file)), [weatherFile.name]);
  assert.equal(await page.getAttribute('#files li.file-error .file-message', 'data-code'), 'insufficient_data');
  assert.ok(await page.isHidden('#results'));
  assert.ok(await page.isVisible('#stations'), 'the stations stay, to choose again');
  // Its days filled from the station core used: computed again, the filled
  // days listed as core gives them.
  const byStation = inNodeWith({ station: gappy.number, fillStation: used }).result;
  await page.selectOption('#fill-station', used);
  await settled();
  assert.equal(await page.getAttribute('#station-used', 'data-station'), gappy.number);
  assert.equal(await page.textContent('#theme-energy .theme-headline'), byStation.report.energy.headline);
  const filledDays = await page.$$eval('#filled-days li', (lis) => lis.map((li) => [li.dataset.date, li.dataset.how]));
  assert.deepEqual(filledDays, byStation.imported.weather.filled.map((d) => [d.date, d.how.method]));
  assert.ok(filledDays.length > 0);
  // Or by interpolation over gaps of at most 4 days, as in Node.
  await page.selectOption('#fill-station', '');
  await settled();
  const interpolated = inNodeWith({ station: gappy.number, interpolateMaxDays: 4 });
  await page.locator('#interpolate').fill('4');
  await page.locator('#interpolate').dispatchEvent('change');
  await settled();
  if (interpolated.result) {
    assert.equal(await page.textContent('#theme-energy .theme-headline'), interpolated.result.report.energy.headline);
    assert.deepEqual(await page.$$eval('#filled-days li', (lis) => lis.map((li) => li.dataset.how)),
      interpolated.result.imported.weather.filled.map((d) => d.how.method));
  } else {
    assert.equal(await page.getAttribute('#files li.file-error .file-message', 'data-code'), interpolated.err.code);
  }
  await page.locator('#files').screenshot({ path: path.join(out, 'page-files-list.png') });
  await page.locator('#imports').screenshot({ path: path.join(out, 'page-files-filled.png') });
  // And back to the first station, nothing filled: the first results again.
  await page.locator('#interpolate').fill('0');
  await page.locator('#interpolate').dispatchEvent('change');
  await settled();
  await page.check(`#stations input[value="${used}"]`);
  await settled();
  assert.equal(await page.getAttribute('#station-used', 'data-station'), used);
  // The station picked by hand: files_challenge's headline, ranking and exclusions.
  const again = await shownSections(page);
  assert.equal(again[0].headline, energy.headline);
  assert.deepEqual(again[0].ranking, energy.teams.map((t) => `${t.rank}. ${t.name} ${t.figure}`));
  const excludedAgain = await page.$$eval('#theme-energy table.households tr.excluded', (trs) => trs.map((tr) => ({
    household: tr.dataset.household,
    codes: [...tr.querySelectorAll('.reason')].map((r) => r.dataset.code),
  })));
  assert.deepEqual(excludedAgain.flatMap((h) => h.codes.map((code) => ({ household: h.household, code }))), energy.exclusions);
  assert.deepEqual(await page.$$eval('#filled-days li', (lis) => lis.length), 0);
  assert.deepEqual(wasm, ['ecodefi_sheets_themes_bg.wasm']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('without station_meteo, the page takes the most complete station; the bundled sample is the linky-gazpar folder', async () => {
  const dir = path.join(examples, 'linky-gazpar');
  const files = pickerFiles(dir);
  const settings = files.find((f) => f.name === 'defi.csv');
  const lines = full.decode(settings.buffer).split('\n');
  assert.ok(lines.some((l) => l.startsWith('station_meteo;')));
  settings.buffer = Buffer.from(lines.filter((l) => !l.startsWith('station_meteo;')).join('\n'));
  const bytes = files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.buffer) }));
  // Core asks for a station, naming them.
  assert.throws(() => sheetsThemes.computeFiles(bytes), (e) => e.code === 'invalid_value' && /station_meteo/.test(e.message));
  const weatherFile = bytes.find((f) => !full.tableOf(f.name) && sheetsThemes.fileKind(f.name, f.bytes).kind === 'weather');
  const { stations } = sheetsThemes.readWeatherFile(weatherFile.bytes, weatherFile.name);
  const most = Math.max(...stations.map((s) => s.complete_days));
  const best = stations.find((s) => s.complete_days === most); // the first of the most complete
  const expected = sheetsThemes.computeFiles(bytes, { station: best.number, lang: 'fr' });
  const { page, errors } = await openPage();
  await page.setInputFiles('#picker', files);
  await page.waitForSelector('#results:not([hidden])', { timeout: 120_000 });
  assert.equal(await page.$eval('#stations input[name="station"]:checked', (r) => r.value), best.number);
  assert.equal(await page.textContent('#theme-energy .theme-headline'), expected.report.energy.headline);
  // The sample button gives the folder's files: files_challenge's headline.
  const [energy] = filesChallenge(dir).sections;
  // (The shown results hidden first, so that the wait is for the new ones.)
  await page.$eval('#results', (r) => { r.hidden = true; });
  await page.click('#sample-linky-gazpar');
  await page.waitForSelector('#results:not([hidden])', { timeout: 120_000 });
  assert.equal(await page.textContent('#theme-energy .theme-headline'), energy.headline);
  assert.equal(await page.$$eval('#imported-meters tbody tr', (trs) => trs.length), sheetsThemes.computeFiles(byteFiles(dir)).imported.meters.length);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a broken Linky file shows core\'s error next to it, with its line', async () => {
  const dir = path.join(examples, 'linky-gazpar');
  const files = pickerFiles(dir);
  const linky = files.find((f) => !full.tableOf(f.name) && /\.csv$/i.test(f.name)
    && sheetsThemes.fileKind(f.name, new Uint8Array(f.buffer)).kind === 'meter');
  assert.ok(linky, 'a Linky file in the sample');
  const lines = full.decode(linky.buffer).split('\n');
  const at = lines.findIndex((l) => /^Horodate;Valeur/.test(l)) + 3; // the third value row
  const cols = lines[at].split(';');
  cols[1] = 'douze';
  lines[at] = cols.join(';');
  linky.buffer = Buffer.from(lines.join('\n'));
  const { page, errors } = await openPage();
  await page.setInputFiles('#picker', files);
  await page.waitForSelector('#files li.file-error', { timeout: 60_000 });
  assert.deepEqual(await page.$$eval('#files li.file-error', (lis) => lis.map((li) => li.dataset.file)), [linky.name]);
  const message = plain(await page.textContent('#files li.file-error .file-message'));
  assert.match(message, /^valeur invalide pour /);
  assert.match(message, new RegExp(`ligne ${at + 1}\\b`));
  assert.match(message, /douze/);
  assert.ok(await page.isHidden('#results'));
  await page.screenshot({ path: path.join(out, 'page-error-linky.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

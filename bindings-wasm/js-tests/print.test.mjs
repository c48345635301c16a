// The printable results (« Imprimer / PDF », www/print.js) in headless
// Debian chromium, driven by playwright-core: the page loads a bundled
// sample (energy: the challenge document; zero-dechet: waste; declics:
// energy, water and waste; both in spreadsheet files), the print button
// builds the print document (window.print is replaced by a marker: a
// headless browser has no print dialog), then the page is printed as the
// browser prints it (print media, `page.pdf`, A4) and the PDF's text
// (`pdftotext -layout`, Debian's poppler-utils) is checked against the
// report the page shows (its JSON download, itself equal to what the
// package computes in Node): every sheet numbered; the parts in order, each
// starting a sheet (one sheet each for the energy and zero-dechet samples;
// a longer part goes on to the next sheet): the summary with every theme's
// headline, one ranking per theme, one page per team, one certificate per
// household; each team's page names its households, excluded ones with
// core's reason; each certificate gives the household's figures as the
// page writes them (i18n.js's `number` and `percent` on the report's
// decimal strings) or its reason. Pages are also drawn as PNG into
// js-tests/out/print-*.png (pdftoppm) to be looked at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as full from 'ecodefi';
import * as sheetsThemes from 'ecodefi/sheets-themes';
import { startBrowser } from './browser.mjs';
import { here, wasmDir } from './helpers.mjs';
import { number, percent, t } from '../www/i18n.js';

const www = path.join(wasmDir, 'www');
const out = path.join(here, 'out');
const THEMES = ['energy', 'water', 'waste', 'food', 'mobility'];
/** A code in words, as the page names it: core's catalogue, in French. */
const label = (code) => full.codeLabel(code, 'fr');

let browser;

before(async () => {
  mkdirSync(out, { recursive: true });
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
});

/** Spaces of any kind (the no-break ones of French numbers included) as one. */
const flat = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** Without any space. */
const dense = (s) => s.replace(/[\s\u00a0\u202f]+/g, '');

/**
 * The page, given a sample by its button, printed: the report it shows
 * (its JSON download), the PDF's file and its pages' text.
 */
async function printSample(button, name) {
  const { page, errors } = await browser.openPage();
  // Headless, the print dialog is replaced by a marker.
  await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'true'; }; });
  assert.ok(await page.isDisabled('#print-button'), 'no report: nothing to print');
  await page.click(button);
  await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
  assert.equal(await page.textContent('#print-button'), 'Imprimer / PDF');
  assert.ok(await page.isEnabled('#print-button'));
  await page.locator('#results .downloads').first().screenshot({ path: path.join(out, `print-button-${name}.png`) });
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const report = JSON.parse(readFileSync(await json.path(), 'utf8'));
  await page.click('#print-button');
  await page.waitForSelector('body[data-printed="true"]');
  const built = Number(await page.getAttribute('body', 'data-print'));
  await page.emulateMedia({ media: 'print' });
  const file = path.join(out, `print-${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  assert.deepEqual(errors, []);
  await page.close();
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  // pdftotext ends every page with a form feed.
  const pages = text.split('\f').slice(0, -1);
  return { report, file, pages, built };
}

/** Draws page `n` (from 1) of a PDF as `out/print-<name>.png`, at 60 dpi. */
function png(file, n, name) {
  const prefix = path.join(out, `print-${name}`);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(n), '-l', String(n), '-singlefile', file, prefix]);
  assert.ok(statSync(`${prefix}.png`).size > 1000);
}

/**
 * A household's figures on its certificate, labelled, as the page writes
 * them (i18n.js's labels and helpers on the report's decimal strings), per
 * theme: [label, core's value, how it is written]; a value core does not
 * give is not printed.
 */
const kwh = (v) => `${number(v, 0)} kWh`;
const euros = (v) => `${number(v, 0)} €`;
const kgCo2e = (v) => `${number(v, 0)} kg CO2e`;
const kg = (v) => `${number(v, 1)} kg`;
const litres = (v) => `${number(v, 0)} L`;
const change = (v) => percent(v, 1);
const CERTIFIED = {
  energy: (x) => [
    [t.figures.savedKwh, x.saved, kwh],
    [t.figures.eurosSaved, x.euros_saved, euros],
    [t.figures.co2eAvoided, x.co2e_saved, kgCo2e],
    [t.figures.change, x.change, change],
  ],
  waste: (x) => [
    [t.print.wasteAvoided, x.total?.avoided_kg, kg],
    [t.figures.residualAvoided, x.residual?.avoided_kg, kg],
    [t.figures.residualChange, x.residual?.change, change],
    [t.figures.totalChange, x.total?.change, change],
  ],
  water: (x) => [
    [t.figures.waterChange, x.change, change],
    [t.figures.savedLitres, x.saved_litres, litres],
  ],
};

/**
 * The PDF against the report: its pages in order, each with what it must
 * say. Returns the page numbers (from 1) of a team with an excluded
 * household and of two certificates (counted, excluded), for the PNGs.
 */
function checkPdf({ report, pages, built }, { fits = false } = {}) {
  const themes = THEMES.filter((k) => report[k]);
  const teams = report.challenge.teams;
  // Every household once, in core's order (each theme lists them all).
  const households = report[themes[0]].households.map((h) => ({ household: h.household, team: h.team }));
  assert.equal(households.length, report.households);
  // The parts, each starting a sheet with its title: the summary, each
  // theme's ranking, each team's page, each household's certificate.
  const titles = [
    t.print.title,
    ...themes.map((k) => t.print.rankingTitle(t.themes[k])),
    ...teams.map((team) => t.print.teamTitle(team.name)),
    ...households.map(() => t.print.certificateTitle),
  ].map(flat);
  assert.equal(built, titles.length, 'parts built');
  // Every sheet is numbered at its foot ("5 / 212").
  const sheets = pages.map(flat).map((p, i) => {
    const foot = `${i + 1} / ${pages.length}`;
    assert.ok(p.endsWith(foot), `sheet ${i + 1}'s number: ${p.slice(-40)}`);
    return p.slice(0, -foot.length).trim();
  });
  // A sheet starts the next part, or goes on with the one before (a part
  // longer than a sheet); when every part fits its sheet, one sheet each.
  const parts = [];
  const firstSheet = [];
  sheets.forEach((p, i) => {
    if (parts.length < titles.length && p.startsWith(titles[parts.length])) {
      parts.push(p);
      firstSheet.push(i + 1);
    } else {
      assert.ok(parts.length > 0, `sheet ${i + 1} starts no part: ${p.slice(0, 80)}`);
      parts[parts.length - 1] += ` ${p}`;
    }
  });
  assert.equal(parts.length, titles.length, 'every part starts a sheet, in order');
  if (fits) assert.equal(pages.length, titles.length, 'one sheet per part: summary, rankings, teams, certificates');
  const text = parts;
  // Not the screen view.
  assert.ok(!sheets.some((p) => p.includes(flat(t.subtitle))), 'the screen view is not printed');

  // The summary: the challenge, its participants, every theme's headline.
  const [summary] = text;
  assert.ok(summary.startsWith('Résultats du défi'), summary);
  assert.ok(summary.includes(flat(`${report.challenge.name} — ${report.challenge.territory}`)));
  assert.ok(summary.includes(flat(t.print.participants(report.households, teams.length))));
  for (const k of themes) assert.ok(summary.includes(flat(report[k].headline)), `${k} headline`);
  // Its contents name the parts.
  for (const part of [t.print.contents.teams(teams.length), t.print.contents.certificates(households.length)]) {
    assert.ok(summary.includes(flat(part)), `${part} in ${summary}`);
  }

  // Each theme's ranking: every team, with its rank, best first.
  themes.forEach((k, i) => {
    const p = text[1 + i];
    assert.ok(p.startsWith(flat(t.print.rankingTitle(t.themes[k]))), p);
    const ranked = [...report[k].teams].sort((a, b) => a.rank - b.rank);
    let at = 0;
    for (const team of ranked) {
      const label = flat(`${team.rank}. ${team.name}`);
      const found = p.indexOf(label, at);
      assert.ok(found >= at, `${k}: ${label} in rank order`);
      at = found + label.length;
    }
  });

  // One page per team: its name, its households, the excluded ones with
  // their reason (the page's French label of core's code).
  const teamPages = new Map();
  teams.forEach((team, i) => {
    const n = 1 + themes.length + i;
    const p = text[n];
    teamPages.set(team.id, firstSheet[n]);
    assert.ok(p.startsWith(flat(t.print.teamTitle(team.name))), p.slice(0, 80));
    for (const k of themes) {
      const standing = report[k].teams.find((x) => x.team === team.id);
      assert.ok(p.includes(flat(t.print.rank(standing.rank, report[k].teams.length))), `${team.name}: rank in ${k}`);
      for (const h of report[k].households.filter((x) => x.team === team.id)) {
        assert.match(p, new RegExp(`(^| )${h.household} ${h.status === 'computed' ? t.counted : t.excluded} `), `${team.name}: ${h.household}`);
        for (const e of h.exclusions) assert.ok(p.includes(flat(label(e.code))), `${team.name}: ${h.household}'s reason`);
      }
    }
    // No other team's household.
    for (const h of households.filter((x) => x.team !== team.id)) {
      assert.doesNotMatch(p, new RegExp(`(^| )${h.household} (${t.counted}|${t.excluded}) `), `${team.name}: not ${h.household}`);
    }
  });

  // One certificate per household: its team, its figures or its reason.
  let counted = null;
  let excluded = null;
  let teamOfExcluded = null;
  const names = new Map(teams.map((x) => [x.id, x.name]));
  households.forEach((h, i) => {
    const n = 1 + themes.length + teams.length + i;
    const p = text[n];
    assert.ok(p.startsWith(t.print.certificateTitle), p.slice(0, 80));
    assert.ok(p.includes(flat(t.print.certificateOf(h.household, names.get(h.team)))), `${h.household}: who`);
    for (const k of themes) {
      const r = report[k].households.find((x) => x.household === h.household);
      if (r.status === 'computed') {
        // Each label with its figure beside it (pdftotext may space them
        // as it likes: compared without spaces).
        for (const [label, value, write] of CERTIFIED[k](r.figures)) {
          if (value == null) continue;
          const figure = write(value);
          assert.ok(dense(p).includes(dense(`${label}${figure}`)), `${h.household}: ${k} ${label} ${figure} in ${p}`);
        }
        counted ??= firstSheet[n];
      } else {
        assert.ok(p.includes(flat(t.print.notCounted)), `${h.household}: not counted`);
        for (const e of r.exclusions) assert.ok(p.includes(flat(label(e.code))) && p.includes(flat(e.detail)), `${h.household}: ${e.code} ${e.detail} in ${p}`);
        excluded ??= firstSheet[n];
        teamOfExcluded ??= teamPages.get(h.team);
      }
    }
  });
  assert.ok(counted && excluded, 'the sample has counted and excluded households');
  return { counted, excluded, teamOfExcluded };
}

test('the energy sample prints its summary, ranking, team pages and certificates on A4', async () => {
  const printed = await printSample('#sample', 'energy');
  const input = readFileSync(path.join(www, 'sample/energy/challenge.json'), 'utf8');
  assert.deepEqual(printed.report, full.compute(input, { lang: 'fr' }), 'the report shown is the package\'s');
  // A4 (210 × 297 mm: 595 × 842 points), as asked.
  const info = execFileSync('pdfinfo', [printed.file], { encoding: 'utf8' });
  assert.match(info, /Page size:\s+59[56](\.\d+)? x 84[23](\.\d+)? pts \(A4\)/);
  const at = checkPdf(printed, { fits: true });
  // A certificate by hand: F00001 saved 1 135,90… kWh, 96,55… € (core's
  // figures in the report), written as the page writes them.
  const f1 = printed.report.energy.households.find((h) => h.household === 'F00001');
  assert.equal(number(f1.figures.saved, 0), '1\u202f136');
  assert.equal(number(f1.figures.euros_saved, 0), '97');
  png(printed.file, 1, 'energy-summary');
  png(printed.file, 2, 'energy-ranking');
  png(printed.file, at.teamOfExcluded, 'energy-team');
  png(printed.file, at.counted, 'energy-certificate');
  png(printed.file, at.excluded, 'energy-certificate-excluded');
});

/**
 * [printSample] of a bundled spreadsheet sample (its button
 * `#sample-<name>`), whose report must be the one the package computes in
 * Node from the same files.
 */
async function printSheetsSample(name) {
  const printed = await printSample(`#sample-${name}`, name);
  const dir = path.join(www, 'sample', name);
  const tables = readdirSync(dir).sort().map((file) => ({ name: file, text: sheetsThemes.decode(readFileSync(path.join(dir, file))) }));
  assert.deepEqual(printed.report, sheetsThemes.computeSheets(tables, { lang: 'fr' }).report, 'the report shown is the package\'s');
  return printed;
}

test('the zero-waste sample prints its kg of waste avoided per household', async () => {
  const printed = await printSheetsSample('zero-dechet');
  const at = checkPdf(printed, { fits: true });
  png(printed.file, 1, 'zero-dechet-summary');
  png(printed.file, 2, 'zero-dechet-ranking');
  png(printed.file, at.teamOfExcluded, 'zero-dechet-team');
  png(printed.file, at.counted, 'zero-dechet-certificate');
  png(printed.file, at.excluded, 'zero-dechet-certificate-excluded');
});

test('the Déclics sample (energy, water, waste) prints every theme of every household; a long part goes on to the next sheet', async () => {
  const printed = await printSheetsSample('declics');
  assert.deepEqual(THEMES.filter((k) => printed.report[k]), ['energy', 'water', 'waste']);
  const at = checkPdf(printed);
  png(printed.file, at.teamOfExcluded, 'declics-team');
  png(printed.file, at.counted, 'declics-certificate');
});

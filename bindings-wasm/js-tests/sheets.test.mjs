// The spreadsheet modules: `ecodefi/sheets` (energy challenges from
// spreadsheet files, the page's first module) gives the same report, to the
// last digit, as the full module computes from the same tables with the
// same settings given as JSON; core's errors with their file, line and
// column; `unsupported` for what it leaves out; and its size within the
// 375 KB budget (300 KB before its French, issue 13). `ecodefi/sheets-themes` computes a challenge of any theme
// from its files (the zero-waste sample) as the full module does, and
// reads the files organisers download (Météo-France, Linky, Gazpar),
// within 760 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as full from 'ecodefi';
import initSheets, * as sheets from 'ecodefi/sheets';
import initThemes, * as themes from 'ecodefi/sheets-themes';
import { examples, folderTables, readJson, thrown, wasmDir } from './helpers.mjs';

const demo = folderTables(path.join(examples, 'table-demo'));
const withTable = [demo.settingsTable, ...demo.files];

test('ecodefi/sheets and ecodefi/sheets-themes import in Node, init() resolves at once', async () => {
  // Only what a spreadsheet challenge needs, and in sheets-themes what
  // reads the files organisers and households have (Météo-France, Linky,
  // Gazpar).
  const files = ['WeatherFile', 'computeFiles', 'fileKind', 'readMeterFile', 'readWeatherFile', 'weatherTemperatures'];
  for (const [init, module, extra] of [[initSheets, sheets, []], [initThemes, themes, files]]) {
    await init();
    assert.equal(module.version(), readJson(path.join(wasmDir, 'package.json')).version);
    assert.deepEqual(Object.keys(module).filter((k) => typeof module[k] === 'function' && k !== 'default' && !k.startsWith('init')).sort(),
      [...extra, 'codeLabel', 'computeSheets', 'decode', 'tableOf', 'version'].sort());
  }
});

test('the settings table gives the report the JSON settings give, to the last digit', () => {
  assert.ok(demo.settingsTable, 'the demo has its settings table');
  const result = sheets.computeSheets(withTable);
  const expected = full.compute(full.readTables(demo.files, demo.settings));
  assert.deepEqual(result.report, expected);
  assert.match(result.report.energy.headline, /^3 foyers/);
  // The CSV are the full module's writers' on the same report.
  assert.equal(result.householdsCsv, full.householdsCsv(expected));
  assert.equal(result.teamsCsv, full.teamsCsv(expected));
  assert.equal(result.householdsCsv.trim().split('\n').length, 1 + expected.households);
  // One section, energy's, with its headline and the CSV every theme has.
  assert.deepEqual(result.sections.map((s) => [s.theme, s.headline]), [['energy', expected.energy.headline]]);
  assert.match(result.sections[0].teamsCsv, /^theme;rank;team;name;households;excluded;change_percent;gain_points\r\n/);
  assert.equal(result.sections[0].householdsCsv.trim().split('\n').length, 1 + expected.households);
  // ecodefi/sheets-themes computes it alike.
  assert.deepEqual(themes.computeSheets(withTable), result);
  // The full module's computeSheets is the same function.
  assert.deepEqual(full.computeSheets(withTable), result);
  // Files given as JSON text, and in any order, are the same files.
  assert.deepEqual(sheets.computeSheets(JSON.stringify([...withTable].reverse())), result);
});

test('errors name the file, line and column; shapes that are not files are json errors', () => {
  const broken = folderTables(path.join(examples, 'table-demo-broken'));
  const err = thrown(() => sheets.computeSheets([demo.settingsTable, ...broken.files]));
  assert.ok(err instanceof Error);
  assert.equal(err.name, 'EcodefiError');
  assert.equal(err.code, 'invalid_value');
  assert.deepEqual([err.file, err.line, err.column], ['releves.csv', 17, 'valeur']);
  // Without its settings table, core says which file is missing.
  const missing = thrown(() => sheets.computeSheets(demo.files));
  assert.equal(missing.name, 'EcodefiError');
  assert.match(missing.message, /defi\.csv/);
  for (const bad of [undefined, 3, '{}', [{ name: 'foyers.csv' }], [{ name: 'foyers.csv', text: '', table: 'x' }], [{ name: 1, text: '' }]]) {
    const e = thrown(() => sheets.computeSheets(bad));
    assert.equal(e.code, 'json', JSON.stringify(bad));
  }
});

test('another theme is unsupported in ecodefi/sheets, computed by the full module', () => {
  const water = {
    name: 'defi.csv',
    text: demo.settingsTable.text.replace(/^thèmes;.*$/m, 'thèmes;énergie, eau'),
  };
  assert.notEqual(water.text, demo.settingsTable.text);
  const err = thrown(() => sheets.computeSheets([water, ...demo.files]));
  assert.equal(err.name, 'EcodefiError');
  assert.equal(err.code, 'unsupported');
  assert.match(err.message, /water theme/);
  const report = full.computeSheets([water, ...demo.files]).report;
  assert.ok(report.energy && report.water);
});

// The zero-waste sample: 60 households, their weighings (pesees.csv) and
// the waste periods in defi.csv; read as bytes and decoded, as the page does.
const zeroWaste = folderTables(path.join(examples, 'zero-dechet'));
const zeroWasteFiles = [zeroWaste.settingsTable, ...zeroWaste.files];

/** The rows of a CSV as core writes it (`;`, CRLF), each an object by the
 * header's names (no field of the zero-waste sample is quoted). */
function rows(csv) {
  const [header, ...lines] = csv.trimEnd().split('\r\n').map((l) => l.split(';'));
  return lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i]])));
}

test('a zero-waste challenge from its spreadsheet files: ecodefi/sheets-themes as the full module', () => {
  assert.ok(zeroWaste.settingsTable, 'the sample has its settings table');
  const result = themes.computeSheets(zeroWasteFiles);
  assert.deepEqual(result, full.computeSheets(zeroWasteFiles));
  const { report } = result;
  assert.equal(report.schema_version, 2);
  assert.equal(report.energy, undefined);
  // No energy: no energy CSV, and the waste section's CSV instead.
  assert.equal(result.householdsCsv, null);
  assert.equal(result.teamsCsv, null);
  assert.deepEqual(result.sections.map((s) => [s.theme, s.headline]), [['waste', report.waste.headline]]);
  // The same challenge as a JSON document, computed by the full module:
  // the same headline, and the teams CSV says what its teams say.
  const json = full.compute(readFileSync(path.join(examples, 'waste/challenge.json'), 'utf8'));
  const [waste] = result.sections;
  assert.equal(waste.headline, json.waste.headline);
  assert.equal(report.households, json.households);
  // In fact the whole report, to the last digit; and the full module's
  // `sectionsCsv` on the JSON document's report gives the same CSV files.
  assert.deepEqual(report, json);
  assert.deepEqual(full.sectionsCsv(json), result.sections);
  const teams = rows(waste.teamsCsv);
  assert.equal(teams.length, json.waste.teams.length);
  const byRank = [...json.waste.teams].sort((a, b) => a.rank - b.rank);
  teams.forEach((row, i) => {
    const t = byRank[i];
    const residual = t.totals.residual;
    assert.deepEqual(
      [row.theme, Number(row.rank), row.team, row.name, Number(row.households), Number(row.excluded), row.gain_points],
      ['waste', t.rank, t.team, t.name, residual.households, residual.excluded, ''],
      `row ${i + 1}`,
    );
    // A percentage with a decimal comma, rounded to 2 places.
    if (residual.change === null) assert.equal(row.change_percent, '');
    else assert.ok(Math.abs(Number(row.change_percent.replace(',', '.')) - Number(residual.change) * 100) <= 0.005, `${row.change_percent} vs ${residual.change}`);
  });
  // Every household, in input order, computed or excluded as in the document.
  const households = rows(waste.householdsCsv);
  assert.deepEqual(households.map((h) => [h.household, h.team, h.status]),
    json.waste.households.map((h) => [h.household, h.team, h.status]));
  assert.equal(households.length, 60);
});

test('the zero-waste challenge is unsupported in ecodefi/sheets', () => {
  const err = thrown(() => sheets.computeSheets(zeroWasteFiles));
  assert.equal(err.name, 'EcodefiError');
  assert.equal(err.code, 'unsupported');
  // Its waste settings in defi.csv are the first thing the small module
  // cannot read.
  assert.match(err.message, /^a water, waste, food or mobility setting is not in this build of ecodefi \(cargo feature `themes`/);
});

test('a broken weighings file: an EcodefiError naming pesees.csv, its line and column', () => {
  const pesees = zeroWaste.files.find((f) => f.name === 'pesees.csv');
  const lines = pesees.text.split('\n');
  // The third weighing of packaging (a line number counts the header as 1).
  const at = lines.map((l, i) => (l.split(';')[2] === 'emballages' ? i : -1)).filter((i) => i >= 0)[2];
  lines[at] = lines[at].replace(';emballages;', ';carton;');
  const broken = zeroWasteFiles.map((f) => (f === pesees ? { name: f.name, text: lines.join('\n') } : f));
  for (const module of [themes, full]) {
    const err = thrown(() => module.computeSheets(broken));
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'EcodefiError');
    assert.deepEqual([err.file, err.line, err.column], ['pesees.csv', at + 1, 'flux']);
    assert.match(err.message, /carton/);
  }
  // The module is still alive.
  assert.equal(themes.computeSheets(zeroWasteFiles).sections.length, 1);
});

test('the modules\' sizes: the page\'s within 375 KB, every theme and the file readers within 760 KB', () => {
  const size = (f) => statSync(path.join(wasmDir, 'pkg', f)).size;
  const small = size('sheets/ecodefi_sheets_bg.wasm');
  const middle = size('sheets-themes/ecodefi_sheets_themes_bg.wasm');
  const big = size('ecodefi_wasm_bg.wasm');
  console.log(`# ecodefi/sheets .wasm: ${small} bytes; ecodefi/sheets-themes: ${middle} bytes; ecodefi: ${big} bytes`);
  assert.ok(small <= 375_000, `${small} bytes`);
  assert.ok(middle <= 760_000, `${middle} bytes`);
  assert.ok(small < middle && middle < big);
});

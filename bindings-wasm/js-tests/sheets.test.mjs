// The small module `ecodefi/sheets` (energy challenges from spreadsheet
// files, the page's module): the same report, to the last digit, as the
// full module computes from the same tables with the same settings given as
// JSON; core's errors with their file, line and column; `unsupported` for
// what it leaves out; and its size within the 300 KB budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import * as full from 'ecodefi';
import initSheets, * as sheets from 'ecodefi/sheets';
import { examples, folderTables, readJson, wasmDir } from './helpers.mjs';

const demo = folderTables(path.join(examples, 'table-demo'));
const withTable = [demo.settingsTable, ...demo.files];

/** Calls `f`, which must throw; returns what it threw. */
function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('expected a throw');
}

test('ecodefi/sheets imports in Node, init() resolves at once', async () => {
  await initSheets();
  assert.equal(sheets.version(), readJson(path.join(wasmDir, 'package.json')).version);
  // Only what a spreadsheet challenge needs.
  assert.deepEqual(Object.keys(sheets).filter((k) => typeof sheets[k] === 'function' && k !== 'default' && !k.startsWith('init')).sort(),
    ['computeSheets', 'decode', 'version']);
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

test('the page\'s module is within the 300 KB budget, the full one is not needed for it', () => {
  const small = statSync(path.join(wasmDir, 'pkg/sheets/ecodefi_sheets_bg.wasm')).size;
  const big = statSync(path.join(wasmDir, 'pkg/ecodefi_wasm_bg.wasm')).size;
  console.log(`# ecodefi/sheets .wasm: ${small} bytes; ecodefi .wasm: ${big} bytes`);
  assert.ok(small <= 300_000, `${small} bytes`);
  assert.ok(small < big);
});

// The built npm package under Node 20: imported by its name (the package's
// `exports`), results are plain objects with decimals as strings, errors
// are EcodefiError objects with core's code and location.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import init, * as ecodefi from 'ecodefi';
import { compute, householdsCsv, readTables, teamsCsv, version } from 'ecodefi';
import { examples, folderTables, readJson, thrown, wasmDir } from './helpers.mjs';

const pkg = readJson(path.join(wasmDir, 'package.json'));

test('the package imports in Node and init() resolves at once', async () => {
  await init();
  assert.equal(version(), pkg.version);
});

test('demo tables to a report: headline, teams and every household', async () => {
  const { files, settings } = folderTables(path.join(examples, 'table-demo'));
  const data = readTables(files, settings);
  assert.equal(data.households.length, 3);
  const report = compute(data);
  assert.equal(report.households, 3);
  assert.match(report.energy.headline, /^3 foyers/);
  // Nothing lost: every household, computed or excluded with a reason.
  assert.deepEqual(report.energy.households.map((h) => h.household), data.households.map((h) => h.id));
  assert.equal(report.schema_version, 2);
  for (const h of report.energy.households) {
    assert.ok(['computed', 'excluded'].includes(h.status), h.household);
    assert.equal(h.figures === null, h.status === 'excluded', h.household);
    assert.equal(h.exclusions.length > 0, h.status === 'excluded', h.household);
  }
  assert.deepEqual(report.energy.teams.map((t) => t.rank), report.energy.teams.map((_, i) => i + 1));
  // Settings given as an object give the same document.
  assert.deepEqual(readTables(files, JSON.parse(settings)), data);
  // English file names, any case, and any order give the same document.
  const english = { 'foyers.csv': 'Households.CSV', 'releves.csv': 'readings.csv' };
  assert.deepEqual(readTables(files.map((f) => ({ ...f, name: english[f.name] ?? f.name })).reverse(), settings), data);
});

test('decimals cross as strings both ways, never numbers', () => {
  const report = compute(readFileSync(path.join(examples, 'energy/challenge.json'), 'utf8'));
  const saved = report.energy.totals.totals.saved;
  assert.equal(typeof saved, 'string');
  assert.match(saved, /^-?\d+(\.\d+)?$/);
  const counted = report.energy.households.find((h) => h.status === 'computed');
  for (const k of ['change', 'persons', 'consumption_units']) assert.equal(typeof counted.figures[k], 'string', k);
  // A number where core wants a decimal is refused by core, not rounded.
  const data = readJson(path.join(examples, 'energy/challenge.json'));
  data.challenge.objective = 0.08;
  const err = thrown(() => compute(data));
  assert.equal(err.name, 'EcodefiError');
  assert.equal(err.code, 'json');
});

// Report schema version 2: the households of every theme in one shape.
const RESULT_KEYS = ['exclusions', 'figures', 'household', 'status', 'team', 'warnings'];

test('every theme lists every household in the one result shape', () => {
  for (const theme of ['energy', 'water', 'waste', 'food', 'mobility']) {
    const data = readJson(path.join(examples, theme, 'challenge.json'));
    const report = compute(data);
    assert.equal(report.schema_version, 2, theme);
    const section = report[theme];
    assert.ok(section, theme);
    assert.deepEqual(section.households.map((h) => h.household), data.households.map((h) => h.id), theme);
    for (const h of section.households) {
      const at = `${theme} ${h.household}`;
      assert.deepEqual(Object.keys(h).sort(), RESULT_KEYS, at);
      assert.ok(Array.isArray(h.warnings), at);
      if (h.status === 'computed') {
        assert.equal(typeof h.figures, 'object', at);
        assert.notEqual(h.figures, null, at);
        assert.deepEqual(h.exclusions, [], at);
      } else {
        assert.equal(h.status, 'excluded', at);
        assert.equal(h.figures, null, at);
        assert.ok(h.exclusions.length > 0, at);
        for (const e of h.exclusions) assert.equal(typeof e.code, 'string', at);
      }
    }
  }
});

test('the same report from the object and from its JSON text', () => {
  const text = readFileSync(path.join(examples, 'energy/challenge.json'), 'utf8');
  assert.deepEqual(compute(JSON.parse(text)), compute(text));
});

test('results as CSV (core writer, French style): one row per household and per team', () => {
  const text = readFileSync(path.join(examples, 'energy/challenge.json'), 'utf8');
  const report = compute(text);
  const households = householdsCsv(report).trimEnd().split('\n');
  assert.equal(households.length, 1 + report.energy.households.length);
  assert.match(households[0], /^household;team;status;/);
  const teams = teamsCsv(JSON.stringify(report)).trimEnd().split('\n');
  assert.equal(teams.length, 1 + report.energy.teams.length);
  const noEnergy = { ...report };
  delete noEnergy.energy;
  assert.equal(thrown(() => householdsCsv(noEnergy)).code, 'invalid_value');
});

test('a broken CSV: an EcodefiError naming file, line and column', async () => {
  const { files, settings } = folderTables(path.join(examples, 'table-demo-broken'));
  const err = thrown(() => readTables(files, settings));
  assert.ok(err instanceof Error);
  assert.equal(err.name, 'EcodefiError');
  assert.equal(err.code, 'invalid_value');
  assert.equal(err.file, 'releves.csv');
  assert.equal(err.line, 17);
  assert.equal(err.column, 'valeur');
  assert.equal(err.household, undefined);
  assert.match(err.message, /12,3,4/);
  assert.match(err.message, /at file `releves.csv`, line 17, column `valeur`$/);
});

test('errors in documents carry the household and core code', () => {
  const data = readJson(path.join(examples, 'energy/challenge.json'));
  data.households[1].id = data.households[0].id;
  const dup = thrown(() => compute(data));
  assert.equal(dup.code, 'duplicate');
  assert.equal(dup.household, data.households[0].id);
  assert.equal(dup.index, 1);
  data.households[1].id = 'X';
  data.households[1].team = 'nowhere';
  const ref = thrown(() => compute(data));
  assert.equal(ref.code, 'unknown_reference');
  assert.equal(ref.household, 'X');
  data.households[1].team = data.households[0].team;
  data.households[1].meters[0].carrier = 'gaz';
  assert.equal(thrown(() => compute(data)).code, 'json');
  assert.equal(thrown(() => compute({ schema_version: 2 })).code, 'schema_version');
});

test('errors in settings and options carry the path of the bad value', () => {
  const data = readJson(path.join(examples, 'energy/challenge.json'));
  data.challenge.themes = [];
  const themes = thrown(() => compute(data));
  assert.equal(themes.code, 'invalid_value');
  assert.equal(themes.path, 'challenge.themes');
  assert.equal(themes.household, undefined);
  assert.match(themes.message, /at `challenge\.themes`$/);
  data.challenge.themes = ['energy'];
  data.options = { energy: { mixed_heating_share: '1.5' } };
  assert.equal(thrown(() => compute(data)).path, 'options.energy.mixed_heating_share');
});

test('what JSON cannot hold, unknown tables and fields: errors, never a crash', async () => {
  for (const bad of [undefined, () => 1, 1n, '{', '', null, 42]) {
    const err = thrown(() => compute(bad));
    assert.ok(err instanceof Error, String(bad));
    assert.equal(err.name, 'EcodefiError');
    assert.ok(['json', 'schema_version'].includes(err.code), `${String(bad)}: ${err.code}`);
  }
  const { files, settings } = folderTables(path.join(examples, 'table-demo'));
  assert.equal(thrown(() => readTables([...files, { name: 'notes.csv', text: '' }], settings)).code, 'unknown_name');
  assert.equal(thrown(() => readTables([...files, { ...files[0], name: 'households.csv' }], settings)).code, 'duplicate');
  assert.equal(thrown(() => readTables(files.filter((f) => f.name !== 'foyers.csv'), settings)).code, 'insufficient_data');
  assert.equal(thrown(() => readTables([{ name: 'foyers.csv' }], settings)).code, 'json');
  assert.equal(thrown(() => readTables({ households: files[0] }, settings)).code, 'json');
  const withExtra = { ...JSON.parse(settings), colour: 'green' };
  assert.equal(thrown(() => readTables(files, withExtra)).code, 'json');
  // The module is still alive after all of these.
  assert.equal(readTables(files, settings).households.length, 3);
});

test('package.json: ESM, types, Node 20, the files it ships exist', async () => {
  assert.equal(pkg.name, 'ecodefi');
  assert.equal(pkg.type, 'module');
  const exp = pkg.exports['.'];
  for (const key of ['types', 'node', 'default']) {
    assert.ok(readFileSync(path.join(wasmDir, exp[key])).length > 0, key);
  }
  for (const f of pkg.files) assert.ok(readFileSync(path.join(wasmDir, f)).length > 0, f);
  const dts = readFileSync(path.join(wasmDir, exp.types), 'utf8');
  for (const t of ['interface ChallengeData', 'interface Report', 'interface EcodefiError', 'export function compute(data: ChallengeData | string, options?: ComputeOptions | null): Report;']) {
    assert.ok(dts.includes(t), t);
  }
});

test('decode: files as spreadsheets export them, by core', () => {
  const { decode } = ecodefi;
  assert.equal(decode(new Uint8Array([0xe9, 0x71])), 'éq'); // Windows-1252
  assert.equal(decode(new TextEncoder().encode('équipe')), 'équipe');
  assert.equal(decode(new Uint8Array([])), '');
});

// The shared conformance vectors of tests/vectors, through the package: the
// same inputs give the same digits as the Rust runner (tests/tests/), each
// value rounded half away from zero to the file's `places`. Vectors of core
// functions the package does not export (degree-days, conversions,
// correction, prorating: the steps inside `compute`; typed columns; the
// regression's billing vectors, not checked by this suite yet) are listed as
// skipped, each with its reason. The regression's hand and daily vectors run
// in regression.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { catalogueSummary, catalogueTimelines, catalogueValidate, compute, decode, readTables } from 'ecodefi';
import { readFileSync } from 'node:fs';
import { normalizeDecimal, readJson, root, roundDecimal, subsetDiff, vectorFiles } from './helpers.mjs';

const dir = path.join(root, 'tests/vectors');
const RUN = new Set([
  'energy_challenge.json', 'table/read.json',
  'water/challenge.json', 'waste/challenge.json', 'food/challenge.json', 'mobility/challenge.json', 'themes/challenge.json', 'table/errors.json', 'table/decode.json', 'table/settings.json',
  'catalogue/aggregation.json', 'catalogue/hauts-de-france.json',
  'catalogue/schema-violations.json', 'catalogue/validation.json',
]);
// Run in their own test files.
const RUN_ELSEWHERE = new Set([
  'regression/hand.json', 'regression/eemeter_daily.json', 'regression/window.json',
  'files/meter_files.json', 'files/weather_files.json', // files.test.mjs
]);
const NOT_EXPORTED = {
  'conversions.json': 'carrier conversions are inside compute, not exported',
  'correction.json': 'climate correction is inside compute, not exported',
  'degree_days.json': 'degree-days are inside compute, not exported',
  'prorating.json': 'prorating is inside compute, not exported',
  'table/columns.json': 'typed columns are the entry point of Python DataFrames; JS reads CSV files',
  'regression/eemeter_billing.json': 'billing fits are bound (regressionFit with kind billing) but these vectors are not run by the JS suite yet',
};

test('every vector file is run or skipped with a reason', () => {
  for (const f of vectorFiles()) {
    assert.ok(RUN.has(f) || RUN_ELSEWHERE.has(f) || f in NOT_EXPORTED, `vector file ${f} is neither run nor skipped by the JS suite`);
  }
});

for (const [f, why] of Object.entries(NOT_EXPORTED)) {
  test(`vectors ${f}`, { skip: why }, () => {});
}

function check(what, actual, expected, places) {
  assert.equal(typeof actual, 'string', `${what}: a decimal string`);
  assert.equal(roundDecimal(actual, places), roundDecimal(expected, places), `${what}: got ${actual}`);
}

test('vectors energy_challenge.json', () => {
  const doc = readJson(path.join(dir, 'energy_challenge.json'));
  const p = doc.places;
  for (const c of doc.cases) {
    const energy = compute(c.input).energy;
    const want = c.expected;
    check(`${c.name} reference DJ`, energy.reference_degree_days, want.reference_degree_days, p);
    check(`${c.name} challenge DJ`, energy.challenge_degree_days, want.challenge_degree_days, p);
    for (const h of energy.households) {
      const w = want.households[h.household];
      assert.ok(w, `${c.name}: household ${h.household} expected`);
      if (w.exclusions) {
        assert.deepEqual(h.exclusions.map((e) => e.code), w.exclusions, h.household);
        assert.equal(h.status, 'excluded', h.household);
        assert.equal(h.figures, null, h.household);
        continue;
      }
      assert.equal(h.status, 'computed', h.household);
      assert.deepEqual(h.exclusions, [], h.household);
      for (const [field, value] of Object.entries(w)) {
        if (typeof value === 'boolean') assert.equal(h.figures[field], value, `${h.household} ${field}`);
        else check(`${c.name} household ${h.household} ${field}`, h.figures[field], value, p);
      }
    }
    assert.equal(energy.teams.length, want.teams.length);
    want.teams.forEach((w, i) => {
      const t = energy.teams[i];
      assert.equal(t.team, w.team);
      assert.equal(t.rank, w.rank);
      assert.equal(t.totals.households, w.households);
      assert.equal(t.totals.excluded, w.excluded);
      check(`team ${t.team} change`, t.totals.change, w.change, p);
      check(`team ${t.team} saved`, t.totals.saved, w.saved, p);
    });
    const t = energy.totals;
    const w = want.totals;
    assert.equal(t.totals.households, w.households);
    assert.equal(t.totals.excluded, w.excluded);
    for (const k of ['reference', 'actual', 'saved', 'change', 'mean_change', 'median_change']) {
      check(`totals ${k}`, t.totals[k], w[k], p);
    }
    check('totals co2e_saved', t.co2e_saved, w.co2e_saved, p);
    check('totals euros_saved', t.euros_saved, w.euros_saved, p);
    assert.equal(t.objective_reached, w.objective_reached);
    assert.equal(t.households_reaching_objective, w.households_reaching_objective);
  }
});

// ---- The themes: what tests/tests/common/mod.rs (Rust) and
// bindings-python/tests/test_theme_vectors.py compare. Each check's JSON
// Pointer (RFC 6901) into the theme's section (the whole report for
// `themes`) gives the expected value: a decimal string after rounding half
// away from zero to the file's `places`, anything else exactly.

/** The value at a JSON Pointer (RFC 6901), or `undefined` when there is none. */
function pointer(doc, p) {
  if (p === '') return doc;
  assert.ok(p.startsWith('/'), `not a JSON pointer: ${p}`);
  let v = doc;
  for (const raw of p.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = v[key];
  }
  return v;
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

for (const theme of ['water', 'waste', 'food', 'mobility', 'themes']) {
  test(`vectors ${theme}/challenge.json`, () => {
    const doc = readJson(path.join(dir, theme, 'challenge.json'));
    assert.ok(doc.cases.length > 0);
    let checks = 0;
    for (const c of doc.cases) {
      const report = compute(c.input);
      assert.equal(report.schema_version, 2, c.name);
      const got = theme === 'themes' ? report : report[theme];
      assert.ok(got, `${c.name}: no ${theme} section`);
      for (const { pointer: p, expected } of c.checks) {
        const actual = pointer(got, p);
        assert.notEqual(actual, undefined, `${c.name}: nothing at ${p}`);
        if (typeof expected === 'string' && DECIMAL.test(expected) && typeof actual === 'string' && DECIMAL.test(actual)) {
          assert.equal(roundDecimal(actual, doc.places), roundDecimal(expected, doc.places), `${c.name}: ${p}: got ${actual}`);
        } else {
          assert.deepEqual(actual, expected, `${c.name}: ${p}`);
        }
        checks += 1;
      }
    }
    assert.ok(checks > 0, 'no check run');
  });
}

// The table vectors give tables only; readTables also takes the settings,
// which these cases leave to a minimal document (no teams: they come from
// the tables).
const SETTINGS = {
  schema_version: 1,
  challenge: {
    name: 'vecteurs',
    territory: 'test',
    organiser_kind: 'association',
    themes: ['energy'],
    reference_period: { first: '2024-12-01', last: '2025-04-30' },
    challenge_period: { first: '2025-12-01', last: '2026-04-30' },
  },
};

function caseTables(doc, c) {
  const all = { ...doc.base, ...c.tables };
  return Object.entries(all).map(([k, text]) => ({ name: `${k}.csv`, text }));
}

test('vectors table/read.json', () => {
  const doc = readJson(path.join(dir, 'table/read.json'));
  for (const c of doc.cases) {
    const data = readTables(caseTables(doc, c), SETTINGS);
    const got = { households: data.households, teams: data.challenge.teams, temperatures: data.temperatures };
    const diff = subsetDiff(got, c.expect);
    assert.equal(diff, null, `${c.name}: ${diff}`);
  }
});

test('vectors table/errors.json', () => {
  const doc = readJson(path.join(dir, 'table/errors.json'));
  for (const c of doc.cases) {
    let err;
    try {
      readTables(caseTables(doc, c), SETTINGS);
    } catch (e) {
      err = e;
    }
    assert.ok(err, `${c.name}: expected an error`);
    assert.equal(err.name, 'EcodefiError', c.name);
    const want = c.error;
    assert.equal(err.code, want.code, c.name);
    assert.equal(err.file ?? null, want.file ?? null, `${c.name} file`);
    assert.equal(err.line ?? null, want.line ?? null, `${c.name} line`);
    assert.equal(err.column ?? null, want.column ?? null, `${c.name} column`);
  }
});

/** A settings-table case's files: the base tables and `defi.csv`. */
function settingsFiles(doc, c) {
  return [...caseTables(doc, { tables: {} }), { name: 'defi.csv', text: c.settings }];
}

test('vectors table/settings.json', () => {
  const doc = readJson(path.join(dir, 'table/settings.json'));
  for (const c of doc.cases) {
    // No JSON settings: core reads them from the settings table.
    const data = readTables(settingsFiles(doc, c));
    assert.equal(subsetDiff(data.challenge, c.expect.challenge), null, c.name);
    assert.deepEqual(Object.keys(data.challenge).sort(), Object.keys(c.expect.challenge).sort(), c.name);
    const diff = subsetDiff(data.options?.energy ?? {}, c.expect.energy ?? {});
    assert.equal(diff, null, `${c.name}: ${diff}`);
  }
  for (const c of doc.errors) {
    let err;
    try {
      readTables(settingsFiles(doc, c));
    } catch (e) {
      err = e;
    }
    assert.ok(err, `${c.name}: expected an error`);
    assert.equal(err.name, 'EcodefiError', c.name);
    assert.deepEqual([err.code, err.file ?? null, err.line ?? null, err.column ?? null],
      [c.error.code, c.error.file, c.error.line, c.error.column], c.name);
  }
});

test('vectors table/decode.json', () => {
  const doc = readJson(path.join(dir, 'table/decode.json'));
  for (const c of doc.cases) {
    assert.equal(decode(Buffer.from(c.hex, 'hex')), c.text, c.name);
  }
});

// ---- The regional catalogue: what the Rust runner (tests/tests/catalogue.rs)
// compares, through catalogueSummary / catalogueValidate / catalogueTimelines.

/** A decimal string or null, compared as decimals. */
function sameDecimal(actual, expected, what) {
  if (expected === null) {
    assert.equal(actual, null, what);
    return;
  }
  assert.equal(typeof actual, 'string', `${what}: a decimal string`);
  assert.equal(normalizeDecimal(actual), normalizeDecimal(expected), `${what}: got ${actual}`);
}

function checkSummaryCase(catalogue, c) {
  const got = catalogueSummary(catalogue, c.group_by, c.filter).groups;
  assert.deepEqual(got.map((g) => g.key), c.expected.map((g) => g.key), `${c.name}: group keys`);
  c.expected.forEach((w, i) => {
    const g = got[i];
    const at = `${c.name}, group ${w.key}`;
    assert.equal(g.challenges, w.challenges, `${at}: challenges`);
    assert.deepEqual(g.households, w.households, `${at}: households`);
    assert.deepEqual(g.results.map((r) => r.indicator), w.results.map((r) => r.indicator), `${at}: indicators`);
    w.results.forEach((wr, j) => {
      const r = g.results[j];
      const at2 = `${at}, ${wr.indicator}`;
      assert.equal(r.households, wr.households, `${at2}: households`);
      assert.equal(r.results_without_households, wr.results_without_households, `${at2}: results without households`);
      sameDecimal(r.household_weighted_change, wr.household_weighted_change, `${at2}: household_weighted_change`);
      sameDecimal(r.pooled_change, wr.pooled_change, `${at2}: pooled_change`);
    });
  });
}

test('vectors catalogue/aggregation.json', () => {
  const doc = readJson(path.join(dir, 'catalogue/aggregation.json'));
  assert.deepEqual(catalogueValidate(doc.catalogue).map((f) => f.rule), doc.expected_findings);
  assert.ok(doc.cases.length >= 8);
  for (const c of doc.cases) checkSummaryCase(doc.catalogue, c);
});

test('vectors catalogue/validation.json', () => {
  const doc = readJson(path.join(dir, 'catalogue/validation.json'));
  for (const c of doc.cases) {
    const findings = catalogueValidate(c.catalogue);
    assert.deepEqual(findings.map((f) => f.rule), c.expected_rules, c.name);
    const groups = findings
      .filter((f) => 'members' in f)
      .map((f) => ({ rule: f.rule, members: f.members.map((m) => m.index), member_count: f.member_count }));
    assert.deepEqual(groups, c.expected_groups, c.name);
  }
});

test('vectors catalogue/hauts-de-france.json', () => {
  const doc = readJson(path.join(dir, 'catalogue/hauts-de-france.json'));
  const text = readFileSync(path.join(root, doc.catalogue_file), 'utf8');
  assert.deepEqual(catalogueValidate(text), doc.findings);
  for (const c of doc.cases) checkSummaryCase(text, c);
  assert.deepEqual(catalogueTimelines(text).map((t) => t.territory.name), doc.timeline_territories);
});

/** Sets `value` at the JSON Pointer (creating the last key), or removes that key. */
function edit(doc, pointer, value, remove) {
  const keys = pointer.split('/').slice(1).map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = keys.pop();
  const parent = keys.reduce((o, k) => o[k], doc);
  if (remove) {
    assert.ok(last in parent, `nothing to remove at ${pointer}`);
    delete parent[last];
  } else {
    parent[last] = value;
  }
}

test('vectors catalogue/schema-violations.json', () => {
  const doc = readJson(path.join(dir, 'catalogue/schema-violations.json'));
  const base = readJson(path.join(root, doc.catalogue_file));
  assert.deepEqual(catalogueValidate(base), []);
  assert.ok(doc.cases.length > 70);
  for (const c of doc.cases) {
    const broken = structuredClone(base);
    edit(broken, c.pointer, c.value, c.remove === true);
    assert.throws(() => catalogueValidate(broken), (e) => {
      assert.equal(e.name, 'EcodefiError', c.name);
      assert.ok(['json', 'schema_version', 'invalid_value', 'unknown_name'].includes(e.code), `${c.name}: code ${e.code}`);
      return true;
    }, `the package accepts: ${c.name}`);
  }
});

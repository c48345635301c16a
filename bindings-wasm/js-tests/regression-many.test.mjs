// Many meters at once (core `regression::fit_many`): regressionFitMany on a
// long table by columns gives one row per meter, in the order of the
// meters' first rows, each the same model as regressionFit on the meter's
// own days; a meter's problem is its own row's error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regressionFit, regressionFitMany } from 'ecodefi';

const options = { grid: { points_c: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] }, baseline_days: 60 };

/** ISO day `i` days after 2025-01-01. */
const dayOf = (i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);

/** 60 rows of usage = base + slope·HDD(15), temperatures 0..19 °C. */
function linear(meter, base, slope) {
  return Array.from({ length: 60 }, (_, i) => {
    const t = i % 20;
    return { meter, day: dayOf(i), usage: base + slope * Math.max(0, 15 - t), temperature: t };
  });
}

/** Rows to the columns object. */
const columns = (rows) => ({
  meter: rows.map((r) => r.meter),
  day: rows.map((r) => r.day),
  usage: rows.map((r) => r.usage),
  temperature: rows.map((r) => r.temperature),
});

/** regressionFit on one meter's rows. */
function alone(rows, meter) {
  const days = rows
    .filter((r) => r.meter === meter)
    .map((r) => ({ date: r.day, usage: String(r.usage), temperature_c: r.temperature }));
  return regressionFit({ kind: 'daily', days }, options);
}

test('one row per meter, in first-appearance order, as regressionFit on each meter', () => {
  // interleaved rows, "b" first
  const a = linear('a', 2, 0.5);
  const b = linear('b', 3, 1);
  const flat = linear('flat', 7, 0);
  const rows = b.flatMap((r, i) => [r, a[i], flat[i]]);
  const out = regressionFitMany(columns(rows), options);
  assert.deepEqual(out.map((r) => r.meter), ['b', 'a', 'flat']);
  // the known lines
  assert.equal(out[0].model_kind, 'hdd_only');
  assert.equal(out[0].heating_balance_point_c, 15);
  assert.ok(Math.abs(out[0].beta_hdd - 1) < 1e-9);
  assert.ok(Math.abs(out[1].intercept - 2) < 1e-9);
  assert.equal(out[2].model_kind, 'intercept_only');
  for (const row of out) {
    const base = alone(rows, row.meter);
    const m = base.model;
    assert.equal(row.usable, true);
    assert.equal(row.rows, 60);
    assert.equal(row.model_kind, m.kind);
    assert.equal(row.intercept, m.intercept); // to the last bit
    assert.equal(row.beta_hdd, m.beta_hdd ?? null);
    assert.equal(row.heating_balance_point_c, m.heating_balance_point_c ?? null);
    assert.equal(row.r_squared_adj, m.r_squared_adj);
    assert.equal(row.rmse, m.metrics.rmse);
    assert.equal(row.window_start, base.sufficiency.window.start);
    assert.equal(row.valid_days, base.sufficiency.valid_days);
    assert.deepEqual(row.failed_checks, []);
    assert.equal(row.error_code, null);
  }
  // usage as decimal strings: the same rows
  const text = columns(rows);
  text.usage = text.usage.map(String);
  assert.deepEqual(regressionFitMany(text, options), out);
});

test("a meter's problem is its own row; the table's is thrown", () => {
  const dup = linear('dup', 2, 0.5);
  dup[7].day = dup[6].day;
  const gaps = linear('gaps', 2, 0.5);
  gaps[0].usage = null;
  gaps[1].temperature = NaN; // JSON null: a missing temperature
  const rows = [...linear('ok', 2, 0.5), ...dup, ...gaps];
  const out = regressionFitMany(columns(rows), options, { lang: 'fr' });
  assert.equal(out.length, 3);
  assert.equal(out[0].usable, true);
  assert.equal(out[1].error_code, 'duplicate');
  assert.equal(out[1].model_kind, null);
  assert.match(out[1].error_message, /jour en double/);
  assert.match(out[1].error_message, /indice 67/);
  assert.equal(out[2].valid_days, 58);
  assert.deepEqual(out[2].failed_checks, ['baseline_span']);

  const short = columns(linear('a', 1, 1));
  short.temperature.pop();
  assert.throws(() => regressionFitMany(short, options), (e) => e.name === 'EcodefiError' && e.code === 'invalid_value');
  assert.throws(() => regressionFitMany(columns(linear('a', 1, 1)), { baseline_days: 0 }), (e) => e.code === 'invalid_value');
  assert.throws(() => regressionFitMany(columns(linear('a', 1, 1)), options, { threads: 2 }), (e) => e.code === 'unknown_name');
});

test("the project README's regressionFitMany block runs and prints what it says", async () => {
  const { readFileSync } = await import('node:fs');
  const { root } = await import('./helpers.mjs');
  const readme = readFileSync(`${root}/README.md`, 'utf8');
  const block = [...readme.matchAll(/```javascript\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('regressionFitMany'));
  assert.ok(block, 'a javascript block calling regressionFitMany');
  const printed = [];
  const log = console.log;
  console.log = (...args) => printed.push(args);
  try {
    // the block's import is this module's; run the rest
    new Function('regressionFitMany', block.replace(/^import .*\n/m, ''))(regressionFitMany);
  } finally {
    console.log = log;
  }
  assert.deepEqual(printed, [[false, ['baseline_span']]]);
});

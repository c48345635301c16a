// Weather-regression baselines through the package (core
// `ecodefi::regression`, CalTRACK 2.0): the shared vectors of
// tests/vectors/regression/ with the Rust runner's tolerances
// (tests/tests/regression.rs), and the errors as EcodefiError objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { regressionFit, regressionPredict, regressionPredictReport, regressionSavings } from 'ecodefi';
import { readJson, root } from './helpers.mjs';

const dir = path.join(root, 'tests/vectors/regression');

/** |got − want| ≤ rel·max(|want|, 1e-12), as the Rust runner's `close`. */
function close(what, got, want, rel) {
  assert.equal(typeof got, 'number', `${what}: a number`);
  const tol = rel * Math.max(Math.abs(want), 1e-12);
  assert.ok(Math.abs(got - want) <= tol, `${what}: got ${got}, want ${want}`);
}

/** As core's `fahrenheit_to_celsius`. */
const celsius = (f) => (f - 32) / 1.8;

function days(c) {
  return c.dates.map((date, i) => ({ date, usage: c.usage[i], temperature_c: celsius(c.temperature_f[i]) }));
}

/** A decimal string as a number, for comparisons within a tolerance. */
const num = (s) => Number(s);

test('vectors regression/hand.json', () => {
  const doc = readJson(path.join(dir, 'hand.json'));
  assert.equal(doc.cases.length, 5);
  for (const c of doc.cases) {
    const e = c.expected;
    const b = regressionFit(c.data, c.options);
    if (e.no_model_reason) {
      assert.equal(b.no_model_reason, e.no_model_reason, c.name);
      assert.equal(b.model, undefined, c.name);
      const check = b.sufficiency.checks.find((k) => k.name === e.failed_check);
      assert.equal(check.status, 'fail', c.name);
      assert.deepEqual(check.indices, e.indices, c.name);
      continue;
    }
    assert.ok(b.sufficiency.checks.every((k) => k.status !== 'fail'), c.name);
    const m = b.model;
    assert.equal(m.kind, e.kind, c.name);
    assert.equal(m.heating_balance_point_c, e.heating_balance_point_c, `${c.name} heating balance point`);
    assert.equal(m.cooling_balance_point_c, e.cooling_balance_point_c, `${c.name} cooling balance point`);
    for (const k of ['intercept', 'beta_hdd', 'beta_cdd', 'r_squared_adj']) {
      if (e[k] === undefined) assert.equal(m[k], undefined, `${c.name} ${k}`);
      else assert.ok(Math.abs(m[k] - e[k]) < 1e-9, `${c.name} ${k}: ${m[k]} vs ${e[k]}`);
    }
    // Exact on its own data: the counterfactual is what was metered.
    const s = regressionSavings(m, c.data, 0.9);
    const observed = num(s.observed);
    assert.equal(typeof s.observed, 'string');
    assert.ok(Math.abs(s.counterfactual.total - observed) < 1e-9 * observed, c.name);
    assert.ok(Math.abs(s.savings) < 1e-9 * observed, c.name);
    // And predicting its days gives the same counterfactual.
    if (c.data.kind === 'daily') {
      const p = regressionPredict(m, c.data.days.map(({ date, temperature_c }) => ({ date, temperature_c })));
      assert.equal(p.days, c.data.days.length);
      assert.ok(Math.abs(p.total - observed) < 1e-9 * observed, c.name);
    }
  }
});

test('vectors regression/eemeter_daily.json', { timeout: 300_000 }, () => {
  const doc = readJson(path.join(dir, 'eemeter_daily.json'));
  assert.ok(doc.cases.length > 0);
  for (const c of doc.cases) {
    const e = c.expected;
    const n = c.name;
    const b = regressionFit({ kind: 'daily', days: days(c.baseline) }, { fit_cooling: c.fit_cooling, keep_candidates: true });
    const m = b.model;
    assert.ok(m, n);
    assert.equal(m.kind, e.model_type, n);
    const toF = (v) => (v === undefined ? null : Math.round(v * 1.8 + 32));
    assert.equal(toF(m.heating_balance_point_c), e.heating_balance_point_f, n);
    assert.equal(toF(m.cooling_balance_point_c), e.cooling_balance_point_f, n);
    close(`${n} intercept`, m.intercept, e.intercept, 1e-6);
    if (e.beta_hdd_per_f !== null) close(`${n} beta_hdd`, m.beta_hdd / 1.8, e.beta_hdd_per_f, 1e-6);
    if (e.beta_cdd_per_f !== null) close(`${n} beta_cdd`, m.beta_cdd / 1.8, e.beta_cdd_per_f, 1e-6);
    close(`${n} r_squared_adj`, m.r_squared_adj, e.r_squared_adj, 1e-6);
    const names = { qualified: 'QUALIFIED', disqualified: 'DISQUALIFIED', not_attempted: 'NOT ATTEMPTED', singular: 'ERROR' };
    const counts = {};
    for (const k of b.candidates) counts[names[k.status]] = (counts[names[k.status]] ?? 0) + 1;
    assert.deepEqual(counts, e.candidates, n);
    const mt = m.metrics;
    assert.equal(mt.observed_length, e.metrics.observed_length, n);
    assert.equal(mt.num_parameters, e.metrics.num_parameters, n);
    close(`${n} r_squared`, mt.r_squared, e.metrics.r_squared, 1e-6);
    close(`${n} rmse_adj`, mt.rmse_adj, e.metrics.rmse_adj, 1e-6);
    close(`${n} cv_rmse`, mt.cv_rmse, e.metrics.cvrmse_adj, 1e-6);
    close(`${n} autocorr`, mt.autocorr_resid, e.metrics.autocorr_resid, 1e-5);
    close(`${n} mean`, mt.observed_mean, e.metrics.observed_mean, 1e-12);
    close(`${n} variance`, mt.observed_variance, e.metrics.observed_variance, 1e-9);
    assert.ok(Math.abs(mt.nmbe) < 1e-9 && Math.abs(e.metrics.nmbe) < 1e-9, n);

    const reporting = days(c.reporting);
    const s = regressionSavings(m, { kind: 'daily', days: reporting }, e.confidence_level);
    assert.equal(s.reporting_observations, e.reporting_days, n);
    close(`${n} counterfactual`, s.counterfactual.total, e.counterfactual_total, 1e-6);
    close(`${n} base`, s.counterfactual.base, e.base_total, 1e-6);
    for (const [k, want] of [['heating', e.heating_total], ['cooling', e.cooling_total]]) {
      if (want === 0) assert.equal(s.counterfactual[k], 0, `${n} ${k}`);
      else close(`${n} ${k}`, s.counterfactual[k], want, 1e-6);
    }
    close(`${n} observed`, num(s.observed), e.reporting_observed_total, 1e-12);
    close(`${n} savings`, s.savings, e.metered_savings_total, 1e-6);
    close(`${n} fsu band`, s.error_bands.fsu_error_band, e.fsu_error_band, 1e-6);
    close(`${n} ols band`, s.error_bands.ols_error_band, e.ols_error_band, 1e-6);
    close(`${n} ols model`, s.error_bands.ols_error_band_model, e.ols_error_band_model, 1e-6);
    close(`${n} ols noise`, s.error_bands.ols_error_band_noise, e.ols_error_band_noise, 1e-6);
    // The model given back as JSON text predicts the same.
    const temps = reporting.map(({ date, temperature_c }) => ({ date, temperature_c }));
    assert.deepEqual(regressionPredict(JSON.stringify(m), temps), regressionPredict(m, temps));
    close(`${n} predict`, regressionPredict(m, temps).total, e.counterfactual_total, 1e-6);
  }
});

test('regression errors are EcodefiError with core code', () => {
  const hand = readJson(path.join(dir, 'hand.json')).cases[0];
  const thrown = (f) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    return assert.fail('expected a throw');
  };
  // A repeated day.
  const data = structuredClone(hand.data);
  data.days.push(data.days[0]);
  let e = thrown(() => regressionFit(data, hand.options));
  assert.equal(e.name, 'EcodefiError');
  assert.equal(e.code, 'duplicate');
  // An option core does not know.
  e = thrown(() => regressionFit(hand.data, { balance_points: [15] }));
  assert.equal(e.code, 'json');
  assert.match(e.message, /balance_points/);
  // A confidence level outside (0, 1).
  const { model } = regressionFit(hand.data, hand.options);
  e = thrown(() => regressionSavings(model, hand.data, 1.5));
  assert.equal(e.code, 'invalid_value');
  // Defaults (null options) still fit, and the module is still usable.
  assert.ok(regressionFit(hand.data, null).sufficiency.checks.length > 0);
});

// tests/vectors/regression/window.json (written by window.py, no ecodefi):
// the window, counts, missing ranges and share exactly as the script's.
test('vectors regression/window.json', () => {
  const doc = readJson(path.join(dir, 'window.json'));
  assert.equal(doc.cases.length, 9);
  for (const c of doc.cases) {
    const e = c.expected;
    const b = regressionFit(c.data, c.options);
    const s = b.sufficiency;
    assert.deepEqual(s.window, e.window, c.name);
    for (const k of ['window_source', 'window_days', 'valid_days', 'missing_days', 'missing_ranges', 'outside_window']) {
      assert.equal(s[k], e[k], `${c.name} ${k}`);
    }
    assert.deepEqual(s.missing ?? [], e.missing, c.name);
    // the same float, to the last bit
    assert.equal(s.checks.find((k) => k.name === 'valid_days').value, e.valid_share, c.name);
    assert.deepEqual(s.checks.filter((k) => k.status === 'fail').map((k) => k.name), e.failed_checks, c.name);
    assert.equal(b.model.kind, e.model.kind, c.name);
    assert.equal(b.model.heating_balance_point_c, e.model.heating_balance_point_c, c.name);
    close('intercept', b.model.intercept, e.model.intercept, 1e-9);
    close('beta_hdd', b.model.beta_hdd, e.model.beta_hdd, 1e-9);
  }
});

test('window options, savings warnings and located errors', () => {
  const c = readJson(path.join(dir, 'window.json')).cases.find((k) => k.name === 'missing_first_day');
  const b = regressionFit(c.data, c.options);
  assert.equal(b.model.baseline_min_temperature_c, -5);
  assert.equal(b.model.baseline_max_temperature_c, 25);
  const january = Array.from({ length: 31 }, (_, i) => ({
    date: `2026-01-${String(i + 1).padStart(2, '0')}`, usage: '10', temperature_c: i < 10 ? -8 : 2,
  }));
  const s = regressionSavings(b.model, { kind: 'daily', days: january }, 0.9);
  assert.equal(s.reporting_span_days, 31);
  assert.deepEqual([s.days_colder_than_baseline, s.days_warmer_than_baseline], [10, 0]);
  assert.equal(s.extrapolated_share, 10 / 31);
  assert.deepEqual(s.warnings.map((w) => w.code), ['short_reporting_period', 'temperature_extrapolation']);
  const p = regressionPredictReport(b.model, january.map(({ date, temperature_c }) => ({ date, temperature_c })));
  assert.deepEqual(p.prediction, regressionPredict(b.model, january.map(({ date, temperature_c }) => ({ date, temperature_c }))));
  assert.deepEqual([p.reporting_span_days, p.days_colder_than_baseline, p.extrapolated_share], [31, 10, 10 / 31]);
  assert.deepEqual(p.warnings, s.warnings);
  const quiet = regressionSavings(b.model, { kind: 'daily', days: january }, 0.9, { min_reporting_days: 31, max_extrapolated_share: 0.5 });
  assert.equal(quiet.warnings, undefined);
  assert.throws(() => regressionFit(c.data, { ...c.options, baseline_days: 0 }),
    (e) => e instanceof Error && e.code === 'invalid_value' && e.path === 'options.baseline_days');
  assert.throws(() => regressionSavings(b.model, c.data, 0.9, { max_extrapolated_share: 2 }),
    (e) => e.code === 'invalid_value' && e.path === 'options.max_extrapolated_share');
  const days = c.data.days.map((d) => ({ ...d }));
  days[5].usage = '79228162514264337593543950335';
  assert.throws(() => regressionSavings(b.model, { kind: 'daily', days }, 0.9),
    (e) => e.code === 'overflow' && e.index === 5);
});

// Provisional results through the JS module: `compute(data, { asOf })` is
// the final report of the same challenge whose period ends that day and
// whose measurements stop that day, with every headline marked
// provisional; `computeSheets(files, { asOf })` alike, and its
// `asOfDefault` says the last day of data while the challenge runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import * as full from 'ecodefi';
import initSheets, * as sheets from 'ecodefi/sheets';
import { examples, folderTables, readJson } from './helpers.mjs';

const sample = readJson(path.join(examples, 'energy/challenge.json'));
const MARK = 'Résultats provisoires au 15 février 2026\u00a0: ';

/** The measurements known on the evening of `day` (ISO text), written here
 * independently of the core: readings, events and stocks of the next
 * morning at the latest, bills ended, deliveries of that day at the
 * latest. */
function stopData(doc, day) {
  const d = structuredClone(doc);
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const nextIso = next.toISOString().slice(0, 10);
  for (const h of d.households) {
    for (const m of [...(h.meters ?? []), ...(h.water_meters ?? [])]) {
      for (const [key, limit] of [['readings', nextIso], ['events', nextIso], ['stock', nextIso], ['deliveries', day]]) {
        if (m[key]) m[key] = m[key].filter((x) => x.date <= limit);
      }
      if (m.bills) m.bills = m.bills.filter((b) => b.period.last <= day);
    }
    for (const key of ['weighings', 'food_purchases', 'trips']) {
      if (h[key]) h[key] = h[key].filter((x) => x.date <= day);
    }
  }
  return d;
}

function endPeriod(doc, day) {
  const d = structuredClone(doc);
  d.challenge.challenge_period.last = day;
  return d;
}

/** The provisional report without its mark. */
function unmarked(report, mark) {
  const r = structuredClone(report);
  delete r.provisional;
  for (const theme of ['energy', 'water', 'waste', 'food', 'mobility']) {
    if (!r[theme]) continue;
    assert.ok(r[theme].headline.startsWith(mark), r[theme].headline);
    r[theme].headline = r[theme].headline.slice(mark.length);
  }
  return r;
}

test('compute as of 15 February equals the challenge ending that day', () => {
  const running = stopData(sample, '2026-02-15');
  const report = full.compute(running, { asOf: '2026-02-15' });
  assert.deepEqual(report.provisional, {
    as_of: '2026-02-15',
    last_data: false,
    elapsed_days: 77,
    total_days: 151,
    challenge_period: { first: '2025-12-01', last: '2026-04-30' },
  });
  assert.ok(report.energy.headline.startsWith(MARK), report.energy.headline);
  assert.equal(report.challenge.challenge_period.last, '2026-02-15');
  const expected = full.compute(endPeriod(running, '2026-02-15'));
  assert.deepEqual(unmarked(report, MARK), expected);
  // The full data give the same; JSON text too.
  assert.deepEqual(unmarked(full.compute(JSON.stringify(sample), { asOf: '2026-02-15' }), MARK), expected);
  // No option, null or undefined: final results.
  for (const options of [undefined, null, {}, { asOf: null }]) {
    assert.equal(full.compute(sample, options).provisional, undefined);
  }
});

test('last_data: the last day every household covers (by hand: F00146 up to 11 December)', () => {
  const report = full.compute(sample, { asOf: 'last_data' });
  assert.equal(report.provisional.as_of, '2025-12-11');
  assert.equal(report.provisional.last_data, true);
  assert.equal(report.provisional.elapsed_days, 11);
  assert.ok(report.energy.headline.startsWith('Résultats provisoires au 11 décembre 2025\u00a0: '));
});

test('days outside the challenge period, bad values and unknown options are errors', () => {
  const thrown = (f) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    assert.fail('expected a throw');
  };
  let e = thrown(() => full.compute(sample, { asOf: '2025-11-30' }));
  assert.equal(e.name, 'EcodefiError');
  assert.equal(e.code, 'invalid_value');
  assert.match(e.message, /before the challenge period, which starts on 2025-12-01/);
  e = thrown(() => full.compute(sample, { asOf: '15/02/2026' }));
  assert.equal(e.code, 'invalid_value');
  assert.match(e.message, /an as-of day is a date written YYYY-MM-DD, or last_data/);
  e = thrown(() => full.compute(sample, { asof: '2026-02-15' }));
  assert.equal(e.code, 'unknown_name');
  e = thrown(() => full.compute(sample, { asOf: 20260215 }));
  assert.equal(e.code, 'invalid_value');
});

test('computeSheets: asOf and asOfDefault', async () => {
  await initSheets();
  // The spreadsheet demo: an energy challenge, as organisers type it.
  const demo = folderTables(path.join(examples, 'table-demo'));
  const files = [demo.settingsTable, ...demo.files];
  const fin = sheets.computeSheets(files);
  assert.equal(fin.report.provisional, undefined);
  // Its readings reach 1 May 2026: final results by default.
  assert.equal(fin.asOfDefault, null);
  const result = sheets.computeSheets(files, { asOf: '2026-01-31' });
  assert.equal(result.report.provisional.as_of, '2026-01-31');
  assert.equal(result.report.provisional.elapsed_days, 62);
  assert.ok(result.sections[0].headline.startsWith('Résultats provisoires au 31 janvier 2026\u00a0: '));
  // Readings, deliveries, stocks and events that stop on 1 February: the challenge runs, and the page
  // starts on the last day of data.
  const stopped = files.map((f) => {
    const [head, ...rows] = f.text.trim().split('\n');
    if (head.split(';')[2] !== 'date') return f;
    const iso = (cell) => cell.split('/').reverse().join('-');
    return { name: f.name, text: [head, ...rows.filter((r) => iso(r.split(';')[2]) <= '2026-02-01')].join('\n') + '\n' };
  });
  const running = sheets.computeSheets(stopped);
  assert.match(running.asOfDefault ?? '', /^2026-0[12]-\d\d$/);
  const atDefault = sheets.computeSheets(stopped, { asOf: running.asOfDefault });
  assert.equal(atDefault.report.provisional.as_of, running.asOfDefault);
  assert.deepEqual(
    sheets.computeSheets(stopped, { asOf: 'last_data' }).report.provisional.as_of,
    running.asOfDefault,
  );
});

// National references (« repères nationaux »): each theme's report sets the
// challenge beside a sourced national figure, which `options.references`
// can replace. Expected values are worked out by hand below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compute } from 'ecodefi';
import { roundDecimal } from './helpers.mjs';

function household(id, adults, before, after, kg) {
  const r = (date, value) => ({ date, value });
  return {
    id,
    team: 'A',
    occupants: { adults },
    water_meters: [{
      id: 'eau',
      unit: 'm3',
      readings: [r('2025-03-01', '0'), r('2025-04-01', before), r('2026-03-01', '500'), r('2026-04-01', after)],
    }],
    weighings: kg.flatMap(([stream, b, a]) => [
      { date: '2025-03-10', stream, kg: b },
      { date: '2026-03-10', stream, kg: a },
    ]),
  };
}

/** Water and waste over March 2025 (reference) and March 2026 (challenge). */
function doc(options) {
  return {
    schema_version: 1,
    challenge: {
      name: 'Défi eau et déchets',
      territory: 'Lens',
      organiser_kind: 'local_authority',
      themes: ['water', 'waste'],
      reference_period: { first: '2025-03-01', last: '2025-03-31' },
      challenge_period: { first: '2026-03-01', last: '2026-03-31' },
      objective: '0.1',
      teams: [{ id: 'A', name: 'A' }],
    },
    households: [
      household('H1', 1, '4.65', '503.72', [['residual', '3.1', '2.48']]),
      household('H2', 2, '9.3', '509.3', [['residual', '6.2', '6.2'], ['packaging', '1.24', '1.24']]),
    ],
    ...(options ? { options } : {}),
  };
}

test('water and waste beside the national figures', () => {
  const report = compute(doc());
  const w = report.water.national;
  // (3 720 + 9 300) L over 31 + 62 person-days = 140 L; 140 / 148 − 1.
  assert.deepEqual(
    [w.reference.value, w.reference.unit, w.reference.year, w.reference.source],
    ['148', 'litres_per_person_day', 2020, 'OFB, SISPEA'],
  );
  assert.equal(roundDecimal(w.challenge, 9), '140');
  assert.equal(roundDecimal(w.versus, 9), '-0.054054054');
  const d = report.waste.national;
  // Residual: (2.48 + 6.2) kg × 365 / 93 person-days, beside 245 kg (OMR 2021).
  assert.deepEqual([d.residual.reference.value, d.residual.reference.year], ['245', 2021]);
  assert.equal(roundDecimal(d.residual.challenge, 6), '34.066667');
  assert.equal(roundDecimal(d.residual.versus, 6), '-0.860952');
  // All streams: (2.48 + 6.2 + 1.24) × 365 / 93, beside 615 kg (DMA 2021).
  assert.equal(d.total.reference.value, '615');
  assert.equal(roundDecimal(d.total.challenge, 6), '38.933333');
  assert.equal(roundDecimal(d.total.versus, 6), '-0.936694');
});

test('options.references replaces a figure, and a bad one is refused', () => {
  const water = { value: '140', unit: 'litres_per_person_day', year: 2024, source: 'Régie des eaux de Lens' };
  const report = compute(doc({ references: { edition: 'Lens 2024', water } }));
  assert.equal(report.water.national.reference.source, 'Régie des eaux de Lens');
  assert.equal(roundDecimal(report.water.national.versus, 9), '0');
  // The other figures keep their defaults.
  assert.equal(report.waste.national.residual.reference.value, '245');
  assert.throws(
    () => compute(doc({ references: { water: { ...water, value: '0' } } })),
    (e) => e.code === 'invalid_value',
  );
});

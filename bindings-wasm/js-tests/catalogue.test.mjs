// The regional catalogue through the package (core `ecodefi::catalogue`):
// catalogueValidate, catalogueSummary and catalogueTimelines on the
// Hauts-de-France sample, expected values taken from the sample file itself,
// and the errors as EcodefiError objects with core's code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogueSummary, catalogueTimelines, catalogueValidate } from 'ecodefi';
import { examples, normalizeDecimal, thrown } from './helpers.mjs';

const text = readFileSync(path.join(examples, 'catalogue/hauts-de-france.json'), 'utf8');
const sample = JSON.parse(text);

test('the sample is sound: no findings, as text or as an object', () => {
  assert.deepEqual(catalogueValidate(text), []);
  assert.deepEqual(catalogueValidate(sample), []);
});

test('regional summary: every record, households summed from the sample', () => {
  const s = catalogueSummary(text, 'all');
  assert.equal(s.group_by, 'all');
  assert.deepEqual(s.filter, {});
  assert.equal(s.groups.length, 1);
  const g = s.groups[0];
  assert.equal(g.key, 'all');
  assert.equal(g.challenges, sample.records.length);
  assert.deepEqual(g.records.map((r) => r.index), sample.records.map((_, i) => i));
  const known = sample.records.filter((r) => r.households !== 'unknown');
  assert.equal(g.households.known, known.reduce((n, r) => n + r.households, 0));
  assert.equal(g.households.records_unknown, sample.records.length - known.length);
  // Same result with the filter given as null, {} or its text.
  assert.deepEqual(catalogueSummary(sample, 'all', null), s);
  assert.deepEqual(catalogueSummary(text, 'all', {}), s);
  assert.deepEqual(catalogueSummary(text, 'all', '{}'), s);
});

test('a filter on one territory gives its published results, decimals as strings', () => {
  const i = sample.records.findIndex((r) => Array.isArray(r.results) && r.results.length > 0 && r.households !== 'unknown');
  const record = sample.records[i];
  const s = catalogueSummary(text, 'territory', { territory: record.territory.name });
  assert.deepEqual(s.groups.map((g) => g.key), [record.territory.name]);
  const [g] = s.groups;
  for (const result of record.results) {
    const agg = g.results.find((r) => r.indicator === result.indicator);
    assert.ok(agg, result.indicator);
    assert.equal(typeof agg.household_weighted_change, 'string');
    // One record: the weighted change is its own change.
    assert.equal(normalizeDecimal(agg.household_weighted_change), normalizeDecimal(result.change));
    assert.deepEqual(agg.items.map((it) => [it.record.index, it.computed]), [[i, false]]);
  }
});

test('timelines: one per territory, every record exactly once, oldest first', () => {
  const timelines = catalogueTimelines(text);
  const seen = timelines.flatMap((t) => t.entries.map((e) => e.record.index)).sort((a, b) => a - b);
  assert.deepEqual(seen, sample.records.map((_, i) => i));
  for (const t of timelines) {
    for (const e of t.entries) {
      const r = sample.records[e.record.index];
      assert.equal(r.territory.name.length > 0, true);
      assert.deepEqual(e.years, r.years);
      assert.equal(e.status, r.status);
      assert.deepEqual(e.households, r.households);
      // Results as published, or none.
      const published = Array.isArray(r.results) ? r.results : [];
      assert.deepEqual(e.results.map((h) => normalizeDecimal(h.change)), published.map((p) => normalizeDecimal(p.change)));
    }
    const firsts = t.entries.map((e) => e.years.first);
    assert.deepEqual(firsts, [...firsts].sort((a, b) => a - b), t.territory.name);
  }
});

test('findings name the rule and the record', () => {
  const doc = structuredClone(sample);
  doc.records.push(structuredClone(doc.records[0]));
  const findings = catalogueValidate(doc);
  const dup = findings.find((f) => f.rule === 'duplicate_identity');
  assert.ok(dup, JSON.stringify(findings));
  assert.deepEqual(dup.members.map((m) => m.index), [0, doc.records.length - 1]);
  assert.equal(dup.member_count, 2);
  assert.equal(dup.record.index, 0);
  assert.equal(dup.record.name, doc.records[0].name);
});

test('a record repeated 4 000 times is one finding, listing 20', () => {
  // Issue 14: validation used to build n(n-1)/2 pairs (4 000 copies: 7 s, 2.2 GB).
  const doc = structuredClone(sample);
  const one = doc.records[0];
  doc.records = Array.from({ length: 4000 }, () => structuredClone(one));
  const dups = catalogueValidate(doc).filter((f) => f.rule === 'duplicate_identity');
  assert.equal(dups.length, 1);
  assert.equal(dups[0].member_count, 4000);
  assert.deepEqual(dups[0].members.map((m) => m.index), Array.from({ length: 20 }, (_, i) => i));
});

test('errors are EcodefiError with core code; the module stays usable', () => {
  let e = thrown(() => catalogueSummary(text, 'commune'));
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'EcodefiError');
  assert.equal(e.code, 'unknown_name');
  assert.match(e.message, /commune/);

  e = thrown(() => catalogueValidate({ ...sample, schema_version: 2 }));
  assert.equal(e.name, 'EcodefiError');
  assert.equal(e.code, 'schema_version');

  e = thrown(() => catalogueSummary(text, 'all', { territoire: 'Lille' }));
  assert.equal(e.code, 'json');
  assert.match(e.message, /territoire/);

  const doc = structuredClone(sample);
  doc.records[1].foyers = 189;
  e = thrown(() => catalogueTimelines(doc));
  assert.equal(e.code, 'json');
  assert.match(e.message, /foyers/);

  e = thrown(() => catalogueValidate('{ pas du JSON'));
  assert.equal(e.code, 'json');
  e = thrown(() => catalogueValidate(10n));
  assert.equal(e.code, 'json');

  assert.deepEqual(catalogueValidate(text), []);
});

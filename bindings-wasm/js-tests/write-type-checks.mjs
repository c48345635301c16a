// Writes js-tests/out/checks.ts: the documents core actually reads and
// writes (what the file readers give on every sample of meteo-france,
// enedis, grdf and linky-gazpar, the demo settings and tables, the sample challenge and its
// report, what computeSheets returns with and without energy, every theme's example and every case of the theme vectors
// tests/vectors/{water,waste,food,mobility,themes} with their reports,
// computed by the built package) as TypeScript literals typed with
// the package's declared types. `tsc --strict` on it then fails if
// src/types.d.ts and core disagree: a field missing, extra (excess property
// check) or of another type, an enum spelling unknown.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { catalogueSummary, catalogueTimelines, catalogueValidate, compute, readTables, regressionFit, regressionFitMany, regressionPredict, regressionPredictReport, regressionSavings } from 'ecodefi';
import { computeFiles, computeSheets, fileKind, readMeterFile, readWeatherFile, weatherTemperatures } from 'ecodefi/sheets-themes';
import { byteFiles, examples, folderTables, here, readJson, root } from './helpers.mjs';

const demo = folderTables(path.join(examples, 'table-demo'));
const demoData = readTables(demo.files, demo.settings);
const sample = readFileSync(path.join(examples, 'energy/challenge.json'), 'utf8');
const catalogue = readFileSync(path.join(examples, 'catalogue/hauts-de-france.json'), 'utf8');
// A catalogue with findings, so that the findings' type is checked too.
const unsound = JSON.parse(catalogue);
unsound.records.push(unsound.records[0]);
const catalogueFindings = catalogueValidate(unsound);
if (catalogueFindings.length === 0) throw new Error('expected findings on a duplicated record');
const checks = {
  demoSettings: ['ChallengeSettings', JSON.parse(demo.settings)],
  demoFiles: ['TableFile[]', demo.files],
  demoData: ['ChallengeData', demoData],
  demoReport: ['Report', compute(demoData)],
  sampleData: ['ChallengeData', JSON.parse(sample)],
  sampleReport: ['Report', compute(sample)],
  catalogueDocument: ['CatalogueDocument', JSON.parse(catalogue)],
  catalogueFindings: ['CatalogueFinding[]', catalogueFindings],
  catalogueTimelines: ['Timeline[]', catalogueTimelines(catalogue)],
};
// What computeSheets returns, with energy (the demo's settings table) and
// without (the zero-waste sample: energy's CSV are null).
for (const [name, dir] of [['demoSheets', 'table-demo'], ['zeroWasteSheets', 'zero-dechet']]) {
  const t = folderTables(path.join(examples, dir));
  checks[name] = ['SheetsResult', computeSheets([t.settingsTable, ...t.files])];
}
// Energy with a weather-regression baseline (`regression_baseline`): a
// household metered daily (10 kWh a day in the reference winter, 9 in the
// challenge's), so that a meter's `reference_method` is checked too.
{
  const doc = JSON.parse(sample);
  const days = (p) => {
    const out = [];
    for (let d = new Date(`${p.first}T00:00:00Z`); d <= new Date(`${p.last}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
    return out;
  };
  const readings = [];
  let index = 1000;
  for (const [p, perDay] of [[doc.challenge.reference_period, 10], [doc.challenge.challenge_period, 9]]) {
    const ds = days(p);
    const after = new Date(`${p.last}T00:00:00Z`);
    after.setUTCDate(after.getUTCDate() + 1);
    for (const d of [...ds, after.toISOString().slice(0, 10)]) {
      readings.push({ date: d, value: String(index) });
      index += perDay;
    }
  }
  doc.households = [{
    id: 'LINKY1', team: doc.challenge.teams[0].id, occupants: { adults: 2 },
    meters: [{ id: 'chauffage', carrier: 'district_heating', unit: 'kwh', usage: 'heating_only', readings }],
  }];
  doc.options = { ...doc.options, energy: { ...doc.options?.energy, regression_baseline: true } };
  const report = compute(doc);
  const methods = report.energy.households.flatMap((h) => h.figures?.meters.map((m) => m.reference_method) ?? []);
  if (!methods.includes('weather_regression')) throw new Error(`expected a weather-regression baseline, got ${JSON.stringify(report.energy.households[0])}`);
  checks.regressionChallengeData = ['ChallengeData', doc];
  checks.regressionChallengeReport = ['Report', report];
}
// Every theme: the examples of core/examples/data and every case of the
// theme vectors, their documents and the reports computed from them, so that
// each theme's section (households' figures, exclusions, teams, totals) is
// checked field by field.
for (const theme of ['water', 'waste', 'food', 'mobility']) {
  const doc = readJson(path.join(examples, theme, 'challenge.json'));
  checks[`${theme}ExampleData`] = ['ChallengeData', doc];
  checks[`${theme}ExampleReport`] = ['Report', compute(doc)];
}
for (const theme of ['water', 'waste', 'food', 'mobility', 'themes']) {
  const { cases } = readJson(path.join(root, 'tests/vectors', theme, 'challenge.json'));
  if (cases.length === 0) throw new Error(`no case in tests/vectors/${theme}/challenge.json`);
  cases.forEach((c, i) => {
    checks[`${theme}VectorData${i}`] = ['ChallengeData', c.input];
    checks[`${theme}VectorReport${i}`] = ['Report', compute(c.input)];
  });
}
// Regression: every hand-made case (models of each kind, a baseline without
// a model), with the candidates kept, and what a model predicts and saves.
const hand = readJson(path.join(root, 'tests/vectors/regression/hand.json')).cases;
hand.forEach((c, i) => {
  const baseline = regressionFit(c.data, { ...c.options, keep_candidates: true });
  checks[`usageData${i}`] = ['UsageData', c.data];
  checks[`regressionOptions${i}`] = ['RegressionOptions', c.options];
  checks[`baseline${i}`] = ['Baseline', baseline];
  if (baseline.model && c.data.kind === 'daily') {
    checks[`prediction${i}`] = ['Prediction', regressionPredict(baseline.model, c.data.days.map(({ date, temperature_c }) => ({ date, temperature_c })))];
    checks[`savings${i}`] = ['Savings', regressionSavings(baseline.model, c.data, 0.9)];
  }
});
// Windows with missing days (window, missing ranges), and savings with
// warnings (a short reporting period colder than the baseline).
const windows = readJson(path.join(root, 'tests/vectors/regression/window.json')).cases;
windows.forEach((c, i) => {
  const baseline = regressionFit(c.data, c.options);
  checks[`windowOptions${i}`] = ['RegressionOptions', c.options];
  checks[`windowBaseline${i}`] = ['Baseline', baseline];
  const cold = { kind: 'daily', days: c.data.days.slice(0, 40).map((d) => ({ ...d, temperature_c: d.temperature_c - 20 })) };
  checks[`windowPrediction${i}`] = ['PredictionReport', regressionPredictReport(baseline.model, cold.days.map(({ date, temperature_c }) => ({ date, temperature_c })))];
  checks[`windowSavings${i}`] = ['Savings', regressionSavings(baseline.model, cold, 0.9, { min_reporting_days: 365 })];
});
// Many meters: a table by columns (usage as strings, numbers and null),
// and its rows: fitted, without a model, and a meter's own error.
{
  const table = { meter: [], day: [], usage: [], temperature: [] };
  const push = (meter, day, usage, temperature) => {
    table.meter.push(meter); table.day.push(day); table.usage.push(usage); table.temperature.push(temperature);
  };
  hand[0].data.days.forEach((d) => push('fitted', d.date, d.usage, d.temperature_c));
  push('empty', '2025-01-01', null, 3.5);
  push('twice', '2025-01-01', 1.5, 3.5);
  push('twice', '2025-01-01', 2, 3.5);
  const rows = regressionFitMany(table, hand[0].options, { lang: 'fr' });
  if (rows.length !== 3 || rows[2].error_code !== 'duplicate') throw new Error(`unexpected rows ${JSON.stringify(rows)}`);
  checks.meterColumns = ['MeterColumns', table];
  rows.forEach((r, i) => { checks[`meterRow${i}`] = ['MeterRow', r]; });
}
// The files read directly: every sample file's kind and reading, a
// station's temperatures (filled from another station when it lacks days),
// and the linky-gazpar challenge computed from its files.
for (const sample of ['meteo-france', 'enedis', 'grdf', 'linky-gazpar']) {
  byteFiles(path.join(examples, sample)).forEach((f, i) => {
    let kind;
    try {
      kind = fileKind(f.name, f.bytes);
    } catch {
      return; // a README or notes beside the samples
    }
    const key = `${sample.replace(/-(.)/g, (_, c) => c.toUpperCase())}${i}`;
    checks[`${key}Kind`] = ['FileKind', kind];
    if (kind.kind === 'meter') checks[`${key}Meter`] = ['MeterFile', readMeterFile(f.bytes, f.name)];
    if (kind.kind === 'weather') {
      const summary = readWeatherFile(f.bytes, f.name);
      checks[`${key}Weather`] = ['WeatherFileSummary', summary];
      const gappy = summary.stations.find((s) => s.missing_days > 0) ?? summary.stations[0];
      const options = { fillStation: summary.stations.find((s) => s !== gappy)?.number ?? null, interpolateMaxDays: 31 };
      try {
        checks[`${key}Temperatures`] = ['StationTemperatures', weatherTemperatures(f.bytes, f.name, gappy.number, options)];
      } catch {
        // Days no option fills: the type of the complete station is checked.
        checks[`${key}Temperatures`] = ['StationTemperatures', weatherTemperatures(f.bytes, f.name, summary.stations.reduce((a, b) => (b.missing_days < a.missing_days ? b : a)).number, {})];
      }
      checks[`${key}TemperaturesOptions`] = ['WeatherTemperaturesOptions', options];
    }
  });
}
checks.filesResult = ['FilesResult', computeFiles(byteFiles(path.join(examples, 'linky-gazpar')))];
checks.filesOptions = ['FilesOptions', { station: null, fillStation: '62160001', interpolateMaxDays: 2 }];
checks.savingsOptions = ['SavingsOptions', { min_reporting_days: 90, max_extrapolated_share: 0.2 }];
for (const by of ['all', 'territory', 'year', 'theme', 'organiser_kind']) {
  checks[`catalogueSummary_${by}`] = ['CatalogueSummary', catalogueSummary(catalogue, by, { status: 'finished' })];
}
const types = [...new Set(Object.values(checks).map(([t]) => t.replace('[]', '')))].sort();
let ts = '// Written by write-type-checks.mjs: do not edit.\n';
ts += `import type { ${types.join(', ')} } from "ecodefi";\n`;
for (const [name, [type, value]] of Object.entries(checks)) {
  ts += `export const ${name}: ${type} = ${JSON.stringify(value)};\n`;
}
mkdirSync(path.join(here, 'out'), { recursive: true });
writeFileSync(path.join(here, 'out/checks.ts'), ts);
console.log(`wrote js-tests/out/checks.ts (${types.join(', ')})`);

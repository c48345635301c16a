// The files read directly (core `files`), in `ecodefi/sheets-themes` and the
// full module: every sample file is told apart by `fileKind`; a Linky
// export read by `readMeterFile` gives, day by day, the kWh an independent
// reading of its CSV here gives (Wh summed as BigInt, divided by 1000 on the
// text); a Météo-France file gunzipped by Node's zlib and read here gives
// the stations and the Tn/Tx `readWeatherFile` and `weatherTemperatures`
// give; a Gazpar JSON export gives its days' energy; the whole linky-gazpar
// challenge computed by `computeFiles` shows the headline, ranking and
// exclusions `cargo run --example files_challenge` prints, each meter file
// attached to its household; errors are `EcodefiError`s with the file,
// line and column at fault, unknown options refused; and the shared vectors
// of tests/vectors/files (expected values from an independent Python
// reading) give the same values here as in Rust and Python.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as full from 'ecodefi';
import * as themes from 'ecodefi/sheets-themes';
import * as sheets from 'ecodefi/sheets';
import { byteFiles, examples, filesChallenge, normalizeDecimal, readJson, root, subsetDiff, thrown } from './helpers.mjs';

const dirs = {
  meteo: path.join(examples, 'meteo-france'),
  enedis: path.join(examples, 'enedis'),
  grdf: path.join(examples, 'grdf'),
  challenge: path.join(examples, 'linky-gazpar'),
};

/** Wh (a whole number, as text) in kWh, exactly: the point moved on the text. */
function whToKwh(wh) {
  const negative = wh < 0n;
  const digits = (negative ? -wh : wh).toString().padStart(4, '0');
  return normalizeDecimal(`${negative ? '-' : ''}${digits.slice(0, -3)}.${digits.slice(-3)}`);
}

/**
 * An Enedis export read here, independently of core: the metadata header
 * and its values line, a blank line, then `Horodate;Valeur` rows (ISO
 * timestamps with their UTC offset; DOMAIN.md §9): Wh per local day of
 * the timestamp, as BigInt.
 */
function enedisDaily(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const meta = Object.fromEntries(lines[0].split(';').map((k, i) => [k, lines[1].split(';')[i]]));
  const at = lines.findIndex((l) => /^Horodate;Valeur/.test(l));
  assert.ok(at > 1, 'an Horodate;Valeur header');
  const days = new Map();
  for (const line of lines.slice(at + 1)) {
    if (!line.trim()) continue;
    const [stamp, value] = line.split(';');
    if (value === '') continue;
    const day = stamp.slice(0, 10);
    days.set(day, (days.get(day) ?? 0n) + BigInt(value));
  }
  return { meta, days };
}

test('every module that reads files has their exports; ecodefi/sheets has tableOf only', () => {
  for (const module of [themes, full]) {
    for (const name of ['fileKind', 'readWeatherFile', 'weatherTemperatures', 'readMeterFile', 'computeFiles', 'tableOf', 'WeatherFile']) {
      assert.equal(typeof module[name], 'function', name);
    }
  }
  assert.equal(typeof sheets.tableOf, 'function');
  assert.equal(sheets.computeFiles, undefined);
  assert.equal(sheets.fileKind, undefined);
  assert.equal(sheets.WeatherFile, undefined);
  // Core's table names, by file name.
  assert.equal(sheets.tableOf('Foyers.csv'), 'households');
  assert.equal(sheets.tableOf('data/relevés.csv'), 'readings');
  assert.equal(sheets.tableOf('defi.csv'), 'settings');
  assert.equal(sheets.tableOf('Q_62_latest-2024-2025_RR-T-Vent.csv.gz'), undefined);
});

test('options and files are checked: an unknown option or a file without bytes is an error', () => {
  const files = [{ name: 'foyers.csv', bytes: new TextEncoder().encode('foyer;equipe\nF1;E1\n') }];
  const unknown = thrown(() => themes.computeFiles(files, { stations: '62160001' }));
  assert.equal(unknown.name, 'EcodefiError');
  assert.equal(unknown.code, 'unknown_name');
  assert.equal(unknown.path, 'stations');
  assert.match(unknown.message, /`stations`/);
  const count = thrown(() => themes.computeFiles(files, { interpolateMaxDays: 1.5 }));
  assert.equal(count.code, 'invalid_value');
  assert.equal(count.path, 'interpolateMaxDays');
  const text = thrown(() => themes.computeFiles([{ name: 'foyers.csv', text: 'foyer' }]));
  assert.equal(text.code, 'json');
  assert.match(text.message, /\{ name, bytes \}/);
  const extra = thrown(() => themes.computeFiles([{ name: 'foyers.csv', bytes: new Uint8Array(), more: 1 }]));
  assert.equal(extra.code, 'json');
  const date = thrown(() => themes.weatherTemperatures(new Uint8Array(), 'x.csv', '1', { first: '01/12/2025' }));
  assert.equal(date.code, 'invalid_value');
  assert.equal(date.path, 'first');
  const key = thrown(() => themes.weatherTemperatures(new Uint8Array(), 'x.csv', '1', { from: '2025-12-01' }));
  assert.equal(key.code, 'unknown_name');
});

test('fileKind tells every sample file: tables by name, Météo-France, Linky and Gazpar files by their bytes', () => {
  for (const [dir, kind] of [[dirs.meteo, 'weather'], [dirs.enedis, 'meter'], [dirs.grdf, 'meter']]) {
    for (const f of byteFiles(dir)) {
      if (/\.(md|txt)$/i.test(f.name)) continue;
      assert.deepEqual(themes.fileKind(f.name, f.bytes), { kind }, f.name);
      assert.deepEqual(full.fileKind(f.name, f.bytes), { kind }, f.name);
    }
  }
  for (const f of byteFiles(dirs.challenge)) {
    const table = sheets.tableOf(f.name);
    const kind = themes.fileKind(f.name, f.bytes);
    if (table) assert.deepEqual(kind, { kind: 'table', table }, f.name);
    else assert.ok(['weather', 'meter'].includes(kind.kind), f.name);
  }
  const unknown = thrown(() => themes.fileKind('notes.txt', new TextEncoder().encode('bonjour')));
  assert.equal(unknown.name, 'EcodefiError');
  assert.equal(unknown.code, 'unknown_name');
});

test('a Linky export gives, day by day, the Wh of its CSV read here divided by 1000 exactly', () => {
  const csvs = byteFiles(dirs.enedis).filter((f) => /\.csv$/i.test(f.name));
  assert.ok(csvs.length > 0);
  let checked = 0;
  for (const f of csvs) {
    const read = themes.readMeterFile(f.bytes, f.name);
    assert.equal(read.name, f.name);
    assert.equal(read.provider, 'enedis');
    assert.equal(read.carrier, 'electricity');
    assert.deepEqual(full.readMeterFile(f.bytes, f.name), read);
    if (read.content.kind !== 'daily_consumption') continue;
    const mine = enedisDaily(full.decode(f.bytes));
    assert.equal(read.identifier, mine.meta['Identifiant PRM']);
    // Every day of the file, its kWh exactly.
    assert.deepEqual(
      read.days.map((d) => [d.date, normalizeDecimal(d.kwh)]),
      [...mine.days].map(([day, wh]) => [day, whToKwh(wh)]),
      f.name,
    );
    checked += 1;
  }
  assert.ok(checked > 0, 'a daily-consumption sample');
});

/**
 * A Gazpar export of the GRDF API read here, on its text (no float):
 * `releves` with `journeeGaziere`, `indexDebut`, `indexFin`,
 * `energieConsomme` (DOMAIN.md §9; the PyGazpar project reads the same
 * fields).
 */
function gazparJson(text) {
  const field = (row, key) => new RegExp(`"${key}":\\s*(-?[0-9.]+|"[^"]*")`).exec(row)?.[1].replace(/"/g, '');
  return [...text.matchAll(/\{"dateDebutReleve"[^{}]*\}/g)].map(([row]) => ({
    date: field(row, 'journeeGaziere'),
    kwh: normalizeDecimal(field(row, 'energieConsomme')),
    start: normalizeDecimal(field(row, 'indexDebut')),
    end: normalizeDecimal(field(row, 'indexFin')),
  }));
}

test('a Gazpar export gives its gas days\' energy and index as its JSON read here; its CSV and xlsx twins the same', () => {
  const files = byteFiles(dirs.grdf);
  const json = files.find((f) => /\.json$/i.test(f.name));
  assert.ok(json, 'a Gazpar JSON sample');
  const mine = gazparJson(full.decode(json.bytes));
  assert.ok(mine.length > 0);
  const read = themes.readMeterFile(json.bytes, json.name);
  assert.equal(read.provider, 'grdf');
  assert.equal(read.carrier, 'natural_gas');
  assert.deepEqual(read.content, { kind: 'gas_days' });
  assert.deepEqual(read.days.map((d) => [d.date, normalizeDecimal(d.kwh)]), mine.map((d) => [d.date, d.kwh]));
  // The index at the start of each gas day, and the last one's end the day after.
  const next = new Date(`${mine[mine.length - 1].date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  assert.deepEqual(
    read.index.map((r) => [r.date, normalizeDecimal(r.value)]),
    [...mine.map((d) => [d.date, d.start]), [next.toISOString().slice(0, 10), mine[mine.length - 1].end]],
  );
  // The same days from the portal's spreadsheet and its CSV.
  const days = (r) => r.days.map((d) => [d.date, normalizeDecimal(d.kwh), normalizeDecimal(d.m3), normalizeDecimal(d.kwh_per_m3)]);
  for (const twin of files.filter((f) => f !== json)) {
    const other = themes.readMeterFile(twin.bytes, twin.name);
    assert.deepEqual(days(other), days(read), twin.name);
    assert.equal(other.identifier, read.identifier, twin.name);
  }
});

/**
 * A Météo-France daily file read here: gunzipped by Node's zlib, `;`
 * separated, header `NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJ;RR;QRR;TN;…`
 * (DOMAIN.md §9): rows by station, in file order.
 */
function meteoRows(bytes) {
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : Buffer.from(bytes)).toString('latin1');
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const cols = header.split(';');
  const rows = lines.map((l) => Object.fromEntries(l.split(';').map((v, i) => [cols[i], v])));
  const stations = new Map();
  for (const r of rows) {
    if (!stations.has(r.NUM_POSTE)) stations.set(r.NUM_POSTE, { name: r.NOM_USUEL, rows: [] });
    stations.get(r.NUM_POSTE).rows.push(r);
  }
  return { cols, stations };
}

const isoDay = (aaaammjj) => `${aaaammjj.slice(0, 4)}-${aaaammjj.slice(4, 6)}-${aaaammjj.slice(6, 8)}`;

test('a Météo-France daily file gives the stations and the Tn/Tx read here with zlib', () => {
  const gz = byteFiles(dirs.meteo).filter((f) => /^Q_.*\.csv\.gz$/i.test(f.name));
  assert.ok(gz.length > 0, 'a daily gzipped sample');
  for (const f of gz) {
    const summary = themes.readWeatherFile(f.bytes, f.name);
    assert.equal(summary.name, f.name);
    assert.equal(summary.resolution, 'daily');
    const mine = meteoRows(f.bytes);
    assert.deepEqual(summary.stations.map((s) => [s.number, s.name]), [...mine.stations].map(([n, s]) => [n, s.name]));
    for (const s of summary.stations) {
      const rows = mine.stations.get(s.number).rows;
      assert.equal(s.first, isoDay(rows[0].AAAAMMJJ));
      assert.equal(s.last, isoDay(rows[rows.length - 1].AAAAMMJJ));
      const days = (Date.parse(s.last) - Date.parse(s.first)) / 86_400_000 + 1;
      assert.equal(s.complete_days + s.missing_days, days, s.number);
    }
    // The most complete station: every day it has, the file's own TN and TX.
    const best = summary.stations.reduce((a, b) => (b.complete_days > a.complete_days ? b : a));
    if (best.missing_days > 0) continue;
    const read = themes.weatherTemperatures(f.bytes, f.name, best.number, {});
    assert.deepEqual(read.filled, []);
    const expected = mine.stations.get(best.number).rows.map((r) => ({ date: isoDay(r.AAAAMMJJ), tn: normalizeDecimal(r.TN), tx: normalizeDecimal(r.TX) }));
    assert.deepEqual(read.temperatures.map((d) => ({ date: d.date, tn: normalizeDecimal(d.tn), tx: normalizeDecimal(d.tx) })), expected);
    // A window of it, by its first and last day.
    const window = themes.weatherTemperatures(f.bytes, f.name, best.name, { first: expected[1].date, last: expected[3].date });
    assert.deepEqual(window.temperatures.map((d) => d.date), expected.slice(1, 4).map((d) => d.date));
    // The file read once (the class) gives the same, station after station.
    const kept = new themes.WeatherFile(f.bytes, f.name);
    try {
      assert.deepEqual(kept.summary(), summary);
      assert.deepEqual(kept.temperatures(best.number, {}), read);
      assert.deepEqual(kept.temperatures(best.name, { first: expected[1].date, last: expected[3].date }), window);
      const gappy = summary.stations.find((s) => s.missing_days > 0);
      if (gappy) assert.equal(thrown(() => kept.temperatures(gappy.number, {})).code, 'insufficient_data');
      assert.equal(thrown(() => kept.temperatures('00000000', {})).code, 'unknown_reference');
    } finally {
      kept.free();
    }
  }
});

test('a station with missing days: an error naming it, or the days filled and listed', () => {
  const [f] = byteFiles(dirs.meteo).filter((x) => /^Q_.*\.csv\.gz$/i.test(x.name));
  const summary = themes.readWeatherFile(f.bytes, f.name);
  const gappy = summary.stations.find((s) => s.missing_days > 0);
  assert.ok(gappy, 'a sample station with missing days');
  const err = thrown(() => themes.weatherTemperatures(f.bytes, f.name, gappy.number, {}));
  assert.equal(err.name, 'EcodefiError');
  assert.equal(err.code, 'insufficient_data');
  assert.equal(err.file, f.name);
  assert.ok(err.message.includes(gappy.number), err.message);
  const other = summary.stations.find((s) => s.missing_days === 0 && s.first <= gappy.first && s.last >= gappy.last);
  if (other) {
    const filled = themes.weatherTemperatures(f.bytes, f.name, gappy.number, { fillStation: other.number });
    assert.equal(filled.filled.length, gappy.missing_days);
    assert.ok(filled.filled.every((d) => d.how.method === 'station' && d.how.number === other.number));
    // Each filled day has the other station's values that day.
    const others = new Map(themes.weatherTemperatures(f.bytes, f.name, other.number, {}).temperatures.map((d) => [d.date, d]));
    for (const d of filled.filled) {
      assert.equal(normalizeDecimal(d.tn), normalizeDecimal(others.get(d.date).tn));
      assert.equal(normalizeDecimal(d.tx), normalizeDecimal(others.get(d.date).tx));
    }
  }
});

test('the linky-gazpar challenge computes from its files as files_challenge prints it', { skip: !existsSync(dirs.challenge) && 'no sample yet' }, () => {
  const files = byteFiles(dirs.challenge);
  const expected = filesChallenge(dirs.challenge);
  const result = themes.computeFiles(files);
  const { report, imported } = result;
  assert.equal(report.energy.headline, expected.sections[0].headline);
  assert.deepEqual(
    report.energy.teams.map((t) => t.name),
    expected.sections[0].teams.map((t) => t.name),
  );
  const excluded = report.energy.households.filter((h) => h.status === 'excluded')
    .flatMap((h) => h.exclusions.map((e) => ({ household: h.household, code: e.code })));
  assert.deepEqual(excluded, expected.sections[0].exclusions);
  // Every Linky and Gazpar file attached to a household; the station used.
  const meterFiles = files.filter((f) => !sheets.tableOf(f.name) && themes.fileKind(f.name, f.bytes).kind === 'meter');
  assert.deepEqual(imported.meters.map((m) => m.file).sort(), meterFiles.map((f) => f.name).sort());
  assert.ok(imported.weather, 'a station used');
  // The full module computes the same.
  assert.deepEqual(full.computeFiles(files), result);
  // computeSheets's own fields, as it gives them for a report.
  assert.deepEqual(Object.keys(result), ['report', 'householdsCsv', 'teamsCsv', 'sections', 'asOfDefault', 'imported']);
});

test('a broken Linky file: its error names the file, the line and the column', { skip: !existsSync(dirs.challenge) && 'no sample yet' }, () => {
  const files = byteFiles(dirs.challenge);
  const linky = files.find((f) => !sheets.tableOf(f.name) && /\.csv$/i.test(f.name) && themes.fileKind(f.name, f.bytes).kind === 'meter');
  assert.ok(linky, 'a Linky file in the sample');
  const lines = full.decode(linky.bytes).split('\n');
  const at = lines.findIndex((l) => /^Horodate;Valeur/.test(l)) + 3; // the third value row
  const cols = lines[at].split(';');
  cols[1] = 'douze';
  lines[at] = cols.join(';');
  linky.bytes = new TextEncoder().encode(lines.join('\n'));
  const err = thrown(() => themes.computeFiles(files));
  assert.equal(err.name, 'EcodefiError');
  assert.equal(err.code, 'invalid_value');
  assert.equal(err.file, linky.name);
  assert.equal(err.line, at + 1);
  assert.match(err.message, /douze/);
  // Read alone, the same error.
  const alone = thrown(() => themes.readMeterFile(linky.bytes, linky.name));
  assert.deepEqual([alone.code, alone.file, alone.line, alone.column], [err.code, err.file, err.line, err.column]);
});

/** A vector's file as bytes: its text (UTF-8) or its bytes in base64. */
function vectorBytes(file) {
  return file.base64 === undefined ? new TextEncoder().encode(file.text) : new Uint8Array(Buffer.from(file.base64, 'base64'));
}

/** A vector's error: the code and where, as the Rust runner checks them. */
function checkError(c, f) {
  const err = thrown(f);
  assert.equal(err.name, 'EcodefiError', c.name);
  for (const [k, v] of Object.entries(c.error)) assert.equal(err[k], v, `${c.name}: ${k}`);
}

test('vectors files/meter_files.json', () => {
  const { cases } = readJson(path.join(root, 'tests/vectors/files/meter_files.json'));
  assert.ok(cases.length > 0);
  for (const c of cases) {
    const bytes = vectorBytes(c.file);
    if (c.error) {
      checkError(c, () => themes.readMeterFile(bytes, c.file.name));
      continue;
    }
    const read = themes.readMeterFile(bytes, c.file.name);
    assert.equal(subsetDiff(read, c.expected), null, c.name);
    assert.deepEqual(full.readMeterFile(bytes, c.file.name), read, c.name);
  }
});

test('vectors files/weather_files.json', () => {
  const { cases } = readJson(path.join(root, 'tests/vectors/files/weather_files.json'));
  assert.ok(cases.length > 0);
  for (const c of cases) {
    const bytes = vectorBytes(c.file);
    const options = {
      first: c.first ?? null,
      last: c.last ?? null,
      fillStation: c.fill?.station ?? null,
      interpolateMaxDays: c.fill?.interpolate_max_days ?? 0,
    };
    const call = () => (c.station === undefined
      ? themes.readWeatherFile(bytes, c.file.name)
      : themes.weatherTemperatures(bytes, c.file.name, c.station, options));
    if (c.error) {
      checkError(c, call);
      continue;
    }
    const { resolution, stations, ...temperatures } = c.expected;
    const summary = themes.readWeatherFile(bytes, c.file.name);
    if (resolution !== undefined) assert.equal(summary.resolution, resolution, c.name);
    if (stations !== undefined) assert.equal(subsetDiff(summary.stations, stations), null, c.name);
    if (Object.keys(temperatures).length) {
      assert.equal(subsetDiff(call(), temperatures), null, c.name);
      // The same from the file read once.
      const kept = new themes.WeatherFile(bytes, c.file.name);
      try {
        assert.deepEqual(kept.temperatures(c.station, options), call(), c.name);
      } finally {
        kept.free();
      }
    }
  }
});

// The page: reads the files the organiser gives (picker, drag-and-drop or
// a bundled sample: energy, the spreadsheet demo, a multi-theme challenge
// document, a zero-waste challenge and the Déclics challenge in
// spreadsheet files), hands them to the ecodefi package (WebAssembly), and
// shows core's report, every theme of it, with core's CSV files. All
// computation is core's; this file only reads files, draws and offers
// downloads. All text comes from i18n.js.
//
// Three modules of the package, each fetched the first time it is needed:
// - spreadsheet files go to the small module `ecodefi/sheets` (under
//   300 KB, energy only), loaded at once;
// - what it leaves out (code `unsupported`: another theme) goes to
//   `ecodefi/sheets-themes` (under 690 KB, every theme from spreadsheet
//   files, and the files read directly);
// - a JSON document or settings file and the catalogue go to the full
//   module `ecodefi` (1.3 MB);
// - files that are no spreadsheet table by their name (a Météo-France
//   file, Linky or Gazpar exports) go with the tables to
//   `ecodefi/sheets-themes`, which reads them (`fileKind` tells what each
//   is, `computeFiles` computes): the station and the files' fate are shown
//   by files.js, and a change of station or of fill options recomputes.

import init, * as sheets from './pkg/sheets/index.js';
import { LANG, setCodeLabels, t } from './i18n.js';
import { render } from './render.js';
import { renderCatalogue } from './catalogue.js';
import { hideImports, renderMeters, renderStations, renderWeatherUse } from './files.js';
import { buildPrint, clearPrint } from './print.js';
import { $ } from './dom.js';

// The shown report and core's CSV files of it: energy's detailed ones
// (`householdsCsv`, `teamsCsv`) and each theme section's (`sections`,
// from spreadsheet files only).
const state = { report: null, householdsCsv: '', teamsCsv: '', sections: [] };
// The files last given, and for files read directly the organiser's
// choices: the Météo-France station (null: core's choice, the settings'
// `station_meteo`) and how days without temperature are filled.
const given = { files: [], station: null, fill: { fillStation: null, interpolateMaxDays: 0 } };

/** A module of the package, fetched and instantiated on first use. */
function lazy(url) {
  let loaded = null;
  return () => {
    loaded ??= import(url).then(async (module) => {
      await module.default();
      return module;
    });
    return loaded;
  };
}
/** The full module (every export: JSON documents, catalogue). */
const full = lazy('./pkg/index.js');
/** Every theme from spreadsheet files (`ecodefi/sheets-themes`). */
const sheetsThemes = lazy('./pkg/sheets-themes/index.js');

function applyTexts() {
  for (const node of document.querySelectorAll('[data-text]')) {
    // A dotted key ("catalogue.title") reads a nested text.
    node.textContent = node.dataset.text.split('.').reduce((o, k) => o?.[k], t);
  }
  document.documentElement.lang = 'fr';
}

function setStatus(text, isError = false) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', isError);
}

/**
 * Lists the files, each with what it was taken for and, when it is the one
 * at fault, the message next to it (`problems`: file name → message node).
 */
function showFiles(files, problems = new Map()) {
  const list = $('files');
  list.replaceChildren();
  for (const f of files) {
    const li = document.createElement('li');
    li.dataset.file = f.name;
    const name = document.createElement('span');
    name.className = 'file-name';
    name.textContent = f.name;
    const problem = problems.get(f.name);
    li.className = problem ? 'file-error' : 'file-ok';
    li.append(name, ` — ${problem ? t.fileError : f.role}`);
    if (problem) li.append(problem);
    list.append(li);
  }
}

/** The message of a thrown EcodefiError: core's, in French (it names the file, line and column). */
function errorMessage(err) {
  const m = document.createElement('span');
  m.className = 'file-message';
  if (err?.name !== 'EcodefiError') {
    m.textContent = String(err?.message ?? err);
    return m;
  }
  m.textContent = err.messages?.[LANG] ?? err.message;
  m.dataset.code = err.code;
  return m;
}

function note(text) {
  const m = document.createElement('span');
  m.className = 'file-message';
  m.textContent = text;
  return m;
}

/**
 * Sorts the files out: the CSV files go to core, which tells each table by
 * its name (the settings table `defi.csv` among them); a JSON file is the
 * settings instead, or a whole challenge document; a file no table's by
 * its name (`direct`) is read directly by core (a Météo-France file, a
 * Linky or Gazpar export: `fileKind` tells). Returns what to give the
 * package, or the problems to show next to files.
 */
function sortOut(files) {
  const problems = new Map();
  const isJson = (f) => /\.json$/i.test(f.name);
  const tables = files.filter((f) => !isJson(f) && sheets.tableOf(f.name));
  let direct = files.filter((f) => !isJson(f) && !sheets.tableOf(f.name));
  const jsons = files.filter(isJson);
  // A JSON file is a challenge document, or else the settings when nothing
  // else gives them; with files read directly (or a settings table), it is
  // one of them (a Gazpar export): core tells.
  const settingsTable = tables.some((f) => sheets.tableOf(f.name) === 'settings');
  const documents = jsons.filter((f) => {
    try {
      return 'households' in JSON.parse(f.text);
    } catch {
      return !tables.length && !direct.length; // core will say where the JSON is wrong
    }
  });
  const others = jsons.filter((f) => !documents.includes(f));
  let json = documents[0] ?? null;
  if (!json && others.length && !direct.length && !settingsTable) [json] = others;
  direct = [...direct, ...others.filter((f) => f !== json)];
  for (const extra of documents.slice(1)) problems.set(extra.name, note(t.oneJson));
  const document = json !== null && documents.includes(json);
  if (json) json.role = document ? t.documentRole : t.settingsRole;
  for (const f of tables) {
    // Never ignored in silence: with a whole document, tables are ambiguous.
    if (document) problems.set(f.name, note(t.withDocument));
    else f.role = t.tableRole;
  }
  if (json && direct.length) problems.set(json.name, note(document ? t.withDocument : t.settingsWithFiles));
  return { problems, csv: tables, json, document, direct };
}

/**
 * The file an error is about: the one core names in its location, or else
 * the last one its message quotes (`foyers.csv`), or else the JSON file.
 */
function fileOf(err, files, json, stage) {
  if (json && (stage === 'compute' || err?.file === 'settings')) return json.name;
  if (err?.file) return err.file;
  const message = String(err?.messages?.en ?? err?.message ?? '');
  let best = null;
  for (const f of files) {
    const at = message.lastIndexOf(`\`${f.name}\``);
    if (at >= 0 && (best === null || at > best.at)) best = { at, name: f.name };
  }
  return best ? best.name : (json ?? files[0]).name;
}

/** Computes new files with core's choices (station, no filling). */
function run(files) {
  given.weather?.parsed.free();
  Object.assign(given, { files, station: null, fill: { fillStation: null, interpolateMaxDays: 0 }, weather: null, asOf: undefined });
  return compute();
}

/**
 * Reads, computes and shows; an error goes next to the file it is in.
 * `body[data-busy]` marks the page while it works (for tests and scripts).
 */
async function compute() {
  document.body.dataset.busy = 'true';
  try {
    await computeNow();
    // Provisional results: while the challenge runs (core's `asOfDefault`),
    // the page starts on the last day of data; an empty day is final.
    if (given.asOf === undefined && state.asOfDefault && !$('results').hidden) {
      given.asOf = state.asOfDefault;
      await computeNow();
    }
    given.asOf ??= '';
  } finally {
    delete document.body.dataset.busy;
  }
}

async function computeNow() {
  const { files } = given;
  $('results').hidden = true;
  setStatus(t.reading(files.length));
  const sorted = sortOut(files);
  const { problems, csv, json, document } = sorted;
  if (!sorted.direct.length) hideImports();
  if (problems.size) {
    showFiles(files, problems);
    setStatus(t.failed, true);
    return;
  }
  if (sorted.direct.length) {
    await computeFiles(files, sorted);
    return;
  }
  showFiles(files);
  setStatus(t.computing);
  // Let the status paint before the (synchronous) computation.
  await new Promise((r) => setTimeout(r, 0));
  let stage = 'read';
  try {
    const tables = csv.map(({ name, text }) => ({ name, text }));
    let result;
    let ms;
    let module;
    if (json) {
      const ecodefi = await full();
      module = 'full';
      const start = performance.now();
      const data = document ? json.text : ecodefi.readTables(tables, json.text);
      stage = 'compute';
      const report = ecodefi.compute(data, { ...asOfOption(), lang: LANG });
      ms = performance.now() - start;
      // The full module's `compute` gives the report; its CSV files are
      // core's writers on that report: energy's detailed ones when the
      // challenge has energy, and every theme section's.
      result = {
        report,
        householdsCsv: report.energy ? ecodefi.householdsCsv(report) : '',
        teamsCsv: report.energy ? ecodefi.teamsCsv(report) : '',
        sections: ecodefi.sectionsCsv(report),
      };
    } else {
      let start = performance.now();
      try {
        result = sheets.computeSheets(tables, { ...asOfOption(), lang: LANG });
        module = 'sheets';
      } catch (err) {
        // What the small module leaves out (another theme) the
        // every-theme spreadsheet module computes: fetch it, compute there.
        if (err?.code !== 'unsupported') throw err;
        const themes = await sheetsThemes();
        start = performance.now();
        result = themes.computeSheets(tables, { ...asOfOption(), lang: LANG });
        module = 'sheets-themes';
      }
      ms = performance.now() - start;
    }
    show(result, ms, module);
  } catch (err) {
    showFiles(files, new Map([[fileOf(err, files, json, stage), errorMessage(err)]]));
    setStatus(t.failed, true);
  }
}

/** The `asOf` option of a computation: the day chosen ("Résultats au"). */
function asOfOption() {
  return given.asOf ? { asOf: given.asOf } : {};
}

/** The "Résultats au" date picker: within the challenge period, on the
 * as-of day of provisional results, empty for final results. */
function showAsOf(report) {
  const picker = $('as-of');
  const period = report.provisional?.challenge_period ?? report.challenge.challenge_period;
  Object.assign(picker, { min: period.first, max: period.last, value: report.provisional?.as_of ?? '' });
}

/** Shows a computed result (`computeSheets`'s, `compute`'s or `computeFiles`'s). */
function show(result, ms, module) {
  Object.assign(state, result);
  state.asOfDefault = result.asOfDefault ?? null;
  const { report } = result;
  showAsOf(report);
  render(report, { ms, sections: result.sections });
  $('timing').textContent += ` ${t.computedBy(t.modules[module])}`;
  // Energy's detailed CSV files (core's writers): offered with energy only.
  $('download-csv').hidden = !report.energy;
  $('download-teams-csv').hidden = !report.energy;
  $('results').hidden = false;
  $('print-button').disabled = false;
  setStatus(t.ready);
  documentReady(report, module);
}

/**
 * The station to try when the organiser chose none and core could not
 * choose (several stations, no `station_meteo` in the settings): the one
 * with the most complete days, the first in the file among equals.
 */
function mostComplete(stations) {
  return stations.reduce((best, s) => (s.complete_days > best.complete_days ? s : best));
}

/**
 * Files read directly, with the tables: `fileKind` tells each (an error
 * goes next to its file), a Météo-France file's stations are listed, then
 * `computeFiles` computes in `ecodefi/sheets-themes` (or the full module
 * when that answers `unsupported`). Without a station chosen, core takes
 * the settings' `station_meteo` (or the file's only station); when it
 * needs one, the most complete station is taken and shown selected.
 */
async function computeFiles(files, { direct }) {
  showFiles(files);
  setStatus(t.computing);
  let module = 'sheets-themes';
  let ecodefi = await sheetsThemes();
  const problems = new Map();
  let weather = null;
  for (const f of direct) {
    try {
      const kind = ecodefi.fileKind(f.name, f.bytes);
      f.role = { weather: t.weatherRole, meter: t.meterRole }[kind.kind] ?? t.tableRole;
      if (kind.kind === 'weather' && !weather) weather = readWeather(ecodefi, f);
    } catch (err) {
      problems.set(f.name, errorMessage(err));
    }
  }
  if (problems.size) {
    showFiles(files, problems);
    setStatus(t.failed, true);
    return;
  }
  showFiles(files);
  $('imports').hidden = false;
  if (weather) renderStations(weather.summary, { selected: given.station, fill: given.fill });
  else $('weather').hidden = true;
  await new Promise((r) => setTimeout(r, 0));
  const bytes = files.map(({ name, bytes: b }) => ({ name, bytes: b }));
  const options = () => ({ ...given.fill, ...(given.station ? { station: given.station } : {}), ...asOfOption(), lang: LANG });
  const start = performance.now();
  let result;
  try {
    try {
      result = ecodefi.computeFiles(bytes, options());
    } catch (err) {
      if (err?.code === 'unsupported') {
        ecodefi = await full();
        module = 'full';
        result = ecodefi.computeFiles(bytes, options());
      } else if (weather && !given.station && needsStation(err, weather)) {
        given.station = mostComplete(weather.summary.stations).number;
        result = ecodefi.computeFiles(bytes, options());
      } else {
        throw err;
      }
    }
  } catch (err) {
    renderWeatherUse(null);
    showFiles(files, new Map([[fileOf(err, files, null, 'read'), errorMessage(err)]]));
    setStatus(t.failed, true);
    return;
  }
  const ms = performance.now() - start;
  const use = result.imported.weather;
  if (weather && use) {
    given.station = use.station.number;
    const coverage = periodsCoverage(weather, result.report.challenge);
    renderStations(weather.summary, { selected: given.station, coverage, fill: given.fill });
  }
  renderWeatherUse(use);
  renderMeters(result.imported.meters);
  show(result, ms, module);
}

/**
 * A Météo-France file read once per set of files (a département's file is
 * about 10 MB, half a second to read), kept in `given.weather` while the
 * organiser changes the station or the options: `{ file, parsed, summary }`.
 */
function readWeather(ecodefi, file) {
  if (given.weather?.file !== file) {
    given.weather?.parsed.free();
    const parsed = new ecodefi.WeatherFile(file.bytes, file.name);
    given.weather = { file, parsed, summary: parsed.summary() };
  }
  return given.weather;
}

/**
 * Whether core's error asks for a station to be named: the file has
 * several and neither the organiser nor the settings named one.
 */
function needsStation(err, weather) {
  return weather.summary.stations.length > 1 && err?.file === weather.file.name && err?.code === 'invalid_value' && !err?.line;
}

/**
 * For each station and each period of the challenge, whether core gives a
 * temperature for every day with the current fill options (and how many it
 * filled), or its message naming the days it lacks.
 */
function periodsCoverage(weather, challenge) {
  const coverage = new Map();
  for (const s of weather.summary.stations) {
    const of = (period) => {
      try {
        const r = weather.parsed.temperatures(s.number, { first: period.first, last: period.last, ...given.fill });
        return { complete: true, filled: r.filled.length };
      } catch (err) {
        return { complete: false, message: err?.messages?.[LANG] ?? err?.message ?? String(err) };
      }
    };
    coverage.set(s.number, { reference: of(challenge.reference_period), challenge: of(challenge.challenge_period) });
  }
  return coverage;
}

/** Marks the page for tests and scripts: the report is shown, computed by `module`. */
function documentReady(report, module) {
  document.body.dataset.households = String(report.households);
  document.body.dataset.module = module;
}

/**
 * A file as the page keeps it: its bytes (for the files core reads
 * directly) and its text, decoded by core (UTF-8, UTF-16, Windows-1252).
 */
function fileOfBytes(name, bytes) {
  return { name, bytes, text: sheets.decode(bytes) };
}

/** The files given, sorted by name. */
async function readDropped(fileList) {
  const files = [];
  for (const f of fileList) files.push(fileOfBytes(f.name, new Uint8Array(await f.arrayBuffer())));
  files.sort((a, b) => a.name.localeCompare(b.name));
  return files;
}

/**
 * The multi-theme sample: one whole challenge document (the input of the
 * first case of tests/vectors/themes/challenge.json), committed in
 * samples/ beside the page.
 */
async function loadThemesSample() {
  const file = 'challenge.json';
  const bytes = await (await fetch(`samples/themes/${file}`)).arrayBuffer();
  return [fileOfBytes(file, new Uint8Array(bytes))];
}

async function loadSample(name) {
  const index = await (await fetch('sample/index.json')).json();
  const files = [];
  for (const file of index[name]) {
    // Names may have accents (`températures.csv`): sent percent-encoded (UTF-8).
    const bytes = await (await fetch(`sample/${name}/${encodeURIComponent(file)}`)).arrayBuffer();
    files.push(fileOfBytes(file, new Uint8Array(bytes)));
  }
  return files;
}

/**
 * Reads a catalogue document with core, checks it and shows it; an error
 * (a document core cannot read) is shown with its file name instead.
 */
async function showCatalogue(name, text) {
  const status = $('catalogue-status');
  $('catalogue-view').hidden = true;
  status.classList.remove('error');
  try {
    const ecodefi = await full();
    const findings = ecodefi.catalogueValidate(text);
    const timelines = ecodefi.catalogueTimelines(text);
    const doc = JSON.parse(text);
    renderCatalogue(doc, { timelines, findings });
    status.textContent = t.catalogue.loaded(doc.records.length);
    document.body.dataset.catalogue = String(doc.records.length);
  } catch (err) {
    status.replaceChildren(`${t.catalogue.failed} ${name}`, errorMessage(err));
    status.classList.add('error');
    delete document.body.dataset.catalogue;
  }
}

async function loadCatalogueSample() {
  const index = await (await fetch('sample/index.json')).json();
  const [file] = index.catalogue;
  const bytes = await (await fetch(`sample/catalogue/${file}`)).arrayBuffer();
  await showCatalogue(file, sheets.decode(new Uint8Array(bytes)));
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function wire() {
  const drop = $('drop');
  $('picker').addEventListener('change', async (e) => run(await readDropped(e.target.files)));
  $('sample').addEventListener('click', async () => run(await loadSample('energy')));
  $('sample-csv').addEventListener('click', async () => run(await loadSample('table-demo')));
  $('sample-themes').addEventListener('click', async () => run(await loadThemesSample()));
  $('sample-zero-dechet').addEventListener('click', async () => run(await loadSample('zero-dechet')));
  $('sample-declics').addEventListener('click', async () => run(await loadSample('declics')));
  $('sample-linky-gazpar').addEventListener('click', async () => run(await loadSample('linky-gazpar')));
  // The station and the fill options: computed again with the same files.
  $('as-of').addEventListener('change', (e) => {
    if (!given.files.length) return;
    given.asOf = e.target.value;
    compute();
  });
  $('stations').addEventListener('change', (e) => {
    if (e.target.name !== 'station') return;
    given.station = e.target.value;
    compute();
  });
  $('fill-station').addEventListener('change', (e) => {
    given.fill.fillStation = e.target.value || null;
    compute();
  });
  $('interpolate').addEventListener('change', (e) => {
    const n = Number(e.target.value);
    given.fill.interpolateMaxDays = Number.isInteger(n) && n >= 0 ? n : 0;
    compute();
  });
  $('catalogue-sample').addEventListener('click', loadCatalogueSample);
  $('catalogue-picker').addEventListener('change', async (e) => {
    const [f] = e.target.files;
    if (f) await showCatalogue(f.name, sheets.decode(new Uint8Array(await f.arrayBuffer())));
  });
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    run(await readDropped(e.dataTransfer.files));
  });
  $('download-json').addEventListener('click', () => {
    if (state.report) download(t.files.json, 'application/json', `${JSON.stringify(state.report, null, 2)}\n`);
  });
  $('download-csv').addEventListener('click', () => {
    if (state.report?.energy) download(t.files.households, 'text/csv;charset=utf-8', state.householdsCsv);
  });
  $('download-teams-csv').addEventListener('click', () => {
    if (state.report?.energy) download(t.files.teams, 'text/csv;charset=utf-8', state.teamsCsv);
  });
  // The printable document of the shown report (print.js), then the
  // browser's print (A4, or a PDF); printing otherwise (Ctrl+P) builds it
  // too, or prints the page itself when no report is shown.
  $('print-button').addEventListener('click', () => {
    if (!state.report || $('results').hidden) return;
    buildPrint(state.report);
    window.print();
  });
  window.addEventListener('beforeprint', () => {
    if (state.report && !$('results').hidden) buildPrint(state.report);
    else clearPrint();
  });
  // Each theme section's CSV files, core's (the buttons render.js draws).
  $('themes').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-csv]');
    const section = state.sections?.find((s) => s.theme === button?.dataset.theme);
    if (!section) return;
    const slug = t.themeSlugs[section.theme] ?? section.theme;
    if (button.dataset.csv === 'teams') download(t.files.themeTeams(slug), 'text/csv;charset=utf-8', section.teamsCsv);
    else download(t.files.themeHouseholds(slug), 'text/csv;charset=utf-8', section.householdsCsv);
  });
}

applyTexts();
setStatus(t.loading);
try {
  await init();
  setCodeLabels(sheets.codeLabel);
  wire();
  setStatus(t.ready);
  document.body.dataset.ready = 'true';
} catch (err) {
  setStatus(t.engineFailed(err?.message ?? String(err)), true);
}

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
//   `ecodefi/sheets-themes` (under 450 KB, every theme from spreadsheet
//   files);
// - a JSON document or settings file and the catalogue go to the full
//   module `ecodefi` (1.15 MB).

import init, * as sheets from './pkg/sheets/index.js';
import { t, where } from './i18n.js';
import { render } from './render.js';
import { renderCatalogue } from './catalogue.js';

const $ = (id) => document.getElementById(id);
// The shown report and core's CSV files of it: energy's detailed ones
// (`householdsCsv`, `teamsCsv`) and each theme section's (`sections`,
// from spreadsheet files only).
const state = { report: null, householdsCsv: '', teamsCsv: '', sections: [] };

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

/** The message of a thrown EcodefiError: kind, place, core's message. */
function errorMessage(err) {
  const m = document.createElement('span');
  m.className = 'file-message';
  if (err?.name !== 'EcodefiError') {
    m.textContent = String(err?.message ?? err);
    return m;
  }
  const place = where(err);
  const kind = t.errorCodes[err.code] ?? err.code;
  m.textContent = `${kind}${place ? ` (${place})` : ''} — ${err.message}`;
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
 * settings instead, or a whole challenge document. Returns what to give the
 * package, or the problems to show next to files.
 */
function sortOut(files) {
  const problems = new Map();
  const csv = files.filter((f) => !/\.json$/i.test(f.name));
  const jsons = files.filter((f) => /\.json$/i.test(f.name));
  for (const extra of jsons.slice(1)) problems.set(extra.name, note(t.oneJson));
  const json = jsons[0] ?? null;
  let document = false;
  if (json) {
    try {
      document = 'households' in JSON.parse(json.text);
    } catch {
      document = csv.length === 0; // core will say where the JSON is wrong
    }
    json.role = document ? t.documentRole : t.settingsRole;
  }
  for (const f of csv) {
    // Never ignored in silence: with a whole document, tables are ambiguous.
    if (document) problems.set(f.name, note(t.withDocument));
    else f.role = t.tableRole;
  }
  return { problems, csv, json, document };
}

/**
 * The file an error is about: the one core names in its location, or else
 * the last one its message quotes (`foyers.csv`), or else the JSON file.
 */
function fileOf(err, files, json, stage) {
  if (json && (stage === 'compute' || err?.file === 'settings')) return json.name;
  if (err?.file) return err.file;
  const message = String(err?.message ?? '');
  let best = null;
  for (const f of files) {
    const at = message.lastIndexOf(`\`${f.name}\``);
    if (at >= 0 && (best === null || at > best.at)) best = { at, name: f.name };
  }
  return best ? best.name : (json ?? files[0]).name;
}

/** Reads, computes and shows; an error goes next to the file it is in. */
async function run(files) {
  $('results').hidden = true;
  setStatus(t.reading(files.length));
  const { problems, csv, json, document } = sortOut(files);
  if (problems.size) {
    showFiles(files, problems);
    setStatus(t.failed, true);
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
      const report = ecodefi.compute(data);
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
        result = sheets.computeSheets(tables);
        module = 'sheets';
      } catch (err) {
        // What the small module leaves out (another theme) the
        // every-theme spreadsheet module computes: fetch it, compute there.
        if (err?.code !== 'unsupported') throw err;
        const themes = await sheetsThemes();
        start = performance.now();
        result = themes.computeSheets(tables);
        module = 'sheets-themes';
      }
      ms = performance.now() - start;
    }
    Object.assign(state, result);
    const { report } = result;
    render(report, { ms, sections: result.sections });
    $('timing').textContent += ` ${t.computedBy(t.modules[module])}`;
    // Energy's detailed CSV files (core's writers): offered with energy only.
    $('download-csv').hidden = !report.energy;
    $('download-teams-csv').hidden = !report.energy;
    $('results').hidden = false;
    setStatus(t.ready);
    documentReady(report, module);
  } catch (err) {
    showFiles(files, new Map([[fileOf(err, files, json, stage), errorMessage(err)]]));
    setStatus(t.failed, true);
  }
}

/** Marks the page for tests and scripts: the report is shown, computed by `module`. */
function documentReady(report, module) {
  document.body.dataset.households = String(report.households);
  document.body.dataset.module = module;
}

/** The files as text, decoded by core from their bytes (UTF-8, UTF-16, Windows-1252). */
async function readDropped(fileList) {
  const files = [];
  for (const f of fileList) files.push({ name: f.name, text: sheets.decode(new Uint8Array(await f.arrayBuffer())) });
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
  return [{ name: file, text: sheets.decode(new Uint8Array(bytes)) }];
}

async function loadSample(name) {
  const index = await (await fetch('sample/index.json')).json();
  const files = [];
  for (const file of index[name]) {
    // Names may have accents (`températures.csv`): sent percent-encoded (UTF-8).
    const bytes = await (await fetch(`sample/${name}/${encodeURIComponent(file)}`)).arrayBuffer();
    files.push({ name: file, text: sheets.decode(new Uint8Array(bytes)) });
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
  wire();
  setStatus(t.ready);
  document.body.dataset.ready = 'true';
} catch (err) {
  setStatus(t.engineFailed(err?.message ?? String(err)), true);
}

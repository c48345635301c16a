// The page: reads the files the organiser gives (picker, drag-and-drop or
// the bundled sample), hands them to the ecodefi package (WebAssembly), and
// shows core's report. All computation is core's; this file only reads
// files, draws and offers downloads. All text comes from i18n.js.

import init, * as ecodefi from './pkg/index.js';
import { t, where } from './i18n.js';
import { render } from './render.js';

const $ = (id) => document.getElementById(id);
const state = { report: null, data: null };

function applyTexts() {
  for (const node of document.querySelectorAll('[data-text]')) {
    node.textContent = t[node.dataset.text];
  }
  document.documentElement.lang = 'fr';
}

function setStatus(text, isError = false) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', isError);
}

/** Lists the files, each with its state and, on error, the message next to it. */
function showFiles(files, error) {
  const list = $('files');
  list.replaceChildren();
  for (const f of files) {
    const li = document.createElement('li');
    li.dataset.file = f.name;
    const name = document.createElement('span');
    name.className = 'file-name';
    name.textContent = f.name;
    const failed = error && error.file === f.name;
    li.className = failed ? 'file-error' : 'file-ok';
    li.append(name, ` — ${failed ? t.fileError : t.fileOk}`);
    if (failed) li.append(errorMessage(error));
    list.append(li);
  }
}

function errorMessage(err) {
  const m = document.createElement('span');
  m.className = 'file-message';
  const place = where(err);
  const kind = t.errorCodes[err.code] ?? err.code;
  m.textContent = `${place ? `${place} : ` : ''}${kind} — ${err.message}`;
  return m;
}

/** Reads, computes and shows; errors go next to their file. */
async function run(files) {
  $('results').hidden = true;
  setStatus(t.reading(files.length));
  let data;
  try {
    data = ecodefi.readFiles(files);
  } catch (err) {
    showFiles(files, err);
    if (err && files.some((f) => f.name === err.file)) setStatus(t.failed, true);
    else setStatus(t.failedNoFile(err?.message ?? String(err)), true);
    return;
  }
  showFiles(files, null);
  setStatus(t.computing);
  // Let the status paint before the (synchronous) computation.
  await new Promise((r) => setTimeout(r, 0));
  try {
    const start = performance.now();
    const report = ecodefi.compute(data);
    const ms = performance.now() - start;
    state.data = data;
    state.report = report;
    render(report, { ms });
    $('results').hidden = false;
    setStatus(t.ready);
  } catch (err) {
    showFiles(files, err);
    setStatus(t.failedNoFile(err?.message ?? String(err)), true);
  }
}

async function readDropped(fileList) {
  const files = [];
  for (const f of fileList) files.push({ name: f.name, text: await f.text() });
  files.sort((a, b) => a.name.localeCompare(b.name));
  return files;
}

async function loadSample() {
  const names = await (await fetch('sample/index.json')).json();
  const files = [];
  for (const name of names) {
    files.push({ name, text: await (await fetch(`sample/${name}`)).text() });
  }
  return files;
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
  $('sample').addEventListener('click', async () => run(await loadSample()));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    run(await readDropped(e.dataTransfer.files));
  });
  $('download-json').addEventListener('click', () => {
    if (state.report) download('ecodefi-rapport.json', 'application/json', ecodefi.reportJson(state.report));
  });
  $('download-csv').addEventListener('click', () => {
    if (state.report) download('ecodefi-resultats.csv', 'text/csv', ecodefi.reportCsv(state.report));
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

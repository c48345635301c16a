// The page against native, in the same session: the same synthetic
// challenge of N households (core `synthetic::generate`, seed 2026), as
// spreadsheet files and as a JSON document, computed K times
// - natively, on one thread (`ECODEFI_THREADS=1`), by the release build of
//   `bindings-wasm/examples/synthetic_challenge.rs --time K`, which times
//   what the page times;
// - in headless chromium, on the built page (bindings-wasm/www/, `bash
//   bindings-wasm/build.sh` first, and `npm ci` in bindings-wasm/ once):
//   `computeSheets` of the page's module `ecodefi/sheets` on the files'
//   texts, and `compute` of the full module on the document's text, the two
//   calls the page times (app.js).
// Native runs before and after the browser's, and the medians are compared
// (the machine is shared: one run is noise). Run alone, not beside the
// tests: node:test runs its files concurrently.
//
// Usage: node benches/wasm/page-vs-native.mjs [N] [K]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBrowser } from '../../bindings-wasm/js-tests/browser.mjs';
import { root } from '../../bindings-wasm/js-tests/helpers.mjs';

const N = Number(process.argv[2] ?? 10_000);
const K = Number(process.argv[3] ?? 5);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

execFileSync('cargo', ['build', '--quiet', '--release', '-p', 'ecodefi-wasm', '--example', 'synthetic_challenge'], {
  cwd: root,
  stdio: 'inherit',
});
const example = path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, 'target'), 'release', 'examples', 'synthetic_challenge');
const tmp = mkdtempSync(path.join(tmpdir(), 'ecodefi-bench-'));
const document = path.join(tmp, 'challenge.json');
const tables = path.join(tmp, 'tables');

/** Native times (ms) of K runs, on one thread. */
function native(out, csv) {
  const args = [String(N), out, ...(csv ? ['--csv'] : []), '--time', String(K)];
  const line = execFileSync(example, args, { env: { ...process.env, ECODEFI_THREADS: '1' }, encoding: 'utf8' });
  return JSON.parse(line).native_compute_ms;
}

const nativeTimes = { sheets: native(tables, true), json: native(document, false) };
const files = readdirSync(tables).sort().map((name) => ({ name, text: readFileSync(path.join(tables, name), 'utf8') }));
const text = readFileSync(document, 'utf8');

const { openPage, close } = await startBrowser();
const { page } = await openPage();
const pageTimes = await page.evaluate(async ({ files, text, K, N }) => {
  const sheets = await import('./pkg/sheets/index.js');
  const full = await import('./pkg/index.js');
  await sheets.default();
  await full.default();
  // One untimed call each first: the browser compiles a module's hot
  // functions again, optimised, once they run (as the native example's first
  // run warms its caches, counted in the median rather than left out).
  sheets.computeSheets(files, { lang: 'fr' });
  full.compute(text, { lang: 'fr' });
  const times = { sheets: [], json: [] };
  for (let i = 0; i < K; i += 1) {
    let start = performance.now();
    const a = sheets.computeSheets(files, { lang: 'fr' });
    times.sheets.push(performance.now() - start);
    start = performance.now();
    const b = full.compute(text, { lang: 'fr' });
    times.json.push(performance.now() - start);
    if (a.report.households !== N || b.households !== N) throw new Error('not every household computed');
  }
  return times;
}, { files, text, K, N });
await close();
// Native again, after the browser: the machine's load changes.
nativeTimes.sheets.push(...native(tables, true));
nativeTimes.json.push(...native(document, false));

console.log(`${N} households, ${K} runs in chromium, ${2 * K} native (one thread); medians:`);
for (const [what, label] of [['sheets', 'spreadsheet files (ecodefi/sheets)'], ['json', 'JSON document (full module)']]) {
  const [n, p] = [median(nativeTimes[what]), median(pageTimes[what])];
  console.log(`  ${label}: native ${n.toFixed(1)} ms, page ${p.toFixed(1)} ms, ratio ${(p / n).toFixed(2)}×`);
  console.log(`    native: ${nativeTimes[what].map((t) => t.toFixed(0)).join(' ')}; page: ${pageTimes[what].map((t) => t.toFixed(0)).join(' ')}`);
}

// The page's "Résultats au" date picker (www/), in headless Debian
// chromium driven by playwright-core as page.test.mjs does: the bundled
// sample, then a day picked, shows the provisional headline the package
// computes in Node for that day (« Résultats provisoires au 15 février
// 2026 : … »); an empty day shows the final results again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import * as full from 'ecodefi';
import { examples, readJson, wasmDir } from './helpers.mjs';

const www = path.join(wasmDir, 'www');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

let server;
let browser;
let base;

/** A static server of www/ on 127.0.0.1, on a free port. */
function serve() {
  return new Promise((resolve) => {
    const s = createServer((req, res) => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const file = path.join(www, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
      if (!file.startsWith(www) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}

before(async () => {
  server = await serve();
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('a day picked shows the provisional results, an empty day the final ones', async () => {
  const sample = readJson(path.join(examples, 'energy/challenge.json'));
  const provisional = full.compute(sample, { asOf: '2026-02-15' }).energy.headline;
  const final = full.compute(sample).energy.headline;
  assert.ok(provisional.startsWith('Résultats provisoires au 15 février 2026\u00a0: '), provisional);

  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.route('**/*', (r) => (r.request().url().startsWith(base) ? r.continue() : r.abort()));
  await page.goto(base);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  assert.equal(await page.textContent('label[for="as-of"]'), 'Résultats au');

  await page.click('#sample');
  await page.waitForSelector('#results:not([hidden])', { timeout: 60_000 });
  // A finished challenge (its data reach the end of its period): final.
  assert.equal(await page.inputValue('#as-of'), '');
  assert.equal(await page.textContent('#theme-energy .theme-headline'), final);
  assert.equal(await page.getAttribute('#as-of', 'min'), '2025-12-01');
  assert.equal(await page.getAttribute('#as-of', 'max'), '2026-04-30');

  await page.fill('#as-of', '2026-02-15');
  await page.waitForFunction(
    () => !document.body.dataset.busy
      && document.querySelector('#theme-energy .theme-headline')?.textContent.startsWith('Résultats provisoires'),
    null,
    { timeout: 60_000 },
  );
  assert.equal(await page.textContent('#theme-energy .theme-headline'), provisional);
  assert.deepEqual(await page.$$eval('#headlines li', (lis) => lis.map((li) => li.textContent)), [`Énergie${provisional}`]);
  assert.equal(await page.inputValue('#as-of'), '2026-02-15');

  await page.fill('#as-of', '');
  await page.waitForFunction(
    () => !document.body.dataset.busy
      && !document.querySelector('#theme-energy .theme-headline')?.textContent.startsWith('Résultats provisoires'),
    null,
    { timeout: 60_000 },
  );
  assert.equal(await page.textContent('#theme-energy .theme-headline'), final);
  assert.deepEqual(errors, []);
});

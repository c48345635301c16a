// The page's "Résultats au" date picker (www/), in headless Debian
// chromium driven by playwright-core as page.test.mjs does: the bundled
// sample, then a day picked, shows the provisional headline the package
// computes in Node for that day (« Résultats provisoires au 15 février
// 2026 : … »); an empty day shows the final results again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import * as full from 'ecodefi';
import { startBrowser } from './browser.mjs';
import { examples, readJson } from './helpers.mjs';

let browser;

before(async () => {
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
});

test('a day picked shows the provisional results, an empty day the final ones', async () => {
  const sample = readJson(path.join(examples, 'energy/challenge.json'));
  const provisional = full.compute(sample, { asOf: '2026-02-15' }).energy.headline;
  const final = full.compute(sample).energy.headline;
  assert.ok(provisional.startsWith('Résultats provisoires au 15 février 2026\u00a0: '), provisional);

  const { page, errors } = await browser.openPage();
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

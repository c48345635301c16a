// The page speaks French: on every bundled sample, each exclusion's and
// warning's detail shown is core's French one, and none of core's English
// texts appears. The English and French reports are computed here in Node
// by the same core on the same files, so a detail the catalogue leaves
// untranslated (the same in both languages) fails too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as full from 'ecodefi';
import { startBrowser } from './browser.mjs';
import { wasmDir } from './helpers.mjs';

const sampleDir = path.join(wasmDir, 'www/sample');
const index = JSON.parse(readFileSync(path.join(sampleDir, 'index.json'), 'utf8'));

/** The report of a sample, its texts in `lang`, as the page computes it. */
function sampleReport(name, lang) {
  if (name === 'themes') {
    const text = readFileSync(path.join(wasmDir, 'www/samples/themes/challenge.json'), 'utf8');
    return full.compute(text, { lang });
  }
  const files = index[name].map((file) => ({ name: file, bytes: new Uint8Array(readFileSync(path.join(sampleDir, name, file))) }));
  if (name === 'energy') return full.compute(full.decode(files[0].bytes), { lang });
  return full.computeFiles(files, { lang }).report;
}

/** Every detail of a report's exclusions and warnings, in order. */
function details(report) {
  const out = [];
  for (const theme of ['energy', 'water', 'waste', 'food', 'mobility']) {
    for (const h of report[theme]?.households ?? []) {
      for (const x of [...h.exclusions, ...h.warnings]) out.push({ theme, household: h.household, code: x.code, detail: x.detail, params: x.params });
    }
  }
  return out;
}

const SAMPLES = [
  ['energy', '#sample'],
  ['table-demo', '#sample-csv'],
  ['themes', '#sample-themes'],
  ['zero-dechet', '#sample-zero-dechet'],
  ['declics', '#sample-declics'],
  ['linky-gazpar', '#sample-linky-gazpar'],
];

let browser;
before(async () => {
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
});

for (const [name, button] of SAMPLES) {
  test(`the ${name} sample shows core's French texts, and none of its English ones`, async () => {
    const english = details(sampleReport(name, 'en'));
    const french = details(sampleReport(name, 'fr'));
    assert.equal(french.length, english.length);
    // The same reasons, codes and parameters in both languages; only the words change.
    for (const [i, en] of english.entries()) {
      const fr = french[i];
      assert.deepEqual([fr.household, fr.code, fr.params], [en.household, en.code, en.params]);
      assert.notEqual(fr.detail, en.detail, `${name} ${en.household} ${en.code}: untranslated detail ${JSON.stringify(en.detail)}`);
    }
    const { page, errors } = await browser.openPage();
    await page.click(button);
    await page.waitForSelector('#results:not([hidden])', { timeout: 90_000 });
    const shown = await page.$$eval('.reason, .warning', (s) => s.map((x) => x.textContent));
    const body = await page.evaluate(() => document.body.innerText);
    for (const fr of french) {
      assert.ok(shown.some((s) => s.endsWith(` — ${fr.detail}`)), `${name}: ${fr.household}'s French detail is shown: ${fr.detail}`);
    }
    for (const en of english) {
      assert.ok(!body.includes(en.detail), `${name}: English text on the page: ${en.detail}`);
    }
    // The codes are in words too: no machine-readable code is shown for a reason.
    for (const s of shown) assert.doesNotMatch(s, /^[a-z]+(_[a-z0-9]+)+\b/, s);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

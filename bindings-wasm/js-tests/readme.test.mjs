// The JavaScript blocks of the package's README are run, so that the
// quickstart stays true: the spreadsheet block (`ecodefi/sheets`) on the
// demo tables with their settings table, the Node block on the shipped
// sample, the browser block and the error block on the demo tables (their
// free variables defined from core/examples/data), the results block on the
// water example, the files block on the linky-gazpar sample's files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode } from 'ecodefi';
import { examples, here, wasmDir } from './helpers.mjs';

const blocks = [...readFileSync(path.join(wasmDir, 'README.md'), 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

/** Runs `code` as a module placed in js-tests/out (so `ecodefi` resolves), in `cwd`. */
function run(name, code, cwd) {
  mkdirSync(path.join(here, 'out'), { recursive: true });
  const file = path.join(here, 'out', name);
  writeFileSync(file, code);
  return execFileSync(process.execPath, [file], { cwd, encoding: 'utf8' });
}

const demo = (dir, f) => JSON.stringify(decode(readFileSync(path.join(examples, dir, f))));
const tablesOf = (dir) => `
const foyersText = ${demo('table-demo', 'foyers.csv')};
const compteursText = ${demo('table-demo', 'compteurs.csv')};
const relevesText = ${demo(dir, 'releves.csv')};
const temperaturesText = ${demo('table-demo', 'temperatures.csv')};
const settingsJson = ${demo('table-demo', 'challenge.json')};
`;

test('the README has its six JavaScript blocks', () => {
  assert.equal(blocks.length, 6);
});

/** The one block that calls `name`. */
const blockOf = (name) => {
  const found = blocks.filter((b) => b.includes(name));
  assert.equal(found.length, 1, name);
  return found[0];
};

test('README: the spreadsheet quickstart (ecodefi/sheets)', () => {
  // `input.files` as a file picker gives them: the demo's CSV files, its
  // settings table among them (not its JSON twin).
  const dir = path.join(examples, 'table-demo');
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => ({
    name: f,
    bytes: [...readFileSync(path.join(dir, f))],
  }));
  const input = `const input = { files: ${JSON.stringify(files)}.map((f) => ({
  name: f.name,
  arrayBuffer: async () => new Uint8Array(f.bytes).buffer,
})) };\n`;
  const [imports, ...rest] = blocks[0].split('\n\n');
  const out = run('readme-sheets.mjs', `${imports}\n${input}\n${rest.join('\n\n')}\nconsole.log(householdsCsv.split('\\n').length, teamsCsv.length > 0);\n`, here);
  assert.match(out, /^3 foyers, .*\n5 true\n$/);
});

test('README: the Node quickstart', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'ecodefi-readme-'));
  copyFileSync(path.join(examples, 'energy/challenge.json'), path.join(cwd, 'challenge.json'));
  const out = run('readme-node.mjs', blocks[1], cwd).split('\n');
  assert.match(out[0], /^\d+ foyers, /);
  assert.match(out[1], /^1 /);
});

test('README: the browser quickstart and the errors', () => {
  const [imports, ...rest] = blocks[2].split('\n\n');
  const code = `${imports}\n${tablesOf('table-demo')}\n${rest.join('\n\n')}\nconsole.log(report.energy.headline, csv.split('\\n').length);\n`;
  assert.match(run('readme-browser.mjs', code, here), /^\d+ foyers?, .* 5\n$/);
  const errors = `import { readTables } from 'ecodefi';\n${tablesOf('table-demo-broken')}
const files = [
  { name: 'foyers.csv', text: foyersText },
  { name: 'compteurs.csv', text: compteursText },
  { name: 'releves.csv', text: relevesText },
  { name: 'temperatures.csv', text: temperaturesText },
];
const settings = settingsJson;
${blockOf('err.code, err.file')}`;
  assert.equal(run('readme-errors.mjs', errors, here).trim(), 'invalid_value releves.csv 17 valeur');
});

test('README: one household shape in every theme (the water example)', () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'ecodefi-readme-'));
  copyFileSync(path.join(examples, 'water/challenge.json'), path.join(cwd, 'water.json'));
  const out = run('readme-results.mjs', blockOf('challenge_per_person_day'), cwd).trimEnd().split('\n');
  assert.match(out[0], /^2 \d+ foyers, /);
  const households = JSON.parse(readFileSync(path.join(cwd, 'water.json'), 'utf8')).households;
  assert.equal(out.length, 1 + households.length);
  out.slice(1).forEach((line, i) => assert.match(line, new RegExp(`^${households[i].id} (\\d+(\\.\\d+)?|[a-z_, ]+)$`), line));
});

test('README: the files read directly (the linky-gazpar sample)', () => {
  const dir = path.join(examples, 'linky-gazpar');
  const files = readdirSync(dir).sort().map((f) => ({ name: f, bytes: [...readFileSync(path.join(dir, f))] }));
  const input = `const input = { files: ${JSON.stringify(files)}.map((f) => ({
  name: f.name,
  arrayBuffer: async () => new Uint8Array(f.bytes).buffer,
})) };\n`;
  const [imports, ...rest] = blockOf('computeFiles').split('\n\n');
  const out = run('readme-files.mjs', `${imports}\n${input}\n${rest.join('\n\n')}`, here).trimEnd().split('\n');
  // One line per file, then the headline, the station, one line per meter file.
  assert.equal(out.filter((l) => /\{ kind: '(table|weather|meter)'/.test(l)).length, files.length);
  assert.ok(out.some((l) => /^\d+ foyers, /.test(l)), out.join('\n'));
});

// Shared by the JS tests: paths, the demo tables of core/examples/data, and
// reading the conformance vectors of tests/vectors.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { decode } from 'ecodefi';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const wasmDir = path.resolve(here, '..');
export const root = path.resolve(wasmDir, '..');
export const examples = path.join(root, 'core/examples/data');

/**
 * The CSV files of a folder, `{ name, text }`, its settings as JSON text
 * (`challenge.json`, for `readTables`) and its settings table (`defi.csv`,
 * for `computeSheets`), kept apart: core refuses both at once. Read as
 * bytes and decoded by core, as the page does (the demo files are in
 * UTF-8, UTF-8 with a byte-order mark and Windows-1252).
 */
export function folderTables(dir) {
  const files = [];
  let settings = null;
  let settingsTable = null;
  for (const name of readdirSync(dir).sort()) {
    const text = decode(readFileSync(path.join(dir, name)));
    if (name.endsWith('.json')) settings = text;
    else if (name === 'defi.csv') settingsTable = { name, text };
    else files.push({ name, text });
  }
  return { files, settings, settingsTable };
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every vector file under tests/vectors, by topic (relative path). */
export function vectorFiles() {
  const dir = path.join(root, 'tests/vectors');
  if (!existsSync(dir)) return [];
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * A decimal string rounded half away from zero to `places` decimals, on the
 * text (no binary float): the rounding the Rust runner applies.
 */
export function roundDecimal(s, places) {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) throw new Error(`not a decimal: ${s}`);
  const [, sign, int, frac = ''] = m;
  const kept = (int + frac.padEnd(places + 1, '0').slice(0, places)).split('').map(Number);
  if (Number(frac.padEnd(places + 1, '0')[places]) >= 5) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) { kept[i] = 0; i -= 1; }
    if (i < 0) kept.unshift(1); else kept[i] += 1;
  }
  return normalizeDecimal(`${sign}${kept.slice(0, kept.length - places).join('') || '0'}.${kept.slice(kept.length - places).join('')}`);
}

/** A decimal string without superfluous zeros or sign: "-012.50" → "-12.5", "-0.0" → "0". */
export function normalizeDecimal(s) {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return s;
  const int = m[2].replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return /^[0.]*$/.test(body) ? '0' : `${m[1]}${body}`;
}

/**
 * Whether `actual` has every key of `expected` with the same value; arrays
 * compare element by element; two decimal strings compare as numbers.
 */
export function subsetDiff(actual, expected, at = '') {
  if (typeof expected === 'string' && typeof actual === 'string') {
    return actual === expected || normalizeDecimal(actual) === normalizeDecimal(expected) ? null : `${at}: ${actual} ≠ ${expected}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${at}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`;
    for (let i = 0; i < expected.length; i += 1) {
      const d = subsetDiff(actual[i], expected[i], `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return `${at}: ${JSON.stringify(actual)} is not an object`;
    for (const [k, v] of Object.entries(expected)) {
      const d = subsetDiff(actual[k], v, `${at}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return actual === expected ? null : `${at}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`;
}

/** The files of a sample folder, `{ name, bytes }`, sorted by name. */
export function byteFiles(dir) {
  return readdirSync(dir).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }));
}


/**
 * What a report example of core prints (`table_demo` or `files_challenge`,
 * both through core/examples/common/report_text.rs), parsed: the
 * challenge's title (`name — territory`), then per theme its headline, its
 * teams in rank order (`  1. La Deûle : −32,9 % (10 foyers)`) and its
 * households left out (`  exclu D05 (T5) : code — detail`). Blocks that are
 * not sections (files_challenge's list of imported files before the title,
 * energy's CSV after the sections) are passed over.
 */
export function exampleReport(example, dir) {
  const stdout = execFileSync('cargo', ['run', '--quiet', '-p', 'ecodefi', '--example', example, '--', dir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const blocks = stdout.split('\n\n');
  const title = blocks.find((b) => !b.includes('\n') && b.includes(' — ')) ?? '';
  const sections = [];
  const team = /^ {2}(\d+)\. (.+) : (.+) \((\d+ foyers?)\)$/;
  const excluded = /^ {2}exclu (\S+) \((.+?)\) : (\S+) — /;
  for (const block of blocks) {
    const [headline, ...lines] = block.split('\n').filter((l) => l !== '');
    if (!headline || headline.startsWith(' ') || lines.length === 0 || !lines.every((l) => l.startsWith('  '))) continue;
    const teams = [];
    const exclusions = [];
    for (const line of lines) {
      const m = team.exec(line);
      const x = excluded.exec(line);
      assert.ok(m || x, `a line of ${example}: ${JSON.stringify(line)}`);
      if (m) teams.push({ rank: m[1], name: m[2], figure: m[3], counted: m[4] });
      else exclusions.push({ household: x[1], code: x[3] });
    }
    sections.push({ headline, teams, exclusions });
  }
  assert.ok(sections.length > 0, `${example} printed sections:\n${stdout}`);
  return { title: title.trim(), sections, stdout };
}

/** `files_challenge`'s report on a folder of files ([exampleReport]). */
export function filesChallenge(dir) {
  return exampleReport('files_challenge', dir);
}

/** Calls `f`, which must throw; returns what it threw. */
export function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('expected a throw');
}

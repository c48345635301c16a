// Writes js-tests/out/checks.ts: the documents core actually reads and
// writes (the demo settings and tables, the sample challenge and its
// report, computed by the built package) as TypeScript literals typed with
// the package's declared types. `tsc --strict` on it then fails if
// src/types.d.ts and core disagree: a field missing, extra (excess property
// check) or of another type, an enum spelling unknown.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compute, readTables } from 'ecodefi';
import { examples, folderTables, here } from './helpers.mjs';

const demo = folderTables(path.join(examples, 'table-demo'));
const demoData = readTables(demo.files, demo.settings);
const sample = readFileSync(path.join(examples, 'energy/challenge.json'), 'utf8');
const checks = {
  demoSettings: ['ChallengeSettings', JSON.parse(demo.settings)],
  demoFiles: ['TableFile[]', demo.files],
  demoData: ['ChallengeData', demoData],
  demoReport: ['Report', compute(demoData)],
  sampleData: ['ChallengeData', JSON.parse(sample)],
  sampleReport: ['Report', compute(sample)],
};
const types = [...new Set(Object.values(checks).map(([t]) => t.replace('[]', '')))].sort();
let ts = '// Written by write-type-checks.mjs: do not edit.\n';
ts += `import type { ${types.join(', ')} } from "ecodefi";\n`;
for (const [name, [type, value]] of Object.entries(checks)) {
  ts += `export const ${name}: ${type} = ${JSON.stringify(value)};\n`;
}
mkdirSync(path.join(here, 'out'), { recursive: true });
writeFileSync(path.join(here, 'out/checks.ts'), ts);
console.log(`wrote js-tests/out/checks.ts (${types.join(', ')})`);

/**
 * npm run bench:corpus -- --plans N [--out DIR] [--seed S]
 *
 * Writes N synthetic plan texts (real items under other real regions and
 * years) into DIR (default /tmp/plan-atlas-bench/sources), outside the repo.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticCorpus } from '../bench/corpus.ts';
import { loadGenre } from '../genre/load.ts';
import { loadDivisionIndex } from '../ingest/divisions.ts';
import { ingestDocument } from '../ingest/document.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    plans: { type: 'string', default: '100' },
    out: { type: 'string', default: '/tmp/plan-atlas-bench/sources' },
    seed: { type: 'string', default: '1' },
  },
  strict: true,
});
const count = Number(values.plans);
if (!Number.isInteger(count) || count < 1) {
  console.error(`bench:corpus: --plans must be a whole number ≥ 1, not "${values.plans}"`);
  process.exit(2);
}

const divisions = loadDivisionIndex();
const context = { genre: loadGenre(), divisions };
const seedDirectory = 'content/sources';
const seeds = readdirSync(seedDirectory)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ingestDocument({ file: join(seedDirectory, name), bytes: readFileSync(join(seedDirectory, name)), sidecar: null }, context).plan);
const places = [...divisions.byCode.values()].filter((division) => division.level !== 'province').sort((a, b) => a.code.localeCompare(b.code));

rmSync(values.out, { recursive: true, force: true });
mkdirSync(values.out, { recursive: true });
let bytes = 0;
const placeName = (division: { name: string; parentCode: string | null }): string =>
  `${division.parentCode ? (divisions.byCode.get(division.parentCode)?.name ?? '') : ''}${division.name}`;
for (const plan of syntheticCorpus(count, seeds, places, placeName, Number(values.seed))) {
  writeFileSync(join(values.out, plan.fileName), plan.text);
  bytes += Buffer.byteLength(plan.text);
}
console.log(`bench:corpus: ${count} plans, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${values.out}`);

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
const placeName = (division: { name: string; parentCode: string | null }): string =>
  `${division.parentCode ? (divisions.byCode.get(division.parentCode)?.name ?? '') : ''}${division.name}`;
// Names that two divisions share under one parent (the old and new codes of 三明市三元区; 沙县
// and 沙县区, one short name) are ones the ingest rightly refuses without a sidecar: such places
// are left out, so every plan of the corpus ingests.
const named = [...divisions.byCode.values()].filter((division) => division.level !== 'province');
const nameCount = new Map<string, number>();
const nameKeys = (division: (typeof named)[number]): string[] => [...new Set([division.name, division.shortName])].map((name) => `${division.parentCode}:${name}`);
for (const division of named) for (const key of nameKeys(division)) nameCount.set(key, (nameCount.get(key) ?? 0) + 1);
const places = named.filter((division) => nameKeys(division).every((key) => nameCount.get(key) === 1)).sort((a, b) => a.code.localeCompare(b.code));

rmSync(values.out, { recursive: true, force: true });
mkdirSync(values.out, { recursive: true });
let bytes = 0;
for (const plan of syntheticCorpus(count, seeds, places, placeName, Number(values.seed))) {
  writeFileSync(join(values.out, plan.fileName), plan.text);
  bytes += Buffer.byteLength(plan.text);
}
console.log(`bench:corpus: ${count} plans, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${values.out}`);

/**
 * npm run bench:corpus -- --plans N [--out DIR] [--seed S]
 *
 * Writes N synthetic plan texts (real items under other real regions and
 * years) into DIR (default /tmp/plan-atlas-bench/sources), outside the repo.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusPlaces, syntheticCorpus } from '../bench/synthetic-corpus.ts';
import { loadDivisionIndex } from '../ingest/divisions.ts';
import { plansFromSources } from '../ingest/run.ts';
import { AtlasError, formatError } from '../../src/model/errors.ts';

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

// The folder is emptied first: never the repo's own content.
const out = resolve(values.out);
const content = resolve('content');
if (out === content || out.startsWith(`${content}${sep}`)) {
  console.error(
    `bench:corpus: ${formatError(new AtlasError('invalid-option', `--out ${values.out} is inside the repo's content/, which this would empty`, 'give a folder outside it, e.g. --out /tmp/plan-atlas-bench/sources'))}`,
  );
  process.exit(2);
}

const divisions = loadDivisionIndex();
// The bundled plans, read by the ingest run itself.
const seeds = await plansFromSources('content/sources');
const { places, placeName } = corpusPlaces(divisions);

rmSync(values.out, { recursive: true, force: true });
mkdirSync(values.out, { recursive: true });
let bytes = 0;
for (const plan of syntheticCorpus(count, seeds, places, placeName, Number(values.seed))) {
  writeFileSync(join(values.out, plan.fileName), plan.text);
  bytes += Buffer.byteLength(plan.text);
}
console.log(`bench:corpus: ${count} plans, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${values.out}`);

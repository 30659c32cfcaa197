/**
 * npm run commitments [-- --annotations DIR] [--problems]
 *
 * Reads the commitments of every hand-annotated plan (test/corpus/commitments/:
 * the five bundled plans and part of the genre corpus) and prints, per kind, how
 * many were read and annotated, the precision and the recall; then how often the
 * bound, the indicator and the reported mark of a matched one are right.
 * --problems lists each commitment read but not annotated and each missed.
 * Exits 0; the tests hold the aims.
 */
import { parseArgs } from 'node:util';
import { formatCommitmentScore, readAnnotations, scoreCommitments } from '../bench/commitment-score.ts';
import { createCommitmentReader } from '../enrich/commitment-reader.ts';
import { createParser } from '../ingest/parser.ts';

const { values } = parseArgs({
  options: { annotations: { type: 'string', default: 'test/corpus/commitments' }, problems: { type: 'boolean', default: false } },
  strict: true,
});
const score = scoreCommitments(readAnnotations(values.annotations), createParser({ divisionsFile: null, tablesFile: null }), createCommitmentReader());
console.log(`commitments annotated in ${values.annotations}`);
console.log(formatCommitmentScore(score));
if (values.problems) {
  console.log('\nread, not annotated:');
  for (const line of score.wrong) console.log(`  ${line}`);
  console.log('\nannotated, not read:');
  for (const line of score.missed) console.log(`  ${line}`);
  console.log('\nreported where committed, or committed where reported:');
  for (const line of score.misreported) console.log(`  ${line}`);
  console.log('\nindicators that differ:');
  for (const line of score.misread) console.log(`  ${line}`);
}

/**
 * npm run genre [-- --corpus DIR] [--problems]
 *
 * Runs the ingest over the genre corpus (test/corpus/plans: real published plans,
 * each with a reader's annotation) and prints, per field, how many are right;
 * how many documents were accepted, refused for the right reason, refused
 * wrongly, and given a fact the text does not hold. --problems lists every
 * document that is not fully right. Exits 0; the tests hold the aims.
 */
import { parseArgs } from 'node:util';
import { formatProblems, formatScore, readCorpus, scoreDocument, summarizeScores } from '../bench/genre-score.ts';
import { createParser } from '../ingest/parser.ts';

const { values } = parseArgs({
  options: { corpus: { type: 'string', default: 'test/corpus/plans' }, problems: { type: 'boolean', default: false } },
  strict: true,
});
const parser = createParser({ divisionsFile: null, tablesFile: null });
const { documents, unannotated } = readCorpus(values.corpus);
const scored = documents.map((document) => scoreDocument(document, parser));
console.log(`genre corpus: ${values.corpus}`);
for (const file of unannotated) console.warn(`genre: ${file} has no annotation beside it (NAME.yaml); not scored`);
console.log(formatScore(summarizeScores(scored)));
if (values.problems) {
  console.log('');
  for (const line of formatProblems(scored)) console.log(line);
}

/**
 * node scripts/enrich/write.ts [--content DIR]
 *
 * Enriches the plans already ingested (content/plans/) and writes
 * content/enrichment/. `npm run ingest` does the same as its last step; this is
 * for working on enrichment alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPlans } from '../content/plans.ts';
import { enrichCorpus } from './enrich.ts';
import { enrichmentFiles } from './files.ts';

const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' } } });
const started = performance.now();
const plans = loadPlans(values.content);
if (plans.length === 0) {
  console.error(`enrich: no plans in ${join(values.content, 'plans')}; run npm run ingest first`);
  process.exitCode = 1;
} else {
  const enrichment = enrichCorpus(plans);
  for (const [path, text] of enrichmentFiles(enrichment)) {
    const target = join(values.content, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`enrich: ${enrichment.items.length} items of ${plans.length} plans in ${seconds} s: ${enrichment.topics.length} topics, ${enrichment.documents.length} cited documents, ${enrichment.terms.length} terms`);
  if (enrichment.unassigned.length > 0) console.log(`enrich: ${enrichment.unassigned.length} item(s) without a topic: ${enrichment.unassigned.join(' ')}`);
}

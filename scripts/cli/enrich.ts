/**
 * npm run enrich     the enrich and link stage: the ingested plans (content/plans/) in,
 *                    content/enrichment/ out (topics, cited documents, policy terms,
 *                    related items; see scripts/enrich/enrich-corpus.ts). Runs after npm run ingest.
 *
 * Options: --content DIR (default content), --cache DIR (default .cache/enrich: an
 * unchanged plan file is not parsed again, and an item whose text, lead phrase and
 * dependencies are unchanged is not segmented or scored again; see
 * scripts/enrich/enrich-cache.ts), --no-cache. The corpus-wide steps (keyword weights,
 * related items, the per-topic, per-document and per-term lists) always run, from
 * every item's facts. The output is the same bytes with or without the cache; a file
 * is written only when its bytes change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Item, Plan } from '../../src/model/plan.ts';
import { EnrichCache, enrichCodeRoots, itemHash, type PlanDigest } from '../enrich/enrich-cache.ts';
import { createCommitmentReader } from '../enrich/commitment-reader.ts';
import { planOrder } from '../../src/model/order.ts';
import { assembleEnrichment, corpusTerms, itemEnricher, itemHeads, loadEnrichResources, planHead, userWords, type EnrichedItem, type ItemFacts } from '../enrich/enrich-corpus.ts';
import { enrichmentDirectory, enrichmentFiles } from '../enrich/files.ts';
import { codeVersion } from '../ingest/parse-cache.ts';
import { sha256, syncFiles, type WantedFile } from '../ingest/output.ts';
import { AtlasError, formatError } from '../../src/model/errors.ts';
import { display } from '../ingest/sources.ts';

function planFiles(directory: string): string[] {
  try {
    return readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}

type PlanReader = (markdown: string, file: string) => Plan;

/** The plans collection's reader (YAML and zod), loaded on the first plan not in the cache. */
async function planReader(): Promise<PlanReader> {
  const [{ planFromMarkdown }] = await Promise.all([import('../../src/model/plan-files.ts')]);
  return (markdown, file) => {
    try {
      return planFromMarkdown(markdown);
    } catch (error) {
      const wrapped = new AtlasError('invalid-file', `${file}: ${(error as Error).message}`, 'run npm run ingest to regenerate content/plans/');
      wrapped.file = file;
      throw wrapped;
    }
  };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      content: { type: 'string', default: 'content' },
      cache: { type: 'string', default: '.cache/enrich' },
      'no-cache': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const started = performance.now();
  const plansDirectory = join(values.content, 'plans');
  const files = planFiles(plansDirectory);
  if (files.length === 0) {
    console.error(`enrich: no plans in ${display(plansDirectory)}; run npm run ingest first`);
    return 1;
  }
  const version = codeVersion(process.cwd(), enrichCodeRoots);
  const cache = values['no-cache'] ? null : new EnrichCache(values.cache, version);
  const { itemsOf } = await import('../../src/model/plan.ts');
  let reader: PlanReader | null = null;

  // Plans: from the cache by the hash of the file, else parsed (and kept for their items' text).
  const resources = loadEnrichResources();
  const commitmentReader = createCommitmentReader(resources.commitments);
  const digests: PlanDigest[] = [];
  const parsedPlans = new Map<PlanDigest, { file: string; plan: Plan | null }>();
  for (const file of files) {
    const bytes = readFileSync(file);
    const hash = sha256(bytes);
    const cached = cache?.plans.get(hash) ?? null;
    if (cached) {
      digests.push(cached);
      parsedPlans.set(cached, { file, plan: null });
      continue;
    }
    reader ??= await planReader();
    const plan = reader(bytes.toString('utf8'), file);
    const digest: PlanDigest = { plan: planHead(plan), items: itemHeads(plan, commitmentReader).map(({ item, head }) => ({ ...head, hash: itemHash(item) })) };
    cache?.plans.set(hash, digest);
    digests.push(digest);
    parsedPlans.set(digest, { file, plan });
  }
  digests.sort((a, b) => planOrder(a.plan, b.plan));

  /** An item's lead phrase and text, for an item not in the cache: its plan is parsed then if it was not. */
  const itemOf = async (digest: PlanDigest, index: number): Promise<Item> => {
    const entry = parsedPlans.get(digest)!;
    if (!entry.plan) {
      reader ??= await planReader();
      entry.plan = reader(readFileSync(entry.file, 'utf8'), entry.file);
    }
    return [...itemsOf(entry.plan.sections)][index]!;
  };

  // Items: facts from the cache under the item's hash and everything they depend on, else worked out.
  const terms = corpusTerms(
    digests.flatMap((digest) => digest.items),
    resources.policyTerms,
  );
  const dependencies = sha256(`${version}\0${userWords(resources.taxonomy, terms).join('\n')}`);
  const keyed = digests.flatMap((digest) => digest.items.map((head, index) => ({ digest, head, index, key: sha256(`${dependencies}\0${head.hash}`) })));
  // The items the cache lacks, found first, so that jieba loads once for all of them.
  const missing = new Map<string, Item>();
  for (const { digest, index, key } of keyed) {
    if (!cache?.items.has(key) && !missing.has(key)) missing.set(key, await itemOf(digest, index));
  }
  const enrich = itemEnricher(resources, terms, missing.values());
  const items: EnrichedItem[] = [];
  let recomputed = 0;
  for (const { digest, head, key } of keyed) {
    let facts: ItemFacts | null = cache?.items.get(key) ?? null;
    if (!facts) {
      facts = enrich(missing.get(key)!);
      cache?.items.set(key, facts);
      recomputed += 1;
    }
    const { hash: _hash, ...itemHeadOnly } = head;
    items.push({ plan: digest.plan, head: itemHeadOnly, facts });
  }

  const enrichment = assembleEnrichment(
    digests.map((digest) => digest.plan),
    items,
    terms,
    resources,
  );
  const prefix = `${enrichmentDirectory}/`;
  const wanted = new Map<string, WantedFile>(
    [...enrichmentFiles(enrichment)].map(([path, text]) => [path.slice(prefix.length), { sha256: sha256(text), text: () => text }]),
  );
  const output = syncFiles(join(values.content, enrichmentDirectory), wanted, cache?.stamps(values.content) ?? null);
  cache?.save(values.content, output.state);

  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const fromCache = cache ? ` (${recomputed} recomputed, ${items.length - recomputed} unchanged from ${display(cache.directory)})` : '';
  console.log(
    `enrich: ${items.length} items of ${digests.length} plans${fromCache} in ${seconds} s: ${enrichment.topics.length} topics, ` +
      `${enrichment.documents.length} cited documents, ${enrichment.terms.length} policy terms; ${output.written} file(s) written`,
  );
  if (enrichment.unassigned.length > 0) {
    console.log(`enrich: ${enrichment.unassigned.length} item(s) fit no topic: ${enrichment.unassigned.join(' ')}`);
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`enrich: ${formatError(error)}`);
  process.exitCode = 2;
}

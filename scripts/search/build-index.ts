/**
 * node scripts/search/build-index.ts [--content content] [--out dist/pagefind] [--base /atlas/]
 *   [--shard-records N] [--stock]
 *
 * Writes the Pagefind index of every plan and item (after `astro build`, so it
 * lands in dist/), in shards of at most N records (shards.ts; default
 * SEARCH_SHARD_RECORDS, else 8,000): the first in --out, the others in
 * --out/shard-K/, listed in --out/shards.json. The base path defaults to
 * BASE_PATH, as the site's does. --stock indexes the plain Chinese text the way
 * stock Pagefind would, in one index, only to measure the baseline
 * (scripts/search/quality.ts).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { itemsOf, type Plan } from '../../src/model/plan.ts';
import { loadPlans } from '../content/plans.ts';
import { loadTopics } from './corpus.ts';
import { facetTable, planRecords, withBase, type SearchRecord } from './records.ts';
import { defaultShardRecords, shardDirectory, shardGroups, shardManifestFile, type ShardManifest } from './shards.ts';

/** Written beside Pagefind's files; the search page fetches it for facet counts (facets.ts). */
export const facetTableFile = 'facets.json.gz';

/** Pagefind's id of each page it wrote (a result's `id`), by the page's URL: its fragment files say. */
export function pagefindPageIds(outDir: string, ids = new Map<string, string>()): Map<string, string> {
  const dir = join(outDir, 'fragment');
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.pf_fragment'))) {
    // A fragment is gzip of "pagefind_dcd" followed by the page's JSON.
    const json = gunzipSync(readFileSync(join(dir, name))).subarray('pagefind_dcd'.length).toString('utf8');
    ids.set((JSON.parse(json) as { url: string }).url, name.slice(0, -'.pf_fragment'.length));
  }
  return ids;
}

export function basePath(raw: string | undefined): string {
  const trimmed = (raw ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Stock Pagefind: the item text as written, in Chinese, segmented by Pagefind itself (jieba). */
function stockRecords(records: SearchRecord[], plans: Plan[], base: string): SearchRecord[] {
  const texts = new Map<string, string>();
  for (const plan of plans) {
    texts.set(withBase(base, plan.url), [plan.title, plan.preamble].join('\n'));
    for (const item of itemsOf(plan.sections)) texts.set(withBase(base, item.url), item.text);
  }
  return records.map((record) => ({ ...record, language: 'zh', content: texts.get(record.url) ?? '' }));
}

/** What a shard after the first needs: the search page loads Pagefind's script and WebAssembly from the first. */
const shardFiles = /^(?:pagefind-entry\.json|pagefind\..+\.pf_meta|index|fragment|filter)$/;

/** Writes one Pagefind index of `records` to `outDir`, with a service of its own (its memory goes back when it closes). */
async function writeShard(records: readonly SearchRecord[], outDir: string): Promise<void> {
  const created = await createIndex({});
  if (created.index === undefined) throw new Error(`pagefind: ${created.errors.join('; ')}`);
  const { index } = created;
  for (const record of records) {
    const added = await index.addCustomRecord(record);
    if (added.errors.length > 0) throw new Error(`pagefind: ${record.url}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: outDir });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await close();
}

export function shardRecordsFrom(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return defaultShardRecords;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`records per shard: "${raw}" is not a whole number ≥ 1\n  hint: --shard-records 8000 (or SEARCH_SHARD_RECORDS=8000), or leave it out for ${defaultShardRecords}`);
  }
  return value;
}

export async function writeSearchIndex(options: {
  contentDir: string;
  outDir: string;
  base: string;
  stock?: boolean;
  shardRecords?: number;
}): Promise<{ records: number; plans: number; shards: number }> {
  const plans = loadPlans(options.contentDir);
  const topics = loadTopics(options.contentDir);
  let perPlan = plans.map((plan) => planRecords(plan, options.base, topics));
  if (options.stock === true) perPlan = [stockRecords(perPlan.flat(), plans, options.base)];
  // The stock baseline is one index, as a bare site would have it.
  const limit = options.stock === true ? Number.MAX_SAFE_INTEGER : (options.shardRecords ?? defaultShardRecords);
  const shards = shardGroups(perPlan.map((records) => records.length), limit).map((groups) => groups.flatMap((group) => perPlan[group]!));
  // Shards of an earlier build with more of them would otherwise be merged too.
  for (const entry of existsSync(options.outDir) ? readdirSync(options.outDir) : []) {
    if (/^shard-\d+$/.test(entry)) rmSync(join(options.outDir, entry), { recursive: true, force: true });
  }
  const pageIds = new Map<string, string>();
  const manifest: ShardManifest = { shards: [] };
  for (const [index, records] of shards.entries()) {
    const dir = index === 0 ? options.outDir : join(options.outDir, shardDirectory(index));
    await writeShard(records, dir);
    pagefindPageIds(dir, pageIds);
    if (index === 0) continue;
    manifest.shards.push(shardDirectory(index));
    for (const entry of readdirSync(dir)) if (!shardFiles.test(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
  }
  writeFileSync(join(options.outDir, shardManifestFile), `${JSON.stringify(manifest)}\n`);
  const table = facetTable(plans, options.base, pageIds, topics);
  // Gzipped like Pagefind's own files (hosts need not compress it); the page reads it with DecompressionStream.
  writeFileSync(join(options.outDir, facetTableFile), gzipSync(JSON.stringify(table), { level: 9 }));
  return { records: shards.reduce((sum, records) => sum + records.length, 0), plans: plans.length, shards: shards.length };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist/pagefind' },
      base: { type: 'string' },
      stock: { type: 'boolean', default: false },
      'shard-records': { type: 'string' },
    },
  });
  const base = basePath(values.base ?? process.env['BASE_PATH']);
  let shardRecords: number;
  try {
    shardRecords = shardRecordsFrom(values['shard-records'] ?? process.env['SEARCH_SHARD_RECORDS']);
  } catch (error) {
    console.error(`search index: ${(error as Error).message}`);
    process.exit(2);
  }
  const started = performance.now();
  const result = await writeSearchIndex({ contentDir: values.content, outDir: values.out, base, stock: values.stock, shardRecords });
  if (result.plans === 0) {
    console.error(`search index: no plans in ${values.content}/plans\n  hint: run npm run ingest first`);
    process.exit(1);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const shards = result.shards === 1 ? 'one index' : `${result.shards} shards of ≤ ${shardRecords} records`;
  console.log(`search index: ${result.records} records of ${result.plans} plans in ${shards} → ${values.out} (${seconds} s)`);
}

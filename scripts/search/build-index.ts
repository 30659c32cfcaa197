/**
 * node scripts/search/build-index.ts [--content content] [--out dist/pagefind] [--base /atlas/] [--stock]
 *
 * Writes the Pagefind index of every plan and item (after `astro build`, so it
 * lands in dist/). The base path defaults to BASE_PATH, as the site's does.
 * --stock indexes the plain Chinese text the way stock Pagefind would, only to
 * measure the baseline (scripts/search/quality.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { itemsOf, type Plan } from '../../src/model/plan.ts';
import { loadPlans } from '../content/plans.ts';
import { loadTopics } from './corpus.ts';
import { facetTable, planRecords, withBase, type SearchRecord } from './records.ts';

/** Written beside Pagefind's files; the search page fetches it for facet counts (facets.ts). */
export const facetTableFile = 'facets.json.gz';

/** Pagefind's id of each page it wrote (a result's `id`), by the page's URL: its fragment files say. */
export function pagefindPageIds(outDir: string): Map<string, string> {
  const dir = join(outDir, 'fragment');
  const ids = new Map<string, string>();
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

export async function writeSearchIndex(options: {
  contentDir: string;
  outDir: string;
  base: string;
  stock?: boolean;
}): Promise<{ records: number; plans: number }> {
  const plans = loadPlans(options.contentDir);
  const topics = loadTopics(options.contentDir);
  let records = plans.flatMap((plan) => planRecords(plan, options.base, topics));
  if (options.stock === true) records = stockRecords(records, plans, options.base);
  const created = await createIndex({});
  if (created.index === undefined) throw new Error(`pagefind: ${created.errors.join('; ')}`);
  const { index } = created;
  for (const record of records) {
    const added = await index.addCustomRecord(record);
    if (added.errors.length > 0) throw new Error(`pagefind: ${record.url}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: options.outDir });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await close();
  const table = facetTable(plans, options.base, pagefindPageIds(options.outDir), topics);
  // Gzipped like Pagefind's own files (hosts need not compress it); the page reads it with DecompressionStream.
  writeFileSync(join(options.outDir, facetTableFile), gzipSync(JSON.stringify(table), { level: 9 }));
  return { records: records.length, plans: plans.length };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist/pagefind' },
      base: { type: 'string' },
      stock: { type: 'boolean', default: false },
    },
  });
  const base = basePath(values.base ?? process.env['BASE_PATH']);
  const started = performance.now();
  const result = await writeSearchIndex({ contentDir: values.content, outDir: values.out, base, stock: values.stock });
  if (result.plans === 0) {
    console.error(`search index: no plans in ${values.content}/plans\n  hint: run npm run ingest first`);
    process.exit(1);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`search index: ${result.records} records of ${result.plans} plans → ${values.out} (${seconds} s)`);
}

/**
 * node scripts/search/build-index.ts [--content content] [--out dist/pagefind] [--base /atlas/]
 *   [--shard-records N] [--fragment-pages K] [--stock]
 *
 * Writes the Pagefind index of every plan and item (after `astro build`, so it
 * lands in dist/), in shards of at most N records (shards.ts; default
 * SEARCH_SHARD_RECORDS, else 8,000): the first in --out, the others in
 * --out/shard-K/, listed in --out/shards.json. The base path defaults to
 * BASE_PATH, as the site's does. A shard whose records are those it was written
 * from last time (.cache/search/shards.json, --cache) is left as it is, so a
 * rebuild after one edit writes again only the shard of the edited plan. With
 * --fragment-pages K (SEARCH_FRAGMENT_PAGES) a fragment file holds about K pages:
 * fewer files for a host that counts them, more bytes for each result a search
 * shows. --stock indexes the plain Chinese text the way
 * stock Pagefind would, in one index, only to measure the baseline
 * (scripts/bench/search-quality.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { itemsOf, type Plan } from '../../src/model/plan.ts';
import { loadPlans } from '../../src/model/plan-files.ts';
import { readItemFacets } from '../enrich/files.ts';
import { facetTable, planRecords, withBase, type SearchRecord } from '../../src/model/search/records.ts';
import { defaultShardRecords, shardDirectory, shardGroups, shardManifestFile, type ShardManifest } from '../../src/model/search/shards.ts';
import { basePath, normalizeBase } from '../../src/model/deploy.ts';
import { readCacheFile, writeFileAtomic } from '../ingest/output.ts';
import { siteOutputDir } from '../build/site-folder.ts';
import { AtlasError, formatError } from '../../src/model/errors.ts';

/** Written beside Pagefind's files; the search page fetches it for facet counts (facets.ts). */
export const facetTableFile = 'facets.json.gz';

/** What a fragment file holds, gzipped: this, then JSON (a page's, or several pages' by their id). */
const fragmentSignature = 'pagefind_dcd';

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

/**
 * Pagefind's own search interfaces (Default UI, Component UI, Modular UI, the
 * highlighter), some 470 KB in 7 files: the search page is the atlas's own and uses
 * only pagefind.js, its worker and its WebAssembly, so the atlas's index leaves them out.
 */
const unusedInterfaces = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\./;

/** Which of Pagefind's files (by their path in the index) shard `index` of the atlas's own index keeps. */
export function keptInShard(index: number, path: string): boolean {
  const top = path.split('/')[0]!;
  return index === 0 ? !unusedInterfaces.test(top) : shardFiles.test(top);
}

/**
 * How many records are on their way to Pagefind's service at once. Each is a round
 * trip over the service's pipe; one at a time, Node and the service wait for each
 * other (2.1 s of an 8,000-record shard's 7 s; 1.1 s with 16 in flight). The
 * service reads and handles its messages in the order they arrive, so the index
 * is the same, byte for byte, as when they are sent one by one.
 */
export const defaultRecordsInFlight = 16;

/** Pagefind's own errors, as the stage reports them. */
function pagefindError(message: string): AtlasError {
  return new AtlasError('search-index-failed', `pagefind: ${message}`, 'this is Pagefind\'s own error; run npm run build again, and if it stays, report it with the message');
}

/**
 * Bytes of words Pagefind puts in one index chunk, the file a search fetches for each
 * word it looks up. A query is several bigram tokens in each shard (tokens.ts), so
 * Pagefind's default, sized for one or two English words a query in one index, has
 * the search page fetch some 15 chunks of 15 KB for 学前教育 at 1,000 plans. At 8,000
 * it fetches 3 large and 12 small ones: 490 KB in all against 585, for 3 % more bytes
 * of metadata, 2.3 times the chunk files and the same number of requests (2,000 and
 * 4,000 fetch no fewer bytes and make more requests). Pagefind reads this setting
 * from its environment only and calls it unstable: a release without it builds
 * Pagefind's default chunks, which search the same, only heavier.
 */
export const indexChunkBytes = 8000;
const chunkSizeVariable = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/**
 * A fragment file as the atlas serves it, and Pagefind's id of each page in it (a
 * result's `id`) by the page's URL. A file of one page is named by the page's id; a
 * file of several (fragmentPages) holds them by id. `atlas`: each page without the
 * content Pagefind indexed. For the atlas's own records that is the token stream
 * (tokens.ts), some 10 bytes a Han character, which the search page never shows: it
 * builds excerpts from the text in the page's meta (query.ts); half a fragment's
 * bytes, on every host and in every result fetched. Pagefind's script still finds a
 * string there and makes an empty excerpt of it.
 */
export function servedFragmentFile(name: string, bytes: Uint8Array, atlas: boolean): { bytes: Uint8Array; ids: Array<[url: string, id: string]> } {
  type Fragment = { url: string; content: string };
  const parsed = JSON.parse(Buffer.from(gunzipSync(bytes)).subarray(fragmentSignature.length).toString('utf8')) as Fragment | Record<string, Fragment>;
  const pages: Array<[string, Fragment]> = typeof parsed.url === 'string' ? [[name.replace(/\.pf_fragment$/u, ''), parsed as Fragment]] : Object.entries(parsed as Record<string, Fragment>);
  const ids = pages.map(([id, page]): [string, string] => [page.url, id]);
  if (!atlas) return { bytes, ids };
  for (const [, page] of pages) page.content = '';
  return { bytes: gzipSync(`${fragmentSignature}${JSON.stringify(parsed)}`, { level: 9 }), ids };
}

/**
 * Writes one Pagefind index of `records` to `outDir`, with a service of its own (its
 * memory goes back when it closes): the files `keep` accepts (by their path in the
 * index). The files of an earlier index go first, since their names change with
 * their content; other shards' folders stay. `atlas`: the atlas's own records, with
 * its chunk size and fragments without the token stream; else (the stock baseline)
 * Pagefind as it comes.
 */
async function writeShard(records: readonly SearchRecord[], outDir: string, inFlight: number, atlas: boolean, fragmentPages: number, keep: (path: string) => boolean): Promise<Map<string, string>> {
  // Every file Pagefind writes is removed first, not written over: in a build's next
  // site these may be hard links to the live site's files (scripts/build/site-folder.ts).
  for (const entry of existsSync(outDir) ? readdirSync(outDir) : []) if (!/^shard-\d+$/u.test(entry)) rmSync(join(outDir, entry), { recursive: true, force: true });
  // The service is a child process started by createIndex: it reads the environment then.
  if (atlas) process.env[chunkSizeVariable] = String(indexChunkBytes);
  else delete process.env[chunkSizeVariable];
  const created = await createIndex(fragmentPages > 1 ? { maxFragments: Math.max(1, Math.ceil(records.length / fragmentPages)) } : {});
  if (created.index === undefined) throw pagefindError(created.errors.join('; '));
  const { index } = created;
  let next = 0;
  const sender = async (): Promise<void> => {
    while (next < records.length) {
      const record = records[next++]!;
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0) throw pagefindError(`${record.url}: ${added.errors.join('; ')}`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, sender));
  // The files come back to be written here (the names stay Pagefind's: the index finds a fragment by its name).
  const built = await index.getFiles();
  if (built.errors.length > 0) throw pagefindError(built.errors.join('; '));
  await close();
  const ids = new Map<string, string>();
  for (const file of built.files) {
    if (!keep(file.path)) continue;
    const path = join(outDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    if (!file.path.endsWith('.pf_fragment')) {
      writeFileSync(path, file.content);
      continue;
    }
    const served = servedFragmentFile(basename(file.path), file.content, atlas);
    writeFileSync(path, served.bytes);
    for (const [url, id] of served.ids) ids.set(url, id);
  }
  return ids;
}

/** A whole-number setting ≥ 1 (a flag or its variable), or `fallback` when not given. */
function wholeSetting(raw: string | undefined, what: string, example: string, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new AtlasError('invalid-setting', `${what}: "${raw}" is not a whole number ≥ 1`, `${example}, or leave it out for ${fallback}`);
  }
  return value;
}

export function shardRecordsFrom(raw: string | undefined): number {
  return wholeSetting(raw, 'records per shard', '--shard-records 8000 (or SEARCH_SHARD_RECORDS=8000)', defaultShardRecords);
}

export function fragmentPagesFrom(raw: string | undefined): number {
  return wholeSetting(raw, 'pages a fragment file', '--fragment-pages 4 (or SEARCH_FRAGMENT_PAGES=4)', 1);
}

/** What the last build wrote, per shard: a digest of its records and Pagefind's id of each page. */
interface ShardCache {
  outDir: string;
  shards: { digest: string; pageIds: [string, string][] }[];
}

/** The records, and what else decides the files Pagefind writes from them: its version and this writer. */
function shardDigest(records: readonly SearchRecord[], context: string): string {
  return createHash('sha256').update(context).update(JSON.stringify(records)).digest('hex');
}

function writerContext(): string {
  const lock = existsSync('package-lock.json') ? readFileSync('package-lock.json') : '';
  return createHash('sha256').update(readFileSync(new URL(import.meta.url))).update(lock).digest('hex');
}

function readShardCache(file: string | undefined, outDir: string): ShardCache | null {
  const cache = readCacheFile(file) as Partial<ShardCache> | null;
  return cache?.outDir === outDir ? (cache as ShardCache) : null;
}

export async function writeSearchIndex(options: {
  contentDir: string;
  outDir: string;
  base: string;
  stock?: boolean;
  shardRecords?: number;
  /** Where to remember what each shard was written from (none: every shard is written). */
  cacheFile?: string;
  /** Records sent to Pagefind before the first is answered (default defaultRecordsInFlight). */
  recordsInFlight?: number;
  /** About how many pages a fragment file holds (Pagefind's maxFragments; default 1, a file a page). */
  fragmentPages?: number;
}): Promise<{ records: number; plans: number; shards: number; written: number }> {
  const plans = loadPlans(options.contentDir);
  const itemFacets = readItemFacets(options.contentDir);
  const topics = new Map([...itemFacets].map(([url, facets]) => [url, facets.topics]));
  const commitments = new Map([...itemFacets].map(([url, facets]) => [url, facets.commitments]));
  let perPlan = plans.map((plan) => planRecords(plan, options.base, topics, commitments));
  if (options.stock === true) perPlan = [stockRecords(perPlan.flat(), plans, options.base)];
  // The stock baseline is one index, as a bare site would have it.
  const limit = options.stock === true ? Number.MAX_SAFE_INTEGER : (options.shardRecords ?? defaultShardRecords);
  const shards = shardGroups(perPlan.map((records) => records.length), limit).map((groups) => groups.flatMap((group) => perPlan[group]!));
  // Shards of an earlier build with more of them would otherwise be merged too.
  for (const entry of existsSync(options.outDir) ? readdirSync(options.outDir) : []) {
    const shard = /^shard-(\d+)$/.exec(entry);
    if (shard !== null && Number(shard[1]) >= shards.length) rmSync(join(options.outDir, entry), { recursive: true, force: true });
  }
  const { cacheFile } = options;
  // Forgotten first: an index written over this one (--stock, or a run that fails) must not pass for it.
  const last = options.stock === true ? null : readShardCache(cacheFile, options.outDir);
  if (cacheFile !== undefined) rmSync(cacheFile, { force: true });
  const fragmentPages = options.stock === true ? 1 : (options.fragmentPages ?? 1);
  const context = `${writerContext()} ${fragmentPages}`;
  const pageIds = new Map<string, string>();
  const manifest: ShardManifest = { shards: [] };
  const cache: ShardCache = { outDir: options.outDir, shards: [] };
  let written = 0;
  for (const [index, records] of shards.entries()) {
    const dir = index === 0 ? options.outDir : join(options.outDir, shardDirectory(index));
    const digest = shardDigest(records, context);
    const before = last?.shards[index];
    let ids: Map<string, string>;
    if (before?.digest === digest && existsSync(join(dir, 'pagefind-entry.json')) && (index > 0 || existsSync(join(dir, 'pagefind.js')))) {
      ids = new Map(before.pageIds);
    } else {
      const atlas = options.stock !== true;
      ids = await writeShard(records, dir, options.recordsInFlight ?? defaultRecordsInFlight, atlas, fragmentPages, (path) => !atlas || keptInShard(index, path));
      written += 1;
    }
    for (const [url, id] of ids) pageIds.set(url, id);
    cache.shards.push({ digest, pageIds: [...ids] });
    if (index > 0) manifest.shards.push(shardDirectory(index));
  }
  writeFileAtomic(join(options.outDir, shardManifestFile), `${JSON.stringify(manifest)}\n`);
  if (cacheFile !== undefined && options.stock !== true) {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(cache));
  }
  const table = facetTable(plans, options.base, pageIds, topics, commitments);
  // Gzipped like Pagefind's own files (hosts need not compress it); the page reads it with DecompressionStream.
  writeFileAtomic(join(options.outDir, facetTableFile), gzipSync(JSON.stringify(table), { level: 9 }));
  return { records: shards.reduce((sum, records) => sum + records.length, 0), plans: plans.length, shards: shards.length, written };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: join(siteOutputDir(), 'pagefind') },
      base: { type: 'string' },
      stock: { type: 'boolean', default: false },
      'shard-records': { type: 'string' },
      'fragment-pages': { type: 'string' },
      cache: { type: 'string', default: '.cache/search/shards.json' },
    },
  });
  const base = values.base === undefined ? basePath() : normalizeBase(values.base);
  let shardRecords: number;
  let fragmentPages: number;
  try {
    shardRecords = shardRecordsFrom(values['shard-records'] ?? process.env['SEARCH_SHARD_RECORDS']);
    fragmentPages = fragmentPagesFrom(values['fragment-pages'] ?? process.env['SEARCH_FRAGMENT_PAGES']);
  } catch (error) {
    console.error(`search index: ${formatError(error)}`);
    process.exit(2);
  }
  const started = performance.now();
  const result = await writeSearchIndex({
    contentDir: values.content,
    outDir: values.out,
    base,
    stock: values.stock,
    shardRecords,
    fragmentPages,
    cacheFile: values.cache,
  });
  if (result.plans === 0) {
    console.error(`search index: ${formatError(new AtlasError('no-plans', `no plans in ${values.content}/plans`, 'run npm run ingest first'))}`);
    process.exit(1);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const shards = result.shards === 1 ? 'one index' : `${result.shards} shards of ≤ ${shardRecords} records`;
  const kept = result.written === result.shards ? '' : `, ${result.shards - result.written} kept from the last build`;
  console.log(`search index: ${result.records} records of ${result.plans} plans in ${shards}${kept} → ${values.out} (${seconds} s)`);
}

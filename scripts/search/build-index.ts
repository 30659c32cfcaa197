/**
 * node scripts/search/build-index.ts [--content content] [--out dist/search-index] [--base /atlas/]
 *
 * Writes the site's search index of every plan and item (after `astro build`, so it
 * lands in dist/): the files of scripts/search/index-format.ts. Posting lists are
 * kept as bytes while they are built, so memory stays small (Pagefind's indexer
 * held about 0.15 MB a record). The base path defaults to BASE_PATH, as the site's does.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadPlans } from '../content/plans.ts';
import { loadTopics } from './corpus.ts';
import {
  bucketKey,
  bucketOf,
  facetKeys,
  formatVersion,
  fragmentPath,
  planFacets,
  postingPath,
  sign,
  Writer,
  type Manifest,
} from './index-format.ts';
import { planRecords, type SearchRecord } from './records.ts';

export function basePath(raw: string | undefined): string {
  const trimmed = (raw ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** A token's postings while the index is built: bytes after the record count. */
interface Building {
  count: number;
  last: number;
  body: Writer;
}

/** Numbers facet values in the order they are first met. */
class Values {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  of(value: string): number {
    let found = this.index.get(value);
    if (found === undefined) {
      found = this.list.length;
      this.index.set(value, found);
      this.list.push(value);
    }
    return found;
  }
}

/** Raw bytes per posting file the bucket count aims at (a query fetches one file per token). */
const bucketTarget = 8 * 1024;

/** Positions of each token of a record, and of each Han character (key `u` + code). */
function tokenPositions(content: string): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  const add = (key: string, at: number): void => {
    const list = positions.get(key);
    if (list === undefined) positions.set(key, [at]);
    else list.push(at);
  };
  content.split(' ').forEach((token, at) => {
    if (token.length === 0) return;
    add(token, at);
    if (token.startsWith('c')) add(`u${token.slice(1, 5)}`, at);
  });
  return positions;
}

/**
 * The index files of some plans, each given as its records (planRecords: the plan's
 * own record first); `put` receives each file's path and gzipped bytes. Returns
 * the manifest, written last.
 */
export function buildIndexFiles(plans: Iterable<readonly SearchRecord[]>, put: (path: string, bytes: Uint8Array) => void): Manifest {
  const values = Object.fromEntries(facetKeys.map((key) => [key, new Values()])) as Record<(typeof facetKeys)[number], Values>;
  const tokens = new Map<string, Building>();
  const plansTable = new Writer();
  const recordsTable = new Writer();
  const hash = createHash('sha256');
  const write = (path: string, data: Uint8Array): void => {
    const packed = gzipSync(sign(data), { level: 9 });
    hash.update(path).update(packed);
    put(path, packed);
  };

  let record = 0;
  let planCount = 0;
  let totalLength = 0;
  const addRecord = (entry: SearchRecord): void => {
    const positions = tokenPositions(entry.content);
    let length = 0;
    for (const [key, list] of positions) {
      if (!key.startsWith('u')) length += list.length;
      let building = tokens.get(key);
      if (building === undefined) {
        building = { count: 0, last: 0, body: new Writer() };
        tokens.set(key, building);
      }
      building.body.varint(record - building.last);
      building.body.varint(list.length);
      let previous = 0;
      for (const at of list) {
        building.body.varint(at - previous);
        previous = at;
      }
      building.count += 1;
      building.last = record;
    }
    totalLength += length;
    const recordTopics = (entry.filters['topic'] ?? []).map((topic) => values.topic.of(topic));
    recordsTable.varint(length);
    recordsTable.varint(recordTopics.length);
    for (const topic of recordTopics) recordsTable.varint(topic);
    write(fragmentPath(record), new TextEncoder().encode(JSON.stringify({ url: entry.url, meta: entry.meta })));
    record += 1;
  };

  for (const records of plans) {
    const first = records[0];
    if (first === undefined) continue;
    plansTable.varint(records.length);
    for (const key of planFacets) plansTable.varint(values[key].of(first.filters[key]?.[0] ?? ''));
    for (const entry of records) addRecord(entry);
    planCount += 1;
  }

  let postingBytes = 0;
  for (const building of tokens.values()) postingBytes += building.body.length;
  const buckets = 2 ** Math.max(4, Math.ceil(Math.log2(Math.max(1, postingBytes / bucketTarget))));
  const filed: [string, Building][][] = Array.from({ length: buckets }, () => []);
  for (const entry of [...tokens.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    filed[bucketOf(bucketKey(entry[0]), buckets)]!.push(entry);
  }
  tokens.clear();
  for (const [bucket, entries] of filed.entries()) {
    const out = new Writer();
    out.varint(entries.length);
    for (const [token, building] of entries) {
      const head = new Writer();
      head.varint(building.count);
      out.string(token);
      out.varint(head.length + building.body.length);
      out.raw(head.finish());
      out.raw(building.body.finish());
    }
    write(postingPath(bucket), out.finish());
  }
  const table = new Writer();
  table.varint(planCount);
  table.raw(plansTable.finish());
  table.varint(record);
  table.raw(recordsTable.finish());
  write('records.dat', table.finish());

  const manifest: Manifest = {
    format: formatVersion,
    build: hash.digest('hex').slice(0, 12),
    records: record,
    plans: planCount,
    buckets,
    averageLength: record === 0 ? 0 : totalLength / record,
    facets: Object.fromEntries(facetKeys.map((key) => [key, values[key].list])),
  };
  put('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest)}\n`));
  return manifest;
}

/** The records of every plan under contentDir, plan by plan. */
function* contentRecords(contentDir: string, base: string): Generator<SearchRecord[]> {
  const topics = loadTopics(contentDir);
  for (const plan of loadPlans(contentDir)) yield planRecords(plan, base, topics);
}

export function writeSearchIndex(options: { contentDir: string; outDir: string; base: string }): { records: number; plans: number; bytes: number } {
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(join(options.outDir, 'p'), { recursive: true });
  mkdirSync(join(options.outDir, 'f'), { recursive: true });
  let bytes = 0;
  const manifest = buildIndexFiles(contentRecords(options.contentDir, options.base), (path, data) => {
    writeFileSync(join(options.outDir, path), data);
    bytes += data.length;
  });
  return { records: manifest.records, plans: manifest.plans, bytes };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist/search-index' },
      base: { type: 'string' },
    },
  });
  const base = basePath(values.base ?? process.env['BASE_PATH']);
  const started = performance.now();
  const result = writeSearchIndex({ contentDir: values.content, outDir: values.out, base });
  if (result.plans === 0) {
    console.error(`search index: no plans in ${values.content}/plans\n  hint: run npm run ingest first`);
    process.exit(1);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const mb = (result.bytes / 1e6).toFixed(1);
  console.log(`search index: ${result.records} records of ${result.plans} plans → ${values.out} (${mb} MB, ${seconds} s)`);
}

/**
 * Reads Plan Atlas's search index (scripts/search/index-format.ts) in the browser,
 * or in Node for tests: the manifest and the record table when opened, then the
 * posting files of the tokens a query needs and the fragments of the results shown.
 * Every file is fetched once and kept.
 */
import {
  bucketKey,
  bucketOf,
  decodeBucket,
  decodePostings,
  facetKeys,
  fragmentPath,
  planFacets,
  postingPath,
  Reader,
  unpack,
  type Manifest,
  type Postings,
} from './index-format.ts';

/** Fetches a file of the index by its path inside the index folder. */
export type FileLoader = (path: string) => Promise<Uint8Array>;

export interface Fragment {
  url: string;
  meta: Record<string, string>;
}

export type FilterCounts = Record<string, Record<string, number>>;

/** Chosen facet values: within a key any value, across keys every key. */
export type Filters = Record<string, readonly string[]>;

export class SearchIndex {
  readonly manifest: Manifest;
  private readonly load: FileLoader;
  /** Plan of each record. */
  private readonly recordPlan: Uint32Array;
  /** Facet value numbers of each plan, by key (year, province, level, kind). */
  private readonly planValues: Record<string, Uint16Array>;
  readonly recordLength: Uint32Array;
  private readonly topicStart: Uint32Array;
  private readonly topicValues: Uint16Array;
  private readonly years: Float64Array;
  private readonly buckets = new Map<number, Promise<Map<string, Uint8Array>>>();
  private readonly decoded = new Map<string, Postings | null>();
  private readonly fragments = new Map<number, Promise<Fragment>>();

  private constructor(manifest: Manifest, table: Uint8Array, load: FileLoader) {
    this.manifest = manifest;
    this.load = load;
    const reader = new Reader(table);
    const plans = reader.varint();
    this.planValues = Object.fromEntries(planFacets.map((key) => [key, new Uint16Array(plans)]));
    this.recordPlan = new Uint32Array(manifest.records);
    let record = 0;
    for (let plan = 0; plan < plans; plan++) {
      const count = reader.varint();
      for (const key of planFacets) this.planValues[key]![plan] = reader.varint();
      this.recordPlan.fill(plan, record, record + count);
      record += count;
    }
    const records = reader.varint();
    this.recordLength = new Uint32Array(records);
    this.topicStart = new Uint32Array(records + 1);
    const topics: number[] = [];
    for (let r = 0; r < records; r++) {
      this.recordLength[r] = reader.varint();
      this.topicStart[r] = topics.length;
      const count = reader.varint();
      for (let i = 0; i < count; i++) topics.push(reader.varint());
    }
    this.topicStart[records] = topics.length;
    this.topicValues = Uint16Array.from(topics);
    const yearNames = manifest.facets['year'] ?? [];
    this.years = Float64Array.from(this.recordPlan, (plan) => Number(yearNames[this.planValues['year']![plan]!]));
  }

  /** Reads the manifest and the record table; `load` fetches a path of the index folder. */
  static async open(load: FileLoader): Promise<SearchIndex> {
    const manifest = JSON.parse(new TextDecoder().decode(await load('manifest.json'))) as Manifest;
    const versioned: FileLoader = (path) => load(`${path}?v=${manifest.build}`);
    const table = await unpack(await versioned('records.dat'));
    return new SearchIndex(manifest, table, versioned);
  }

  get size(): number {
    return this.manifest.records;
  }

  year(record: number): number {
    return this.years[record]!;
  }

  private bucket(key: string): Promise<Map<string, Uint8Array>> {
    const bucket = bucketOf(key, this.manifest.buckets);
    let found = this.buckets.get(bucket);
    if (found === undefined) {
      found = this.load(postingPath(bucket)).then(unpack).then(decodeBucket);
      found.catch(() => this.buckets.delete(bucket));
      this.buckets.set(bucket, found);
    }
    return found;
  }

  /** Starts fetching the files these tokens are in (while the reader types). */
  preload(tokens: readonly string[]): void {
    for (const token of tokens) void this.bucket(bucketKey(token)).catch(() => undefined);
  }

  private postingsOf(token: string, bytes: Uint8Array | undefined): Postings | null {
    if (!this.decoded.has(token)) this.decoded.set(token, bytes === undefined ? null : decodePostings(bytes));
    return this.decoded.get(token) ?? null;
  }

  /** The records holding `token` and its positions in each; null when none does. */
  async postings(token: string): Promise<Postings | null> {
    if (this.decoded.has(token)) return this.decoded.get(token) ?? null;
    const bucket = await this.bucket(bucketKey(token));
    return this.postingsOf(token, bucket.get(token));
  }

  /**
   * Every token that starts with `token`: for a Han character, its positions as the
   * first character of any token (one list); for a word, each word it begins.
   */
  async prefixPostings(token: string): Promise<Postings[]> {
    if (token.startsWith('c')) {
      const found = await this.postings(`u${token.slice(1, 5)}`);
      return found === null ? [] : [found];
    }
    const bucket = await this.bucket(bucketKey(token));
    const lists: Postings[] = [];
    for (const [candidate, bytes] of bucket) {
      if (candidate.startsWith(token)) lists.push(this.postingsOf(candidate, bytes)!);
    }
    return lists;
  }

  /** Facet value numbers of a record under `key`. */
  private valuesOf(record: number, key: string): ArrayLike<number> {
    if (key === 'topic') return this.topicValues.subarray(this.topicStart[record]!, this.topicStart[record + 1]!);
    const values = this.planValues[key];
    return values === undefined ? [] : [values[this.recordPlan[record]!]!];
  }

  /** A test of a record against chosen facet values; null when nothing is chosen. */
  matcher(filters: Filters = {}): ((record: number) => boolean) | null {
    const wanted: [string, Set<number>][] = [];
    for (const [key, chosen] of Object.entries(filters)) {
      if (chosen.length === 0) continue;
      const names = this.manifest.facets[key] ?? [];
      wanted.push([key, new Set(chosen.map((value) => names.indexOf(value)).filter((index) => index >= 0))]);
    }
    if (wanted.length === 0) return null;
    return (record) =>
      wanted.every(([key, set]) => {
        const values = this.valuesOf(record, key);
        for (let i = 0; i < values.length; i++) if (set.has(values[i]!)) return true;
        return false;
      });
  }

  /** How many of `records` have each facet value; every record when none are given. */
  counts(records?: Iterable<number>): FilterCounts {
    const tallies = facetKeys.map((key) => new Float64Array((this.manifest.facets[key] ?? []).length));
    const add = (record: number): void => {
      facetKeys.forEach((key, k) => {
        const values = this.valuesOf(record, key);
        for (let i = 0; i < values.length; i++) tallies[k]![values[i]!]! += 1;
      });
    };
    if (records === undefined) for (let r = 0; r < this.size; r++) add(r);
    else for (const record of records) add(record);
    const counts: FilterCounts = {};
    facetKeys.forEach((key, k) => {
      const names = this.manifest.facets[key] ?? [];
      const bucket: Record<string, number> = {};
      tallies[k]!.forEach((count, index) => {
        if (count > 0) bucket[names[index]!] = count;
      });
      counts[key] = bucket;
    });
    return counts;
  }

  fragment(record: number): Promise<Fragment> {
    let found = this.fragments.get(record);
    if (found === undefined) {
      found = this.load(fragmentPath(record))
        .then(unpack)
        .then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as Fragment);
      found.catch(() => this.fragments.delete(record));
      this.fragments.set(record, found);
    }
    return found;
  }
}

/** The index at `url` (ending in /), fetched over HTTP. */
export function openIndex(url: string, fetcher: typeof fetch = fetch): Promise<SearchIndex> {
  return SearchIndex.open(async (path) => {
    const response = await fetcher(`${url}${path}`, path === 'manifest.json' ? { cache: 'no-cache' } : {});
    if (!response.ok) throw new Error(`search index: ${response.status} for ${url}${path}`);
    return new Uint8Array(await response.arrayBuffer());
  });
}

/** The index folder's name under the site's base path. */
export const indexFolder = 'search-index/';

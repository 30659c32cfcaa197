/**
 * The enrich stage's cache (.cache/enrich by default), so that editing one plan
 * re-does only what depends on it:
 *
 *   plans.json   per plan file (by the SHA-256 of its bytes): what the corpus-wide
 *                steps need of the plan and of each item (planHead, itemHead) and a
 *                hash of each item's lead phrase and text. A hit needs no YAML parse.
 *   items.json   per item: its facts (enrich.ts ItemFacts: topics, citations, terms,
 *                blockers, keyword counts), keyed by the hash of its lead phrase and
 *                text plus `dependencies`: the enrich code, taxonomy and dictionary
 *                (codeVersion) and the segmenter's user words, which change when any
 *                plan adds or drops a quoted term. A hit needs no jieba.
 *   outputs.json stamps of the files of content/enrichment/ the last complete run wrote.
 *
 * Entries no plan or item used in this run are dropped when the cache is saved.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { readCacheFile, writeFileAtomic, type FolderState } from '../ingest/output.ts';
import type { ItemFacts, ItemHead, PlanHead } from './enrich-corpus.ts';

/** Files whose change must invalidate every cached result (with jieba's and pinyin-pro's versions, in the lockfile). */
export const enrichCodeRoots = [
  'scripts/enrich',
  'scripts/genre/document-titles.yaml',
  'scripts/genre/stopwords.yaml',
  'scripts/genre/commitments.yaml',
  'scripts/genre/quoted-terms.yaml',
  'scripts/genre/quoted-terms.ts',
  'scripts/genre/synonyms.yaml',
  'scripts/genre/synonyms.ts',
  // The matcher, the term dictionary and the reader of generated plans live in the shared layer.
  'src/model',
  'content/taxonomy',
  'package-lock.json',
];

export interface PlanDigest {
  plan: PlanHead;
  items: Array<ItemHead & { hash: string }>;
}

/** The hash an item's facts are cached under, besides the dependencies. */
export function itemHash(item: { title: string | null; text: string }): string {
  return createHash('sha256').update(item.title ?? '\0').update('\0').update(item.text).digest('hex');
}

interface Store<T> {
  version: string;
  entries: Record<string, T>;
}

function readStore<T>(path: string, version: string): Record<string, T> {
  const store = readCacheFile(path) as Partial<Store<T>> | null;
  return store?.version === version && store.entries !== null && typeof store.entries === 'object' ? store.entries : {};
}

class Table<T> {
  private readonly path: string;
  private readonly version: string;
  private readonly previous: Record<string, T>;
  private readonly used = new Map<string, T>();
  hits = 0;
  misses = 0;

  constructor(path: string, version: string) {
    this.path = path;
    this.version = version;
    this.previous = readStore<T>(path, version);
  }

  /** Whether the table read holds `key` (counts neither a hit nor a miss). */
  has(key: string): boolean {
    return this.previous[key] !== undefined;
  }

  get(key: string): T | null {
    const value = this.previous[key];
    if (value === undefined) {
      this.misses += 1;
      return null;
    }
    this.hits += 1;
    this.used.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.used.set(key, value);
  }

  /** Writes the table when it differs from the one read: something was added or dropped. */
  save(): void {
    if (this.misses === 0 && this.used.size === Object.keys(this.previous).length) return;
    const entries: Record<string, T> = {};
    for (const key of [...this.used.keys()].sort()) entries[key] = this.used.get(key)!;
    writeFileAtomic(this.path, JSON.stringify({ version: this.version, entries } satisfies Store<T>));
  }
}

export class EnrichCache {
  readonly directory: string;
  readonly plans: Table<PlanDigest>;
  readonly items: Table<ItemFacts>;

  constructor(directory: string, version: string) {
    this.directory = directory;
    this.plans = new Table(join(directory, 'plans.json'), version);
    // The facts' own dependencies are in their keys; the version here only retires a stale format.
    this.items = new Table(join(directory, 'items.json'), version);
  }

  stamps(contentDirectory: string): FolderState | null {
    const saved = readStore<FolderState>(join(this.directory, 'outputs.json'), resolve(contentDirectory));
    return saved['enrichment'] ?? null;
  }

  /** Last, once content/enrichment/ is complete. */
  save(contentDirectory: string, stamps: FolderState): void {
    this.plans.save();
    this.items.save();
    writeFileAtomic(join(this.directory, 'outputs.json'), JSON.stringify({ version: resolve(contentDirectory), entries: { enrichment: stamps } }));
  }
}

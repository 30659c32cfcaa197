/**
 * The search index is written as several Pagefind indexes ("shards") of at most a
 * fixed number of records, each by its own Pagefind service, one after another.
 *
 * Why: Pagefind's indexer holds a whole index in memory and its time to add a
 * record grows with the index (3.2 GB and 2.5× the time for 2× the plans at 1,000
 * plans, in one index). A shard's cost is bounded by its size, so the search stage
 * grows linearly and its peak memory stays flat however many plans there are.
 * The search page merges the shards with `pagefind.mergeIndex`, which shares one
 * WebAssembly module; it filters, counts and sorts by year from the facet table
 * (facets.ts), so nothing it shows depends on which shard a record is in.
 *
 * Kept free of imports: the search page's script bundles mergeShards, and the
 * quality suite's browser page (browser.ts) serves this file to Chromium as is.
 */

/**
 * At most this many records per shard by default: the search stage then peaks at
 * about 1.5 GB (10,100 records: 2.05 GB; README, Performance). Fewer records per
 * shard cost the reader more bytes per query (each shard's metadata and index chunks).
 */
export const defaultShardRecords = 8_000;

/** Written beside Pagefind's own files: where the other shards are, relative to the first. */
export const shardManifestFile = 'shards.json';

export interface ShardManifest {
  /** Directories (relative to the first shard's, ending in "/") of the shards after the first. */
  shards: string[];
}

/** The directory, relative to the first shard's, of shard `index` (≥ 1). */
export function shardDirectory(index: number): string {
  return `shard-${index}/`;
}

/**
 * Splits groups of records (a plan's records: they are never split, so a plan and
 * its items rank against the same statistics) into as few shards of at most
 * `limit` records as the groups allow, in order, the shards as even as possible.
 * A group larger than `limit` gets a shard of its own. Returns, per shard, the
 * indices of its groups.
 */
export function shardGroups(sizes: readonly number[], limit: number): number[][] {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`records per shard must be a whole number ≥ 1, not ${limit}`);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const count = Math.max(1, Math.ceil(total / limit));
  // Even shards: close a shard once it reaches its share of the whole, or when the next group would overflow it.
  const share = total / count;
  const shards: number[][] = [[]];
  let filled = 0;
  let closedAt = 0;
  sizes.forEach((size, index) => {
    const current = shards.at(-1)!;
    const overflows = current.length > 0 && filled - closedAt + size > limit;
    const reached = current.length > 0 && filled >= share * shards.length;
    if (overflows || reached) {
      shards.push([]);
      closedAt = filled;
    }
    shards.at(-1)!.push(index);
    filled += size;
  });
  return shards;
}

/** The part of Pagefind's browser API that merges another index into the one loaded. */
export interface MergingPagefind {
  mergeIndex: (indexPath: string, options?: { baseUrl?: string }) => Promise<void>;
}

/**
 * In the browser: merges the shards listed beside the first (at `pagefindDir`,
 * ending in "/") into the loaded Pagefind. A site without a manifest (an index
 * written before shards) is one index. Returns how many shards were merged.
 */
export async function mergeShards(pagefind: MergingPagefind, pagefindDir: string): Promise<number> {
  const response = await fetch(`${pagefindDir}${shardManifestFile}`);
  if (response.status === 404) return 0;
  if (!response.ok) throw new Error(`${pagefindDir}${shardManifestFile}: HTTP ${response.status}`);
  const manifest = (await response.json()) as ShardManifest;
  // The records' URLs carry the site's base already: Pagefind would otherwise prefix it again from the shard's path.
  await Promise.all(manifest.shards.map((shard) => pagefind.mergeIndex(`${pagefindDir}${shard}`, { baseUrl: '/' })));
  return manifest.shards.length;
}

/**
 * writeSearchIndex: the index must not depend on how many records are sent to
 * Pagefind's service at once (build-index.ts says why), and it is lighter than
 * Pagefind's own (the stock baseline) where the search page does not need the bytes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteTemporaryFolder } from '../temporary.ts';
import { writeSearchIndex } from '../../scripts/search/build-index.ts';
import { searchContent } from './content.ts';
import { itemsOf } from '../../src/model/plan.ts';
import { loadPlans } from '../../src/model/plan-files.ts';

const content = searchContent();
const scratch = suiteTemporaryFolder('atlas-index-');

function digests(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    files
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}

describe('writeSearchIndex', () => {
  it('writes the same bytes with records sent one at a time and many at once, in every shard', async () => {
    const write = async (inFlight: number): Promise<Record<string, string>> => {
      const outDir = join(scratch, `in-flight-${inFlight}`);
      // Small shards, so the test covers more than one service and the manifest.
      const result = await writeSearchIndex({ contentDir: content, outDir, base: '/', shardRecords: 40, recordsInFlight: inFlight });
      expect(result.shards).toBeGreaterThan(1);
      return digests(outDir);
    };
    const oneByOne = await write(1);
    const many = await write(64);
    expect(Object.keys(oneByOne).filter((file) => file.endsWith('.pf_fragment')).length).toBeGreaterThan(40);
    expect(many).toEqual(oneByOne);
  }, 120_000);
});

/** The JSON of a fragment file: gzip of "pagefind_dcd" and the page's data. */
function readFragment(file: string): { url: string; content: string; meta: Record<string, string> } {
  return JSON.parse(gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length).toString('utf8')) as { url: string; content: string; meta: Record<string, string> };
}

describe('the atlas index and the stock baseline', () => {
  const atlasDir = join(scratch, 'atlas');
  const stockDir = join(scratch, 'stock');
  // Written by the first test that needs them, one after the other: Pagefind runs one service a process.
  let written: Promise<void> | null = null;
  const built = (): Promise<void> => (written ??= (async () => {
    await writeSearchIndex({ contentDir: content, outDir: atlasDir, base: '/' });
    await writeSearchIndex({ contentDir: content, outDir: stockDir, base: '/', stock: true });
  })());
  const files = (dir: string, folder: string): string[] => readdirSync(join(dir, folder)).map((name) => join(dir, folder, name));

  it('keeps in a fragment the text a result shows, not the token stream Pagefind indexed', async () => {
    await built();
    const items = new Map(loadPlans(content).flatMap((plan) => [...itemsOf(plan.sections)].map((item) => [item.url, item.text] as const)));
    const fragments = files(atlasDir, 'fragment').map(readFragment);
    expect(fragments.length).toBeGreaterThan(items.size);
    for (const fragment of fragments) {
      expect(fragment.content, fragment.url).toBe('');
      if (fragment.meta['type'] === 'item') expect(fragment.meta['text'], fragment.url).toBe(items.get(fragment.url));
    }
    // The baseline is Pagefind as it comes: its fragments keep what it indexed.
    expect(files(stockDir, 'fragment').map(readFragment).filter((fragment) => fragment.content.length > 0).length).toBeGreaterThan(items.size);
  }, 120_000);

  it('cuts its index into more and smaller chunks than stock Pagefind, so a word fetches fewer bytes', async () => {
    await built();
    const sizes = (dir: string): number[] => files(dir, 'index').map((file) => statSync(file).size).sort((a, b) => a - b);
    const atlas = sizes(atlasDir);
    const stock = sizes(stockDir);
    expect(atlas.length).toBeGreaterThan(2 * stock.length);
    const median = (values: number[]): number => values[Math.floor(values.length / 2)]!;
    expect(median(atlas)).toBeLessThan(median(stock) / 2);
  }, 120_000);

  it('shares fragment files among about K pages when asked, each page still found by its id, and writes them again when K changes', async () => {
    await built();
    const dir = join(scratch, 'shared');
    const cacheFile = join(scratch, 'shared-cache.json');
    await writeSearchIndex({ contentDir: content, outDir: dir, base: '/', fragmentPages: 4, cacheFile });
    const pages = files(atlasDir, 'fragment').length;
    const shared = files(dir, 'fragment');
    expect(shared.length).toBe(Math.ceil(pages / 4));
    // Each file holds its pages by id, without the token stream, and every page of the facet table is in one.
    const byId = new Map<string, { url: string; content: string; meta: Record<string, string> }>();
    for (const file of shared) {
      const group = JSON.parse(gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length).toString('utf8')) as Record<string, { url: string; content: string; meta: Record<string, string> }>;
      expect(Object.keys(group).length).toBeGreaterThan(1);
      for (const [id, page] of Object.entries(group)) byId.set(id, page);
    }
    expect(byId.size).toBe(pages);
    for (const page of byId.values()) expect(page.content).toBe('');
    const table = JSON.parse(gunzipSync(readFileSync(join(dir, 'facets.json.gz'))).toString('utf8')) as { prefix: string; pages: string[] };
    const tableIds = table.pages.flatMap((list) => list.split(' ').map((page) => table.prefix + page.split(':')[0]));
    expect(new Set(tableIds)).toEqual(new Set(byId.keys()));
    // Back to a file a page: the shard is written again, not kept from the cache.
    const again = await writeSearchIndex({ contentDir: content, outDir: dir, base: '/', cacheFile });
    expect(again.written).toBe(again.shards);
    expect(files(dir, 'fragment')).toHaveLength(pages);
  }, 120_000);

  it('leaves out the search interfaces Pagefind ships that the search page does not use', async () => {
    await built();
    const atlas = readdirSync(atlasDir);
    for (const used of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']) expect(atlas).toContain(used);
    expect(atlas.some((name) => name.startsWith('wasm.'))).toBe(true);
    expect(atlas.filter((name) => /^pagefind-(?:ui|component-ui|modular-ui|highlight)\./.test(name))).toEqual([]);
    expect(readdirSync(stockDir)).toContain('pagefind-ui.js');
  }, 120_000);
});

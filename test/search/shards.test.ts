/**
 * The search index in shards: how records are split (shardGroups), and what
 * `node scripts/search/build-index.ts --shard-records N` writes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { temporaryFolder } from '../temporary.ts';
import { describe, expect, it } from 'vitest';
import { loadPlans } from '../../src/model/plan-files.ts';
import type { FacetTable } from '../../src/model/search/facets.ts';
import { shardGroups, shardManifestFile, type ShardManifest } from '../../src/model/search/shards.ts';
import { itemsOf } from '../../src/model/plan.ts';
import { searchContent } from './content.ts';

describe('shardGroups', () => {
  const cases: [number[], number][] = [
    [[3, 5, 2, 8, 1, 1, 4, 6], 10],
    [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 4],
    [Array.from({ length: 200 }, (_, index) => 1 + ((index * 37) % 29)), 300],
    [[5], 100],
    [[], 10],
  ];

  it('keeps every group whole, once, in order, and no shard over the limit', () => {
    for (const [sizes, limit] of cases) {
      const shards = shardGroups(sizes, limit);
      expect(shards.flat()).toEqual(sizes.map((_, index) => index));
      for (const shard of shards) expect(shard.reduce((sum, group) => sum + sizes[group]!, 0)).toBeLessThanOrEqual(limit);
    }
  });

  it('uses about as few shards as the records need, of about even size', () => {
    for (const [sizes, limit] of cases) {
      const total = sizes.reduce((sum, size) => sum + size, 0);
      const shards = shardGroups(sizes, limit);
      const largest = Math.max(0, ...sizes);
      // Whole groups can force one more shard than the bare count, never more.
      expect(shards.length).toBeLessThanOrEqual(Math.max(1, Math.ceil(total / limit)) + 1);
      const filled = shards.map((shard) => shard.reduce((sum, group) => sum + sizes[group]!, 0));
      if (shards.length > 1) expect(Math.max(...filled) - Math.min(...filled)).toBeLessThanOrEqual(Math.max(largest, total / shards.length));
    }
  });

  it('gives a group larger than the limit a shard of its own, and refuses a limit below 1', () => {
    expect(shardGroups([2, 50, 3], 10)).toEqual([[0], [1], [2]]);
    expect(() => shardGroups([1], 0)).toThrow(/whole number ≥ 1/);
  });
});

describe('build-index in shards (CLI)', () => {
  const content = searchContent();
  const plans = loadPlans(content);
  const records = plans.length + plans.reduce((sum, plan) => sum + [...itemsOf(plan.sections)].length, 0);

  it('writes shards of at most N records, listed beside the first, with every record in exactly one and in the facet table', () => {
    const work = temporaryFolder('atlas-shards-');
    const out = join(work, 'pagefind');
    const cache = ['--cache', join(work, 'cache.json')];
    const perShard = Math.ceil(records / 3);
    const run = spawnSync(process.execPath, ['scripts/search/build-index.ts', '--content', content, '--out', out, '--shard-records', String(perShard), ...cache], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, shardManifestFile), 'utf8')) as ShardManifest;
    expect(manifest.shards.length).toBeGreaterThanOrEqual(2);
    expect(run.stdout).toContain(`${manifest.shards.length + 1} shards`);
    const dirs = [out, ...manifest.shards.map((shard) => join(out, shard))];
    const fragments = dirs.map((dir) => readdirSync(join(dir, 'fragment')).filter((name) => name.endsWith('.pf_fragment')));
    for (const [index, names] of fragments.entries()) expect(names.length, dirs[index]).toBeLessThanOrEqual(perShard);
    const all = fragments.flat();
    expect(all).toHaveLength(records);
    expect(new Set(all).size).toBe(records);
    // The page loads Pagefind's script from the first shard only; the others hold their index alone.
    expect(existsSync(join(out, 'pagefind.js'))).toBe(true);
    for (const dir of dirs.slice(1)) {
      expect(existsSync(join(dir, 'pagefind-entry.json'))).toBe(true);
      expect(readdirSync(dir).filter((name) => name.endsWith('.js') || name.endsWith('.css') || name.startsWith('wasm.'))).toEqual([]);
    }
    const table = JSON.parse(gunzipSync(readFileSync(join(out, 'facets.json.gz'))).toString('utf8')) as FacetTable;
    const tableIds = table.pages.flatMap((pages) => pages.split(' ').map((page) => table.prefix + page.split(':')[0]));
    expect(new Set(tableIds)).toEqual(new Set(all.map((name) => name.slice(0, -'.pf_fragment'.length))));

    // The same records again: every shard is left as it was written.
    const stamps = () => dirs.map((dir) => statSync(join(dir, 'pagefind-entry.json')).mtimeMs);
    const written = stamps();
    const same = spawnSync(process.execPath, ['scripts/search/build-index.ts', '--content', content, '--out', out, '--shard-records', String(perShard), ...cache], { encoding: 'utf8' });
    expect(same.status, same.stderr).toBe(0);
    expect(same.stdout).toContain(`${manifest.shards.length + 1} kept from the last build`);
    expect(stamps()).toEqual(written);

    // Fewer shards on a second run into the same folder: the extra ones of the first go, and the first's old files.
    const again = spawnSync(process.execPath, ['scripts/search/build-index.ts', '--content', content, '--out', out, '--shard-records', String(records), ...cache], { encoding: 'utf8' });
    expect(again.status, again.stderr).toBe(0);
    expect((JSON.parse(readFileSync(join(out, shardManifestFile), 'utf8')) as ShardManifest).shards).toEqual([]);
    expect(readdirSync(out).filter((name) => name.startsWith('shard-'))).toEqual([]);
    expect(readdirSync(join(out, 'fragment'))).toHaveLength(records);
  }, 120_000);

  it('refuses a shard size that is not a whole number, saying how to give one', () => {
    const run = spawnSync(process.execPath, ['scripts/search/build-index.ts', '--content', content, '--out', join(tmpdir(), 'atlas-never'), '--shard-records', 'many'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"many" is not a whole number');
    expect(run.stderr).toContain('hint: --shard-records');
  });
});

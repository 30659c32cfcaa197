/**
 * The downloads stage as the build runs it after Astro: every item, commitment and
 * plan in the bulk files, newest plans first; a plan file that has not changed not
 * read again; and whatever the cache held, the bytes of a run without one.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulkDownloads } from '../../src/model/downloads.ts';
import { itemsOf } from '../../src/model/plan.ts';
import { loadPlans } from '../../src/model/plan-files.ts';
import { temporaryFolder } from '../temporary.ts';
import { runCli } from './run.ts';

const seeds = new URL('../../content/sources/', import.meta.url);

function addPlans(root: string, ...names: string[]): void {
  for (const name of names) copyFileSync(new URL(name, seeds), join(root, 'sources', name));
  const content = join(root, 'content');
  const ingest = runCli('ingest', ['--sources', join(root, 'sources'), '--content', content, '--cache', join(root, 'cache', 'ingest')]);
  expect(ingest.stderr).toBe('');
  const enrich = runCli('enrich', ['--content', content, '--no-cache']);
  expect(enrich.status, enrich.stderr).toBe(0);
}

function downloads(root: string, out: string, cache: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/cli/downloads.ts', '--content', join(root, 'content'), '--out', out, '--cache', cache], {
    encoding: 'utf8',
    env: { ...process.env, SITE_URL: 'https://atlas.example.org', BASE_PATH: '/', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const read = (out: string, path: string): string => readFileSync(join(out, path), 'utf8');
const files = (out: string): Record<string, string> => Object.fromEntries(Object.values(bulkDownloads).map((path) => [path, read(out, path)]));

describe('npm run build: the bulk downloads', () => {
  it('writes every item, commitment and plan, newest plan first, reading again only the plans that changed', () => {
    const root = temporaryFolder('plan-atlas-downloads-');
    mkdirSync(join(root, 'sources'));
    addPlans(root, 'dalian-2018.txt', 'taian-2024.txt');
    const out = join(root, 'site');
    const cache = join(root, 'cache', 'downloads');

    const first = downloads(root, out, cache);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).not.toMatch(/plan files read/u);
    const plans = loadPlans(join(root, 'content'));
    const items = plans.flatMap((plan) => [...itemsOf(plan.sections)]);
    expect(items.length).toBeGreaterThan(20);
    const csvLines = read(out, bulkDownloads.itemsCsv).split('\r\n');
    expect(csvLines[0]!.startsWith('\uFEFFitem_url,plan_url,plan_id')).toBe(true);
    expect(csvLines).toHaveLength(items.length + 2);
    const jsonItems = JSON.parse(read(out, bulkDownloads.itemsJson)) as Array<{ item_url: string; text: string; year: number }>;
    expect(jsonItems.map((row) => row.text).sort()).toEqual(items.map((item) => item.text).sort());
    // Taian 2024 comes before Dalian 2018, and URLs are absolute under SITE_URL.
    expect(jsonItems[0]!.year).toBe(2024);
    expect(jsonItems.at(-1)!.year).toBe(2018);
    expect(jsonItems[0]!.item_url).toMatch(/^https:\/\/atlas\.example\.org\/shandong\/taian\/2024\/\d/u);
    expect((JSON.parse(read(out, bulkDownloads.plansJson)) as Array<{ id: string }>).map((plan) => plan.id)).toEqual(['shandong/taian/2024', 'liaoning/dalian/2018']);
    const enriched = JSON.parse(readFileSync(join(root, 'content', 'enrichment', 'items.json'), 'utf8')) as Array<{ commitments: unknown[] }>;
    const commitments = enriched.reduce((sum, item) => sum + item.commitments.length, 0);
    expect(commitments).toBeGreaterThan(0);
    expect(JSON.parse(read(out, bulkDownloads.commitmentsJson))).toHaveLength(commitments);
    expect(read(out, bulkDownloads.commitmentsCsv).split('\r\n')).toHaveLength(commitments + 2);
    const written = files(out);

    const again = downloads(root, out, cache);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/\(0 of 2 plan files read; the others are the same files as when last read\)/u);
    expect(files(out)).toEqual(written);

    // A damaged cache costs time, never a wrong file: a cut blob's plan is read again.
    const blob = readdirSync(join(cache, 'rows'))[0]!;
    writeFileSync(join(cache, 'rows', blob), readFileSync(join(cache, 'rows', blob)).subarray(0, 100));
    const damaged = downloads(root, out, cache);
    expect(damaged.stdout).toMatch(/\(1 of 2 plan files read;/u);
    expect(files(out)).toEqual(written);

    // A third plan: its file alone is read, and the files are those of a run without a cache.
    addPlans(root, 'yingtan-2021.txt');
    const third = downloads(root, out, cache);
    expect(third.status).toBe(0);
    expect(third.stdout).toMatch(/\(1 of 3 plan files read;/u);
    const fresh = join(root, 'fresh');
    expect(downloads(root, fresh, join(root, 'cache', 'none')).stdout).not.toMatch(/plan files read/u);
    expect(files(out)).toEqual(files(fresh));
    expect((JSON.parse(read(out, bulkDownloads.plansJson)) as Array<{ id: string }>).map((plan) => plan.id)).toEqual(['shandong/taian/2024', 'jiangxi/yingtan/2021', 'liaoning/dalian/2018']);
    expect(readdirSync(join(out, 'downloads')).sort()).toEqual(['commitments.csv', 'commitments.json', 'items.csv', 'items.json', 'plans.json']);

    // Rows made for another SITE_URL are not used: every plan is read again.
    const moved = downloads(root, out, cache, { SITE_URL: 'https://other.example.org' });
    expect(moved.stdout).not.toMatch(/plan files read/u);
    expect(read(out, bulkDownloads.itemsCsv).split('\r\n')[1]).toMatch(/^https:\/\/other\.example\.org\/shandong\/taian\/2024\//u);
  }, 120_000);

  it('says what to do when there are no plans, and writes nothing', () => {
    const root = temporaryFolder('plan-atlas-downloads-none-');
    const result = downloads(root, join(root, 'site'), join(root, 'cache'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/downloads: error \[no-plans\] .*content\/plans does not exist/u);
    expect(result.stderr).toMatch(/hint: run npm run ingest first/u);
    expect(existsSync(join(root, 'site'))).toBe(false);
  });
});

/**
 * `npm run enrich` after `npm run ingest`: content/enrichment/ from the ingested plans,
 * and with its cache only the items an edit touched are worked out again, with the
 * same bytes as a run without the cache.
 */
import { cpSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../temporary.ts';
import { runCli } from './run.ts';

const seeds = new URL('../../content/sources/', import.meta.url);
function workspace(names: readonly string[]): { root: string; sources: string; content: string } {
  const root = temporaryFolder('plan-atlas-enrich-');
  const sources = join(root, 'sources');
  mkdirSync(sources);
  for (const name of names) copyFileSync(new URL(name, seeds), join(sources, name));
  return { root, sources, content: join(root, 'content') };
}

const enrichmentOf = (content: string) =>
  readdirSync(join(content, 'enrichment'))
    .sort()
    .map((name) => [name, readFileSync(join(content, 'enrichment', name), 'utf8')] as const);

describe('npm run enrich', () => {
  it('recomputes only the edited item with its cache, and writes the same bytes as without it', () => {
    const paths = workspace(['taian-2024.txt', 'dalian-2018.txt', 'yingtan-2021.txt']);
    const ingest = () => runCli('ingest', ['--sources', paths.sources, '--content', paths.content, '--cache', join(paths.root, 'ingest-cache')]);
    const enrich = (content = paths.content) => runCli('enrich', ['--content', content, '--cache', join(paths.root, 'enrich-cache')]);

    expect(ingest().status).toBe(0);
    const first = enrich();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const items = Number(/enrich: (\d+) items of 3 plans/u.exec(first.stdout)?.[1]);
    expect(items).toBeGreaterThan(50);
    expect(first.stdout).toContain(`(${items} recomputed, 0 unchanged`);
    expect(enrichmentOf(paths.content).map(([name]) => name)).toEqual(['commitments.json', 'documents.json', 'items.json', 'links.json', 'plans.json', 'report.json', 'terms.json', 'topics.json', 'vocabulary.json']);
    const before = new Map(enrichmentOf(paths.content));

    const again = enrich();
    expect(again.stdout).toContain(`(0 recomputed, ${items} unchanged`);
    expect(again.stdout).toContain('0 file(s) written');

    const source = join(paths.sources, 'dalian-2018.txt');
    writeFileSync(source, readFileSync(source, 'utf8').replace('办好继续教育。', '办好继续教育和社区教育。'));
    expect(ingest().stdout).toMatch(/\(1 parsed, 2 unchanged/u);
    const edited = enrich();
    expect(edited.status).toBe(0);
    expect(edited.stdout).toContain(`(1 recomputed, ${items - 1} unchanged`);
    const after = enrichmentOf(paths.content);
    expect(after.find(([name]) => name === 'items.json')![1]).not.toBe(before.get('items.json'));

    const uncached = join(paths.root, 'uncached');
    cpSync(join(paths.content, 'plans'), join(uncached, 'plans'), { recursive: true });
    const fresh = runCli('enrich', ['--content', uncached, '--no-cache']);
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).not.toMatch(/recomputed/u);
    expect(enrichmentOf(uncached)).toEqual(after);
  }, 120_000);

  it('says to ingest first when there are no plans', () => {
    const paths = workspace([]);
    const result = runCli('enrich', ['--content', paths.content, '--no-cache']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no plans in .*run npm run ingest first/u);
  });
});

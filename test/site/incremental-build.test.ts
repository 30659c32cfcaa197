/**
 * The parts of a rebuild that keeps pages (scripts/site/incremental-build.ts,
 * src/model/unchanged-pages.ts), on small folders made for each case. The whole
 * rebuild through `npm run build` is tested in incremental.test.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { temporaryFolder } from '../temporary.ts';
import { describe, expect, it } from 'vitest';
import { cleanBuildReason, filesUnder, keptKeys, mergeStaged, otherStagesOutput, siteCodeDigest } from '../../scripts/site/incremental-build.ts';
import { nextKeysFile, pageKeysEnv, pagesToRender } from '../../src/model/unchanged-pages.ts';

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}

describe('pagesToRender', () => {
  const page = (path: string, key: string) => ({ params: { path }, props: { view: path }, file: `${path}/index.html`, key });
  const pages = [page('a', 'k1'), page('b', 'k2'), page('c', 'k3')];

  it('renders every page when astro build runs alone, as Astro paths', () => {
    expect(pagesToRender('route', pages, {})).toEqual(pages.map(({ params, props }) => ({ params, props })));
  });

  it('leaves out pages whose key is the one kept, and records every key for the next build', () => {
    const dir = temporaryFolder('atlas-keys-');
    write(dir, { 'kept/route.json': JSON.stringify({ 'a/index.html': 'k1', 'b/index.html': 'old' }) });
    expect(pagesToRender('route', pages, { [pageKeysEnv]: dir }).map((path) => `${path.params.path}/index.html`)).toEqual(['b/index.html', 'c/index.html']);
    expect(JSON.parse(readFileSync(nextKeysFile(dir, 'route'), 'utf8'))).toEqual({ 'a/index.html': 'k1', 'b/index.html': 'k2', 'c/index.html': 'k3' });
  });
});

describe('keeping pages of the last build', () => {
  it('keeps only keys of pages still in dist/', () => {
    expect(keptKeys({ 'a/index.html': 'k1', 'gone/index.html': 'k2' }, new Set(['a/index.html']))).toEqual({ 'a/index.html': 'k1' });
  });

  it('builds clean without a recorded build, after other code, or without a built dist/', () => {
    const built = new Set(['index.html']);
    expect(cleanBuildReason(null, 'c1', built)).toMatch(/no earlier build/);
    expect(cleanBuildReason({ code: 'c0' }, 'c1', built)).toMatch(/code/);
    expect(cleanBuildReason({ code: 'c1' }, 'c1', new Set())).toMatch(/dist/);
    expect(cleanBuildReason({ code: 'c1' }, 'c1', built)).toBeNull();
  });

  it('digests the code and deploy settings, not the content', () => {
    const root = temporaryFolder('atlas-code-');
    write(root, { 'src/pages/index.astro': '<p>1</p>', 'astro.config.mjs': 'export default {}', 'content/plans/a.md': 'a' });
    const first = siteCodeDigest(root, {});
    write(root, { 'content/plans/a.md': 'b' });
    expect(siteCodeDigest(root, {})).toBe(first);
    expect(siteCodeDigest(root, { BASE_PATH: '/atlas/' })).not.toBe(first);
    expect(siteCodeDigest(root, { GATHERING_PAGE_PLANS: '50' })).not.toBe(first);
    write(root, { 'src/pages/index.astro': '<p>2</p>' });
    expect(siteCodeDigest(root, {})).not.toBe(first);
  });

  it.each([
    ['listing dist/ itself', false],
    ['from the files the caller listed before Astro ran', true],
  ])('moves the staged files into dist/, keeps keyed pages, and removes what no page of this build is, %s', (_how, listed) => {
    const root = temporaryFolder('atlas-merge-');
    const [staging, dist, cache] = ['staging', 'dist', 'cache'].map((name) => join(root, name)) as [string, string, string];
    write(dist, {
      'index.html': 'old home',
      'kept/index.html': 'kept page',
      'edited/index.html': 'old edit',
      'gone/deep/index.html': 'a page no longer built',
      'topics/old/index.html': 'a topic no longer built',
      'pagefind/pagefind.js': 'the search stage',
    });
    write(staging, { 'index.html': 'new home', 'edited/index.html': 'new edit', '_astro/site.css': 'css' });
    write(cache, { 'next/region-paths.json': JSON.stringify({ 'kept/index.html': 'k', 'edited/index.html': 'k2' }) });
    const before = new Set(filesUnder(dist, otherStagesOutput));
    expect(mergeStaged(staging, dist, cache, listed ? before : undefined)).toEqual({ written: 3, kept: 1, removed: 2 });
    expect(filesUnder(dist)).toEqual(['_astro/site.css', 'edited/index.html', 'index.html', 'kept/index.html', 'pagefind/pagefind.js']);
    expect(readFileSync(join(dist, 'edited/index.html'), 'utf8')).toBe('new edit');
    expect(filesUnder(root).filter((file) => file.startsWith('staging/'))).toEqual([]);
  });
});

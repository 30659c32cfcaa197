/**
 * A full disk, a read-only content/ and a read-only dist/ never leave a broken dist/
 * or lose content: the build stops with what to do, dist/ stays the last good site,
 * and the next build with room finishes the job.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteTemporaryFolder } from '../temporary.ts';
import { buildToEnd, makeTree, sh, siteDigest, startBuild, useVariant } from './harness.ts';

describe('a starved machine', () => {
  const root = suiteTemporaryFolder('atlas-starved-');
  const disk = join(root, 'disk');
  const tree = join(disk, 'tree');
  let one = '';

  beforeAll(async () => {
    sh(`mkdir -p ${disk} && mount -t tmpfs -o size=400m atlas-test ${disk}`);
    makeTree(tree);
    useVariant(tree, 'one');
    await buildToEnd(tree);
    one = siteDigest(join(tree, 'dist'))!;
  });
  // Registered after the temporary folder, so it runs before the folder is removed.
  afterAll(() => {
    sh(`umount -l ${join(tree, 'content')} 2>/dev/null; umount -l ${join(tree, 'dist')} 2>/dev/null; umount -l ${disk}`);
  });

  it('a disk that fills mid-build leaves the last good site, says what to do, and the next build with room finishes', async () => {
    const used = Number(sh(`df --output=used -B1 ${disk} | tail -1`).trim());
    const site = Number(sh(`du -sb ${join(tree, 'dist')} | cut -f1`).trim());
    // Room for less than half a new site: a clean build of the larger variant runs out mid-way.
    sh(`mount -o remount,size=${used + Math.floor(site / 2)} ${disk}`);
    useVariant(tree, 'two');
    const build = startBuild(tree, { PLAN_ATLAS_CLEAN_BUILD: '1' });
    expect(await build.done).not.toBe(0);
    expect(build.output()).toMatch(/ENOSPC|no space left/iu);
    expect(build.output()).toMatch(/hint: the disk is full or nearly so \(\d+\.\d MiB free\)/u);
    expect(siteDigest(join(tree, 'dist'))).toBe(one);

    sh(`mount -o remount,size=400m ${disk}`);
    await buildToEnd(tree);
    expect(siteDigest(join(tree, 'dist'))).not.toBe(one);
    expect(readFileSync(join(tree, 'dist', 'index.html'), 'utf8')).toContain('鹰潭');
  }, 600_000);

  /** The variant whose site dist/ does not hold, so that a build has something to change. */
  const otherVariant = (): 'one' | 'two' => (siteDigest(join(tree, 'dist')) === one ? 'two' : 'one');

  it('a read-only content/ stops the build with what to do, and leaves the last good site', async () => {
    const before = siteDigest(join(tree, 'dist'));
    expect(before).not.toBeNull();
    useVariant(tree, otherVariant());
    const content = join(tree, 'content');
    sh(`mount --bind ${content} ${content} && mount -o remount,bind,ro ${content}`);
    try {
      const build = startBuild(tree);
      expect(await build.done).not.toBe(0);
      expect(build.output()).toMatch(/hint: content\/ is not writable \(EROFS\)/u);
      expect(siteDigest(join(tree, 'dist'))).toBe(before);
    } finally {
      sh(`umount ${content}`);
    }
  }, 600_000);

  it('a read-only dist/ stops the build with what to do, and stays as it was', async () => {
    const dist = join(tree, 'dist');
    const before = siteDigest(dist);
    expect(before).not.toBeNull();
    useVariant(tree, otherVariant());
    sh(`mount --bind ${dist} ${dist} && mount -o remount,bind,ro ${dist}`);
    try {
      const build = startBuild(tree);
      expect(await build.done).not.toBe(0);
      expect(build.output()).toMatch(/could not put the new site in place/u);
      expect(build.output()).toMatch(/hint: dist\/ is not writable \(EROFS\): a build replaces dist\/ whole/u);
      expect(siteDigest(dist)).toBe(before);
    } finally {
      sh(`umount ${dist}`);
    }
    // Once it is writable again, the next build puts the new site in place.
    await buildToEnd(tree);
    expect(siteDigest(dist)).not.toBe(before);
  }, 600_000);
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireCjkFont } from '../../scripts/browser/chromium.ts';
import { acquireBuildLock, buildLockFile, releaseBuildLock } from '../../scripts/build/lock.ts';
import { nextSiteDir, recoverSite, startNextSite, swapInNextSite } from '../../scripts/build/site-folder.ts';
import { temporaryFolder } from '../temporary.ts';

function site(root: string, folder: string, text: string): void {
  mkdirSync(join(root, folder, 'a'), { recursive: true });
  writeFileSync(join(root, folder, 'index.html'), text);
  writeFileSync(join(root, folder, 'a', 'index.html'), `${text} a`);
}

describe('the next site and the swap', () => {
  it('a rebuild starts from dist/ as hard links, and replacing a file there leaves dist/ as it was', () => {
    const root = temporaryFolder('atlas-site-');
    site(root, 'dist', 'old');
    const next = startNextSite(root, 'live');
    expect(readFileSync(join(next, 'a', 'index.html'), 'utf8')).toBe('old a');
    writeFileSync(join(next, 'index.tmp'), 'new');
    // As the stages write: a new file renamed over the linked one.
    renameSync(join(next, 'index.tmp'), join(next, 'index.html'));
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('old');
    swapInNextSite(root);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(nextSiteDir(root))).toBe(false);
  });

  it('refuses to swap in a next site that holds no finished build', () => {
    const root = temporaryFolder('atlas-site-');
    site(root, 'dist', 'old');
    startNextSite(root, 'empty');
    expect(() => swapInNextSite(root)).toThrow(/holds no finished site/u);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('old');
  });

  it('puts back the last site when a build was killed between the two renames', () => {
    const root = temporaryFolder('atlas-site-');
    site(root, '.cache/previous-site', 'old');
    expect(recoverSite(root)).toMatch(/put back the last site/u);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('old');
    expect(recoverSite(root)).toBeNull();
  });
});

describe('the build lock', () => {
  it('is held by one build; a second is told who holds it', () => {
    const root = temporaryFolder('atlas-lock-');
    expect(acquireBuildLock(root)).toEqual({ held: true, staleTakenOver: null });
    const second = acquireBuildLock(root);
    expect(second).toMatchObject({ held: false, holder: { pid: process.pid } });
    releaseBuildLock(root);
    expect(existsSync(buildLockFile(root))).toBe(false);
  });

  it('takes over a lock whose process is gone, and one cut short by a kill', () => {
    const root = temporaryFolder('atlas-lock-');
    mkdirSync(join(root, '.cache'));
    // No process has this pid: Linux pids stay below 2^22.
    writeFileSync(buildLockFile(root), JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), started: '2026-01-01T00:00:00Z' }));
    expect(acquireBuildLock(root)).toMatchObject({ held: true, staleTakenOver: { pid: 2 ** 22 + 1 } });
    releaseBuildLock(root);
    writeFileSync(buildLockFile(root), '{"pid":');
    expect(acquireBuildLock(root)).toMatchObject({ held: true });
  });
});

describe('a machine without what browser tests need', () => {
  it('says to install a CJK font when fontconfig lists none, and passes where one is installed', () => {
    const folder = temporaryFolder('atlas-fonts-');
    const config = join(folder, 'fonts.conf');
    writeFileSync(config, `<?xml version="1.0"?><fontconfig><dir>${folder}</dir><cachedir>${folder}</cachedir></fontconfig>`);
    expect(() => requireCjkFont({ ...process.env, FONTCONFIG_FILE: config })).toThrow(/apt-get install -y fonts-noto-cjk/u);
    expect(() => requireCjkFont()).not.toThrow();
  });

  it('says to install Chromium when it is missing', () => {
    const run = spawnSync(process.execPath, ['-e', "import('./scripts/browser/chromium.ts').then((m) => m.requireChromium())"], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Chromium not found at \/nonexistent\/chromium.*apt-get update && apt-get install -y chromium/su);
  });
});

/**
 * The host check of `npm run build`: the size of dist/ against the limits of the
 * static hosts people publish on, said before anyone uploads, and DEPLOY_HOST,
 * which makes a limit broken an error.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLimits, hostReport, hosts, measureSite } from '../../scripts/build/hosts.ts';
import { deployHost, prerenderWorkers } from '../../src/model/deploy.ts';
import { useSite } from '../browser/site.ts';
import { temporaryFolder } from '../temporary.ts';

const host = (id: string) => hosts.find((candidate) => candidate.id === id)!;
const mib = 1024 * 1024;

describe('hosts', () => {
  it('measures a site: its files, bytes and largest file', () => {
    const dir = temporaryFolder('atlas-size-');
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), 'x'.repeat(10));
    writeFileSync(join(dir, 'a', 'b', 'big.json'), 'y'.repeat(300));
    expect(measureSite(dir)).toEqual({ files: 2, bytes: 310, largest: { path: join('a', 'b', 'big.json'), bytes: 300 }, fragments: 0 });
  });

  it('names each limit a site of 1,000 plans breaks, and the hosts it still fits', () => {
    // dist/ at 1,000 plans, as measured: 44,751 files, 518 MB, 20,056 of the files search fragments.
    const size = { files: 44_751, bytes: 518 * 1000 * 1000, largest: { path: 'pagefind/index.pf_meta', bytes: 3 * mib }, fragments: 20_056 };
    expect(brokenLimits(size, host('cloudflare-pages-free'))).toEqual(['44,751 files, over its 20,000 a site']);
    expect(brokenLimits(size, host('github-pages'))).toEqual([]);
    const report = hostReport(size, 'cloudflare-pages-free');
    expect(report.fits).toBe(false);
    expect(report.lines[0]).toBe('dist/ holds 44,751 files, 494.0 MiB; it fits Cloudflare Pages (paid plans), GitHub Pages, GitLab Pages');
    const [problem, hint] = report.lines[1]!.split('\n');
    expect(problem).toBe('error [over-host-limits] the site does not fit Cloudflare Pages (free plan) (DEPLOY_HOST=cloudflare-pages-free): 44,751 files, over its 20,000 a site');
    expect(hint).toContain('hint: publish it on Cloudflare Pages (paid plans) (DEPLOY_HOST=cloudflare-pages-paid) or GitHub Pages');
    // Shared fragment files would leave 29,709 files: still too many for 20,000, so not advised.
    expect(hint).not.toContain('SEARCH_FRAGMENT_PAGES');
  });

  it('advises shared search fragment files where they bring the files under a host\'s limit', () => {
    // dist/ at 3,000 plans, as measured at 8349d91: 138,656 files, 60,420 of them fragments.
    const size = { files: 138_656, bytes: 1240 * 1000 * 1000, largest: { path: 'downloads/items.json', bytes: 20 * mib }, fragments: 60_420 };
    const report = hostReport(size, 'cloudflare-pages-paid');
    expect(report.fits).toBe(false);
    expect(report.lines[1]).toContain('hint: keep 4 pages a search fragment file (SEARCH_FRAGMENT_PAGES=4: about 93,341 files; a search then fetches more bytes for the results it shows), or build a subset of the plans');
    // Cloudflare's free plan takes 20,000: sharing would not be enough, and the hint does not offer it.
    expect(hostReport(size, 'cloudflare-pages-free').lines[1]).not.toContain('SEARCH_FRAGMENT_PAGES');
  });

  it('says a site past 1 GB and a file past 25 MiB break GitHub Pages and Cloudflare', () => {
    const size = { files: 150_000, bytes: 1.2 * 1000 * 1000 * 1000, largest: { path: 'downloads/items.json', bytes: 40 * mib }, fragments: 0 };
    expect(brokenLimits(size, host('github-pages'))).toEqual(['1144.4 MiB, over its 953.7 MiB a site']);
    expect(brokenLimits(size, host('cloudflare-pages-paid'))).toEqual(['150,000 files, over its 100,000 a site', 'downloads/items.json is 40.0 MiB, over its 25.0 MiB a file']);
    expect(hostReport(size, undefined)).toEqual({ lines: ['dist/ holds 150,000 files, 1144.4 MiB; it fits none of the hosts the build knows'], fits: true });
  });

  it('reads DEPLOY_HOST and refuses a host it does not know, naming those it knows', () => {
    const known = hosts.map((entry) => entry.id);
    expect(deployHost(known, {})).toBeUndefined();
    expect(deployHost(known, { DEPLOY_HOST: 'github-pages' })).toBe('github-pages');
    expect(() => deployHost(known, { DEPLOY_HOST: 'geocities' })).toThrow(/DEPLOY_HOST="geocities" names no host/u);
  });

  it('stops npm run build at once, before any stage, on a DEPLOY_HOST it does not know', () => {
    const dir = temporaryFolder('atlas-host-');
    const result = spawnSync(process.execPath, [resolve('scripts/cli/build.ts')], { cwd: dir, encoding: 'utf8', env: { ...process.env, DEPLOY_HOST: 'geocities' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('error [invalid-setting] DEPLOY_HOST="geocities" names no host the build knows');
    expect(result.stderr).toContain('hint: use one of cloudflare-pages-free, cloudflare-pages-paid, github-pages, gitlab-pages');
    expect(result.stdout).not.toContain('[1/');
  });
});

describe('PRERENDER_WORKERS', () => {
  it('renders one page at a time unless told to use workers', () => {
    expect(prerenderWorkers({})).toBe(1);
    expect(prerenderWorkers({ PRERENDER_WORKERS: ' 1 ' })).toBe(1);
    expect(prerenderWorkers({ PRERENDER_WORKERS: '4' })).toBe(4);
  });

  it('stops npm run build at once, before any stage, on a value that is no number of workers', () => {
    const dir = temporaryFolder('atlas-workers-');
    for (const value of ['0', 'two', '1.5']) {
      const result = spawnSync(process.execPath, [resolve('scripts/cli/build.ts')], { cwd: dir, encoding: 'utf8', env: { ...process.env, PRERENDER_WORKERS: value } });
      expect(result.status, value).toBe(2);
      expect(result.stderr).toContain(`error [invalid-setting] PRERENDER_WORKERS="${value}" is not a whole number of workers`);
      expect(result.stderr).toContain('hint: use 1 to render one page at a time');
      expect(result.stdout).not.toContain('[1/');
    }
  });
});

describe('npm run build', () => {
  const visit = useSite('root');

  it('says how many files and bytes dist/ holds and which hosts it fits', () => {
    const log = readFileSync(join(visit.site.tree, '..', 'build.log'), 'utf8');
    const size = measureSite(visit.site.dist);
    expect(log).toContain(`build: dist/ holds ${size.files.toLocaleString('en-US')} files, ${(size.bytes / mib).toFixed(1)} MiB; it fits Cloudflare Pages (free plan), Cloudflare Pages (paid plans), GitHub Pages, GitLab Pages`);
  });
});

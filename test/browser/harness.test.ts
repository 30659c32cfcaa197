/**
 * The harness itself, on a tiny site written for the case: the static server behaves
 * like a static host under a base path, and the page guard catches what it must.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basePath, launchChromium, PageGuard, serveSite, type Chromium, type StaticServer } from './harness.ts';

const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

let dir: string;
let server: StaticServer;
let chromium: Chromium;
const guard = new PageGuard();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-harness-'));
  mkdirSync(join(dir, 'shandong', 'taian'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), page('<h1>首页</h1>'));
  writeFileSync(join(dir, 'shandong', 'taian', 'index.html'), page('<h1>泰安</h1>'));
  writeFileSync(join(dir, '404.html'), page('<h1>找不到</h1>'));
  writeFileSync(join(dir, 'style.css'), 'h1 { color: red }');
  writeFileSync(join(dir, 'feed.xml'), '<feed/>');
  writeFileSync(join(dir, 'offsite.html'), page('<img src="https://example.com/x.png" alt="">'));
  writeFileSync(join(dir, 'broken.html'), page('<script>console.error("boom")</script>'));
  writeFileSync(join(dir, 'throws.html'), page('<script>null.x</script>'));
  writeFileSync(
    join(dir, 'copy.html'),
    page('<button type="button" onclick="navigator.clipboard.writeText(\'泰安市教育局. 引文[EB/OL].\')">复制引文</button>'),
  );
  server = await serveSite(dir, '/atlas/');
  chromium = await launchChromium();
  await guard.install(chromium.context);
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('basePath', () => {
  it('normalises what people write in BASE_PATH', () => {
    expect(basePath(undefined)).toBe('/');
    expect(basePath('')).toBe('/');
    expect(basePath('/')).toBe('/');
    expect(basePath('atlas')).toBe('/atlas/');
    expect(basePath('/atlas')).toBe('/atlas/');
    expect(basePath('/a/b/')).toBe('/a/b/');
  });
});

describe('static server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.origin).hostname).toBe('127.0.0.1');
  });

  it('serves a folder’s index.html under the base path, with its content type', async () => {
    const response = await fetch(server.url('/shandong/taian/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('泰安');
    expect((await fetch(server.url('/style.css'))).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(server.url('/feed.xml'))).headers.get('content-type')).toBe('application/xml; charset=utf-8');
  });

  it('redirects a folder without its trailing slash, as static hosts do', async () => {
    const response = await fetch(server.url('/shandong/taian'), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/atlas/shandong/taian/');
    const root = await fetch(`${server.origin}/atlas`, { redirect: 'manual' });
    expect(root.headers.get('location')).toBe('/atlas/');
  });

  it('answers misses, paths outside the base and escapes with 404.html', async () => {
    for (const path of ['/atlas/nowhere/', '/shandong/taian/', '/atlas/../etc/passwd', '/atlas/%2e%2e/%2e%2e/etc/passwd']) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('找不到');
    }
  });
});

describe('clipboard', () => {
  it('reads what a copy button wrote, once permissions are granted', async () => {
    await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const tab = await chromium.context.newPage();
    guard.watch(tab);
    await tab.goto(server.url('/copy.html'));
    await tab.evaluate(() => navigator.clipboard.writeText(''));
    await tab.getByRole('button', { name: /复制/ }).click();
    await tab.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
    expect(await tab.evaluate(() => navigator.clipboard.readText())).toBe('泰安市教育局. 引文[EB/OL].');
    await tab.close();
    expect(guard.reset()).toEqual([]);
  });
});

describe('page guard', () => {
  const open = async (path: string) => {
    const tab = await chromium.context.newPage();
    guard.watch(tab);
    await tab.goto(server.url(path));
    await tab.close();
    return guard.reset();
  };

  it('passes a quiet page', async () => {
    expect(await open('/')).toEqual([]);
  });

  it('blocks and reports a request to another host', async () => {
    const problems = await open('/offsite.html');
    expect(problems.some((problem) => problem.startsWith('request to another host: GET https://example.com/x.png'))).toBe(true);
  });

  it('reports console errors and uncaught exceptions', async () => {
    expect((await open('/broken.html')).join('\n')).toContain('console error');
    expect((await open('/throws.html')).join('\n')).toContain('uncaught exception');
  });

  it('reports the console error of a 404 unless the test expects it', async () => {
    expect((await open('/missing/')).join('\n')).toMatch(/status of 404/);
    guard.allowConsoleError(/status of 404/);
    expect(await open('/missing/')).toEqual([]);
  });
});

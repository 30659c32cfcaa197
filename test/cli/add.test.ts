/**
 * `npm run add` as an editor uses it: a saved file or a page's address in, the
 * original bytes stored untouched, a sidecar of what the file itself tells, and
 * what the ingest understood printed. Pages are served from 127.0.0.1 only.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { temporaryFolder } from '../temporary.ts';
import { runCli, runCliAsync } from './run.ts';

const seeds = new URL('../../content/sources/', import.meta.url);
const taianText = readFileSync(new URL('taian-2024.txt', seeds), 'utf8');
const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** A government CMS article page (TRS style) holding the 泰安 plan's text, one paragraph a <p>. */
function cmsPage(text: string): string {
  const paragraphs = text
    .split(/\r?\n/u)
    .filter((line) => line.trim().length > 0)
    .map((line) => `<p>${line.trim().replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`)
    .join('\n');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>泰安市教育局关于印发2024年工作要点的通知_泰安市教育局</title>
<meta name="ArticleTitle" content="关于印发2024年工作要点的通知"><meta name="PubDate" content="2024-03-26 09:28"><meta name="ContentSource" content="泰安市教育局"></head>
<body><div class="header"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>
<table class="xxgk_table"><tr><td>索引号</td><td>11370900004344040P/2024-00321</td><td>发布机构</td><td>泰安市教育局</td></tr>
<tr><td>发文字号</td><td>泰教发〔2024〕1号</td><td>成文日期</td><td>2024-03-26</td></tr>
<tr><td>发布日期</td><td>2024-03-26</td><td>主题分类</td><td>教育</td></tr></table>
<div class="TRS_Editor">
${paragraphs}
</div>
<div class="attachments"><a href="/files/plan.pdf">附件：泰安市教育局2024年工作要点.pdf</a></div>
<div class="footer">主办单位：泰安市教育局 版权所有 网站标识码3709000021</div>
</body></html>`;
}

let server: Server;
let origin = '';
const pdfBytes = Buffer.from('%PDF-1.4\n% a file the page links; only stored, never parsed here\n%%EOF\n');

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/art/2024/3/26/art_1_2.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(cmsPage(taianText));
    } else if (request.url === '/files/plan.pdf') {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.end(pdfBytes);
    } else {
      response.writeHead(404);
      response.end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

function sourcesFolder(): string {
  const folder = join(temporaryFolder('plan-atlas-add-'), 'sources');
  mkdirSync(folder);
  return folder;
}

const sidecarOf = (file: string): Record<string, unknown> => parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('npm run add', () => {
  it('stores a saved text file untouched, with its SHA-256, and prints what the ingest understood', () => {
    const sources = sourcesFolder();
    const saved = join(temporaryFolder('plan-atlas-saved-'), 'Taian 2024.txt');
    copyFileSync(new URL('taian-2024.txt', seeds), saved);
    const result = runCli('add', [saved, '--sources', sources]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const stored = join(sources, 'taian-2024.txt');
    expect(readFileSync(stored)).toEqual(readFileSync(saved));
    const sidecar = sidecarOf(join(sources, 'taian-2024.meta.yaml'));
    expect(sidecar['sha256']).toBe(sha256(readFileSync(saved)));
    expect(sidecar['retrievedOn']).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(sidecar['sourceUrl']).toBeUndefined();
    expect(result.stdout).toContain('/shandong/taian/2024/');
    expect(result.stdout).toMatch(/title\s+中共泰安市委教育工委 泰安市教育局2024年工作要点/u);
  });

  it('fetches a page by its URL, keeps the page as published, and writes the facts its metadata table gives', async () => {
    const sources = sourcesFolder();
    const url = `${origin}/art/2024/3/26/art_1_2.html`;
    const result = await runCliAsync('add', [url, '--sources', sources, '--attachments']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const stored = join(sources, 'art_1_2.html');
    expect(readFileSync(stored, 'utf8')).toBe(cmsPage(taianText));
    const sidecar = sidecarOf(join(sources, 'art_1_2.meta.yaml'));
    expect(sidecar).toMatchObject({
      sourceUrl: url,
      publisher: '泰安市教育局',
      publishedOn: '2024-03-26',
      issuedOn: '2024-03-26',
      docNumber: '泰教发〔2024〕1号',
      indexNumber: '11370900004344040P/2024-00321',
      sha256: sha256(readFileSync(stored)),
    });
    const attachments = sidecar['attachments'] as Array<{ url: string; file: string; sha256: string }>;
    expect(attachments).toEqual([{ url: `${origin}/files/plan.pdf`, file: join(sources, 'attachments', 'art_1_2', '1.pdf'), sha256: sha256(pdfBytes) }]);
    expect(readFileSync(join(sources, 'attachments', 'art_1_2', '1.pdf'))).toEqual(pdfBytes);
    // The same plan as the text: its URL and its outline.
    expect(result.stdout).toContain('/shandong/taian/2024/');
    expect(result.stdout).toMatch(/outline\s+\d+ items/u);
    expect(result.stdout).toMatch(/warnings[\s\S]*links 1 attachment\(s\) \(附件\)[^\n]*\/files\/plan\.pdf/u);
  });

  it('refuses bytes it already holds, a name already taken and an address that does not answer, exit 1', async () => {
    const sources = sourcesFolder();
    const saved = join(temporaryFolder('plan-atlas-saved-'), 'taian.txt');
    copyFileSync(new URL('taian-2024.txt', seeds), saved);
    expect(runCli('add', [saved, '--sources', sources]).status).toBe(0);
    const again = runCli('add', [saved, '--sources', sources]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/error \[already-added\] .*taian\.txt/u);

    const other = join(temporaryFolder('plan-atlas-saved-'), 'taian.txt');
    copyFileSync(new URL('dalian-2018.txt', seeds), other);
    const taken = runCli('add', [other, '--sources', sources]);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toMatch(/error \[name-taken\][\s\S]*hint: .*--name/u);
    expect(runCli('add', [other, '--sources', sources, '--name', 'dalian']).status).toBe(0);
    expect(existsSync(join(sources, 'dalian.txt'))).toBe(true);

    const missing = await runCliAsync('add', [`${origin}/no/such/page.html`, '--sources', sources]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/error \[fetch-failed\] .*404/u);
  });

  it('keeps the source as added: a later edit of its bytes is refused by the ingest', () => {
    const sources = sourcesFolder();
    const saved = join(temporaryFolder('plan-atlas-saved-'), 'taian.txt');
    copyFileSync(new URL('taian-2024.txt', seeds), saved);
    expect(runCli('add', [saved, '--sources', sources]).status).toBe(0);
    writeFileSync(join(sources, 'taian.txt'), `${taianText}\n附：编辑加的一行。\n`);
    const check = runCli('ingest', ['--check', join(sources, 'taian.txt')]);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/error \[source-changed\]/u);
  });
});

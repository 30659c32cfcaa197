/**
 * Nothing published is ever lost: a later bad input (a second copy of a plan, a
 * source re-saved empty or as binary, one that no longer parses) is refused with
 * a clear error while the plan already published stays exactly as it was, and one
 * bad source never stops `npm run build` from building the site from the others.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkNodeModules, snapshotTree } from '../browser/build.ts';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { temporaryFolder } from '../temporary.ts';
import { runCli } from './run.ts';

const seeds = new URL('../../content/sources/', import.meta.url);

function workspace(): { sources: string; content: string; root: string } {
  const root = temporaryFolder('plan-atlas-published-');
  const paths = { root, sources: join(root, 'sources'), content: join(root, 'content') };
  mkdirSync(paths.sources);
  mkdirSync(paths.content);
  return paths;
}

const ingest = (paths: { sources: string; content: string; root: string }) =>
  runCli('ingest', ['--sources', paths.sources, '--content', paths.content, '--cache', join(paths.root, 'cache')]);

const taianPlan = (paths: { content: string }): string => join(paths.content, 'plans', 'shandong', 'taian', '2024.md');

describe('a published plan survives later bad input', () => {
  it('refuses a second copy under another name and keeps the plan published from the first', () => {
    const paths = workspace();
    copyFileSync(new URL('taian-2024.txt', seeds), join(paths.sources, 'taian.txt'));
    expect(ingest(paths).status).toBe(0);
    const before = readFileSync(taianPlan(paths), 'utf8');

    copyFileSync(new URL('taian-2024.txt', seeds), join(paths.sources, 'a-copy.txt'));
    const result = ingest(paths);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/a-copy\.txt: error \[duplicate-identity\] .*taian\.txt.*\/shandong\/taian\/2024\/.*stays/u);
    expect(result.stderr).not.toMatch(/sources\/taian\.txt: error/u);
    expect(readFileSync(taianPlan(paths), 'utf8')).toBe(before);
  });

  it.each([
    ['re-saved empty', ''],
    ['overwritten with binary bytes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe, 0, 0])],
    ['replaced by text that is no plan', '这里什么也没有。\n'],
  ])('keeps the last good plan of a source %s, reports it and exits 1', (_, bytes) => {
    const paths = workspace();
    copyFileSync(new URL('taian-2024.txt', seeds), join(paths.sources, 'taian.txt'));
    copyFileSync(new URL('dalian-2018.txt', seeds), join(paths.sources, 'dalian.txt'));
    expect(ingest(paths).status).toBe(0);
    const before = readFileSync(taianPlan(paths), 'utf8');

    writeFileSync(join(paths.sources, 'taian.txt'), bytes);
    const result = ingest(paths);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/taian\.txt(:\d+)?: error \[/u);
    expect(result.stderr).toMatch(/kept: its last good plan \/shandong\/taian\/2024\/ stays published/u);
    expect(readFileSync(taianPlan(paths), 'utf8')).toBe(before);
    const report = JSON.parse(readFileSync(join(paths.content, 'reports', 'ingest-report.json'), 'utf8')) as {
      plans: Array<{ url: string }>;
      failures: Array<{ file: string; kept: string | null }>;
    };
    expect(report.plans.map((plan) => plan.url)).toEqual(['/liaoning/dalian/2018/', '/shandong/taian/2024/']);
    expect(report.failures).toEqual([expect.objectContaining({ kept: '/shandong/taian/2024/' })]);

    // Fixed again: published from the source as before, and no longer reported.
    copyFileSync(new URL('taian-2024.txt', seeds), join(paths.sources, 'taian.txt'));
    expect(ingest(paths).status).toBe(0);
    expect(readFileSync(taianPlan(paths), 'utf8')).toBe(before);
  });

  it('still removes the plan of a source the editor deleted', () => {
    const paths = workspace();
    copyFileSync(new URL('taian-2024.txt', seeds), join(paths.sources, 'taian.txt'));
    expect(ingest(paths).status).toBe(0);
    rmSync(join(paths.sources, 'taian.txt'));
    expect(ingest(paths).status).toBe(0);
    expect(existsSync(taianPlan(paths))).toBe(false);
  });
});

/** A CMS page holding a text, one paragraph a <p>. */
const page = (text: string): string =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="https://www.example.gov.cn/style.css"></head><body><div class="nav">首页</div><div class="TRS_Editor">${text
    .split(/\r?\n/u)
    .filter((line) => line.trim().length > 0)
    .map((line) => `<p>${line.trim().replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`)
    .join('')}</div></body></html>`;

describe('npm run build with one bad source, and sources in several formats', () => {
  it('builds the site from the other sources and exits 1 naming the bad one', { timeout: 300_000 }, async () => {
    const tree = join(temporaryFolder('plan-atlas-build-'), 'tree');
    snapshotTree(tree);
    linkNodeModules(tree);
    writeFileSync(join(tree, 'content', 'sources', 'broken.txt'), '');
    // Two more plans as bureaus publish them: a web page and a Word file (texts of the genre corpus, in a scratch tree only).
    const corpus = (name: string): string => readFileSync(new URL(`../corpus/plans/${name}.txt`, import.meta.url), 'utf8');
    writeFileSync(join(tree, 'content', 'sources', 'xiangyang.html'), page(corpus('hubei-xiangyang-2018')));
    const word = new Document({ sections: [{ children: corpus('fujian-2018').split(/\r?\n/u).map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
    const docxBytes = new Uint8Array(await Packer.toBuffer(word));
    writeFileSync(join(tree, 'content', 'sources', 'fujian.docx'), docxBytes);
    const result = spawnSync('npm', ['run', 'build'], { cwd: tree, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, SITE_URL: 'https://plan-atlas.example.org' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/broken\.txt: error \[empty\]/u);
    expect(result.stderr).toMatch(/the site was built, but some sources failed/u);
    for (const plan of ['shandong/taian/2024', 'liaoning/dalian/2018', 'jiangxi/yingtan/2021', 'hubei/xiangyang/2018', 'fujian/2018']) {
      expect(existsSync(join(tree, 'dist', plan, 'index.html')), plan).toBe(true);
    }
    expect(existsSync(join(tree, 'dist', 'pagefind'))).toBe(true);
    // The Word file is offered byte for byte; the page as its markup in text, never as a page that would load the bureau's site.
    expect(readFileSync(join(tree, 'dist', 'fujian', '2018', 'source.docx'))).toEqual(Buffer.from(docxBytes));
    expect(readFileSync(join(tree, 'dist', 'hubei', 'xiangyang', '2018', 'source.html.txt'), 'utf8')).toContain('<div class="TRS_Editor">');
    expect(existsSync(join(tree, 'dist', 'hubei', 'xiangyang', '2018', 'source.html'))).toBe(false);
    const planPage = readFileSync(join(tree, 'dist', 'fujian', '2018', 'index.html'), 'utf8');
    expect(planPage).toContain('/fujian/2018/source.docx');
    expect(planPage).toContain('发布原文（Word）');
    expect(planPage).not.toContain('cite-preview');
    expect(result.stderr).not.toMatch(/SITE_URL is not set/u);

    // Without SITE_URL the site still builds, and says once that its absolute URLs are not ones to cite.
    const { SITE_URL: _siteUrl, ...withoutSiteUrl } = process.env;
    const preview = spawnSync('npm', ['run', 'build'], { cwd: tree, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: withoutSiteUrl });
    expect(preview.stderr.match(/SITE_URL is not set/gu)).toHaveLength(1);
    expect(preview.stderr).toMatch(/preview address https:\/\/plan-atlas\.example, not one to cite/u);
    expect(existsSync(join(tree, 'dist', 'fujian', '2018', 'index.html'))).toBe(true);
    // … and every page that offers its address to cite says it is a preview address.
    expect(readFileSync(join(tree, 'dist', 'fujian', '2018', 'index.html'), 'utf8')).toContain('下列网址为预览地址，请勿用于引用');
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderRow, formatSiteShape, siteShape } from '../../scripts/bench/site-shape.ts';

describe('siteShape', () => {
  const dist = mkdtempSync(join(tmpdir(), 'atlas-shape-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const write = (path: string, bytes: number): void => {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path), 'x'.repeat(bytes));
  };
  write('index.html', 10);
  write('shandong/taian/2024/index.html', 300);
  write('shandong/taian/2024/1/index.html', 200);
  write('jiangxi/yingtan/2024/index.html', 100);
  write('pagefind/fragment/a.pf_fragment', 1000);
  write('terms/x/index.html', 50);

  it('gathers the plans\' province folders into one row and counts every other top folder apart', () => {
    const shape = siteShape(dist, new Set(['shandong', 'jiangxi']));
    expect(shape.files).toBe(6);
    expect(shape.bytes).toBe(1660);
    expect(shape.folders).toEqual([
      { folder: 'pagefind', files: 1, bytes: 1000 },
      { folder: '(plans)', files: 3, bytes: 600 },
      { folder: 'terms', files: 1, bytes: 50 },
      { folder: '(root files)', files: 1, bytes: 10 },
    ]);
  });

  it('names a top folder a plan row only when a plan lives there', () => {
    expect(folderRow('shandong', new Set(['shandong']))).toBe('(plans)');
    expect(folderRow('terms', new Set(['shandong']))).toBe('terms');
  });

  it('says files and kilobytes a plan', () => {
    const lines = formatSiteShape('dist/', { files: 90, bytes: 2 * 1024 * 1024, folders: [{ folder: 'pagefind', files: 30, bytes: 1024 * 1024 }] }, 2);
    expect(lines[0]).toContain('90 files, 2.0 MB: 45.0 files and 1024 KB a plan');
    expect(lines[1]).toMatch(/pagefind\s+15\.0 files\s+512 KB a plan/);
  });
});

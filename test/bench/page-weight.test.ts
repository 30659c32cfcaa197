import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../temporary.ts';
import { typicalItemPageWeight } from '../../scripts/bench/page-weight.ts';

function write(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

describe('typicalItemPageWeight', () => {
  it('weighs the item page of median size with the CSS and JS it loads', () => {
    const dist = temporaryFolder('atlas-weight-');
    const page = (body: string) =>
      `<!doctype html><html><head><link rel="stylesheet" href="/atlas/_astro/site.css"><script type="application/ld+json">{"a":1}</script></head><body>${body}<script>copy()</script><script src="/atlas/_astro/x.js"></script></body></html>`;
    write(dist, '_astro/site.css', 'x'.repeat(300));
    write(dist, '_astro/x.js', 'y'.repeat(50));
    write(dist, 'shandong/taian/2024/1/index.html', page('短'));
    write(dist, 'shandong/taian/2024/2-1/index.html', page('中'.repeat(100)));
    write(dist, 'shandong/taian/2024/3/index.html', page('长'.repeat(1000)));
    write(dist, 'shandong/taian/2024/index.html', page('计划'.repeat(5000)));
    write(dist, 'shandong/index.html', page('地区'));
    const weight = typicalItemPageWeight(dist, '/atlas/');
    expect(weight?.itemPages).toBe(3);
    expect(weight?.page).toBe('shandong/taian/2024/2-1/index.html');
    expect(weight?.cssBytes).toBe(300);
    expect(weight?.jsBytes).toBe(50 + 'copy()'.length);
  });
});

import { rehype } from 'rehype';
import { describe, expect, it } from 'vitest';
import rehypePermalinks, { itemUrlsByAnchor, joinBase } from '../../src/markdown/rehype-permalinks.ts';

async function render(html: string, base: string, frontmatter: Record<string, unknown>): Promise<string> {
  const file = await rehype()
    .data('settings', { fragment: true })
    .use(rehypePermalinks, { base })
    .process({ value: html, data: { astro: { frontmatter } } });
  return String(file);
}

const frontmatter = {
  sections: [{ items: [{ anchor: 'item-1', url: '/shandong/taian/2024/1/' }], sections: [{ items: [{ anchor: 'item-1-1', url: '/x/2024/1-1/' }] }] }],
};

describe('itemUrlsByAnchor', () => {
  it('finds items in nested sections', () => {
    expect([...itemUrlsByAnchor(frontmatter)]).toEqual([
      ['item-1', '/shandong/taian/2024/1/'],
      ['item-1-1', '/x/2024/1-1/'],
    ]);
  });

  it('tolerates missing or malformed frontmatter', () => {
    expect(itemUrlsByAnchor(undefined).size).toBe(0);
    expect(itemUrlsByAnchor({ sections: 'no' }).size).toBe(0);
  });
});

describe('rehypePermalinks', () => {
  it('adds a ¶ link to every heading with an id, and an item-page link under the base for items', async () => {
    const html = await render('<h2 id="section-1">一、党建</h2><h3 id="item-1">1.巩固。</h3><h3>无锚点</h3>', '/atlas/', frontmatter);
    expect(html).toContain('<h2 id="section-1">一、党建 <a href="#section-1" class="permalink" aria-label="本节链接" data-ui="">¶</a></h2>');
    expect(html).toContain('<a href="/atlas/shandong/taian/2024/1/" class="item-link" data-ui="">条目页</a>');
    expect(html).toContain('<h3>无锚点</h3>');
    expect(html.match(/item-link/gu)).toHaveLength(1);
  });

  it('never adds links to h1', async () => {
    expect(await render('<h1 id="t">标题</h1>', '/', frontmatter)).toBe('<h1 id="t">标题</h1>');
  });
});

describe('joinBase', () => {
  it('joins with exactly one slash', () => {
    expect(joinBase('/', '/a/')).toBe('/a/');
    expect(joinBase('/atlas/', '/a/')).toBe('/atlas/a/');
    expect(joinBase('/atlas', 'a/')).toBe('/atlas/a/');
    expect(joinBase('/atlas/', '/')).toBe('/atlas/');
  });
});

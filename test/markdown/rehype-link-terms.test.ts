import { rehype } from 'rehype';
import type { Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { loadTitleRules, normalizeTitle } from '../../src/model/documents.ts';
import type { LinkTargets } from '../../src/model/linker.ts';
import { rehypeLinkTerms } from '../../src/markdown/rehype-link-terms.ts';

const titleRules = loadTitleRules();
const targets: LinkTargets = {
  documents: new Map([[normalizeTitle('中小学德育工作指南', titleRules), '/atlas/docs/zxxdygzzn-bfe208/']]),
  terms: new Map([
    ['县管校聘', '/atlas/terms/xgxp-89ceeb/'],
    ['双减', '/atlas/terms/sj-1/'],
    ['县中', '/atlas/terms/xz-1/'],
  ]),
  blockers: ['全县中小学'],
  titleRules,
};

async function run(html: string, options = {}): Promise<{ html: string; before: string; after: string }> {
  const processor = rehype().data('settings', { fragment: true }).use(rehypeLinkTerms, { targets, ...options });
  const tree = processor.parse(html) as Root;
  const before = toText(tree);
  const transformed = (await processor.run(tree)) as Root;
  return { html: processor.stringify(transformed), before, after: toText(transformed) };
}

describe('rehypeLinkTerms', () => {
  it('links cited documents and terms in paragraphs without changing the text', async () => {
    const { html, before, after } = await run('<p>落实《中小学德育工作指南》，深化“县管校聘”改革，巩固“双减”成果。</p>');
    expect(after).toBe(before);
    expect(html).toBe(
      '<p>落实<a href="/atlas/docs/zxxdygzzn-bfe208/" class="term-link term-link-document">《中小学德育工作指南》</a>，深化“<a href="/atlas/terms/xgxp-89ceeb/" class="term-link term-link-term">县管校聘</a>”改革，巩固“<a href="/atlas/terms/sj-1/" class="term-link term-link-term">双减</a>”成果。</p>',
    );
  });

  it('links a term once an item, where it first stands; a heading opens the next item', async () => {
    const { html, before, after } = await run('<h3 id="item-1">1.双减</h3><p>巩固双减成果。</p><p>深化双减与县中建设，县中扩容。</p><h3 id="item-2">2.其他</h3><p>落实双减。</p>');
    expect(after).toBe(before);
    const links = [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/gu)].map((match) => match[2]);
    expect(links).toEqual(['双减', '县中', '双减']);
    expect(html).toContain('深化双减与<a href="/atlas/terms/xz-1/"');
  });

  it('never links inside an existing link or a heading', async () => {
    const { html } = await run('<h3 id="item-1"><a href="#item-1">1.</a>深化县管校聘改革</h3><p><a href="/x/">双减专题</a>与双减</p>');
    expect(html).toContain('<h3 id="item-1"><a href="#item-1">1.</a>深化县管校聘改革</h3>');
    expect(html).toContain('<a href="/x/">双减专题</a>与<a href="/atlas/terms/sj-1/"');
    expect(html.match(/term-link/g)?.length).toBe(2);
  });

  it('links inside nested inline elements, and leaves code alone', async () => {
    const { html } = await run('<p><strong>县管校聘</strong><code>双减</code></p>');
    expect(html).toBe('<p><strong><a href="/atlas/terms/xgxp-89ceeb/" class="term-link term-link-term">县管校聘</a></strong><code>双减</code></p>');
  });

  it('leaves a blocker word unlinked: 县中 is no word in 全县中小学', async () => {
    const { html } = await run('<p>全县中小学加大县中建设</p>');
    expect(html).toBe('<p>全县中小学加大<a href="/atlas/terms/xz-1/" class="term-link term-link-term">县中</a>建设</p>');
  });

  it('takes its targets lazily and a class of the site\'s choosing', async () => {
    let calls = 0;
    const processor = rehype()
      .data('settings', { fragment: true })
      .use(rehypeLinkTerms, { targets: () => ((calls += 1), targets), className: 'x' });
    const first = String(await processor.process('<p>双减</p>'));
    await processor.process('<p>双减</p>');
    expect(first).toBe('<p><a href="/atlas/terms/sj-1/" class="x x-term">双减</a></p>');
    expect(calls).toBe(1);
  });
});

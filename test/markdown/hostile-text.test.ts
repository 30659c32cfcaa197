/**
 * Text that looks like markup stays text on the site: a plan's Markdown, as
 * the ingest writes it, rendered by the site's own Markdown pipeline.
 */
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { planMarkdown } from '../../scripts/ingest/markdown.ts';
import rehypePermalinks from '../../src/markdown/rehype-permalinks.ts';
import remarkHeadingIds from '../../src/markdown/remark-heading-ids.ts';
import { item, plan, section } from '../site/fixtures.ts';

const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> [点我](javascript:alert(3)) **粗体** # 标题 `代码` &amp;';

function elements(node: Nodes, found: Element[] = []): Element[] {
  if (node.type === 'element') found.push(node);
  if ('children' in node) for (const child of node.children) elements(child as Nodes, found);
  return found;
}

describe('hostile text through the site Markdown pipeline', () => {
  it('renders as the same characters, never as elements', async () => {
    const sample = plan({
      preamble: hostile,
      sections: [section('1', `一、${hostile}`, [item('/shandong/taian/2024/', '1', null, `${hostile}\n第二段${hostile}`)])],
    });
    const markdown = planMarkdown(sample);
    const body = markdown.slice(markdown.indexOf('\n---\n', 4) + 5);
    const renderer = await createMarkdownProcessor({
      gfm: false,
      smartypants: false,
      syntaxHighlight: false,
      remarkPlugins: [remarkHeadingIds],
      rehypePlugins: [[rehypePermalinks, { base: '/' }]],
    });
    const { code } = await renderer.render(body);
    const tree = fromHtml(code, { fragment: true });
    const tags = new Set(elements(tree).map((element) => element.tagName));
    expect([...tags].sort()).toEqual(['a', 'h2', 'h3', 'p']);
    for (const link of elements(tree).filter((element) => element.tagName === 'a')) {
      expect(String(link.properties['href'])).toMatch(/^(#|\/)/u);
    }
    const textOf = (node: Nodes): string => {
      if (node.type === 'text') return node.value;
      return 'children' in node ? node.children.map((child) => textOf(child as Nodes)).join('') : '';
    };
    const text = textOf(tree);
    expect(text.split(hostile).length - 1).toBe(4);
  });
});

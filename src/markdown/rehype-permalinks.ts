/**
 * Gives every heading that has an id a visible permalink «¶» (so a reader can
 * copy the link to any section or item of a plan), and item headings a link to
 * the item's own page. Item page URLs come from the plan's frontmatter, never
 * rebuilt from the anchor, so the plan file stays the one source of URLs.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface PermalinkOptions {
  /** Site base path, e.g. "/" or "/atlas/". */
  base: string;
}

interface FrontmatterItem { anchor?: unknown; url?: unknown }
interface FrontmatterSection { items?: unknown; sections?: unknown }

/** anchor → site-relative item URL, from a plan's frontmatter (tolerates anything). */
export function itemUrlsByAnchor(frontmatter: unknown): Map<string, string> {
  const urls = new Map<string, string>();
  const walk = (sections: unknown): void => {
    if (!Array.isArray(sections)) return;
    for (const section of sections as FrontmatterSection[]) {
      if (Array.isArray(section.items)) {
        for (const item of section.items as FrontmatterItem[]) {
          if (typeof item.anchor === 'string' && typeof item.url === 'string') urls.set(item.anchor, item.url);
        }
      }
      walk(section.sections);
    }
  };
  walk((frontmatter as { sections?: unknown } | null | undefined)?.sections);
  return urls;
}

const headingTags = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

function link(href: string, className: string, label: string | null, text: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    // data-ui: interface words, not the plan's text (see scripts/site/verify-text.ts).
    properties: label ? { href, className: [className], ariaLabel: label, dataUi: '' } : { href, className: [className], dataUi: '' },
    children: [{ type: 'text', value: text }],
  };
}

export function joinBase(base: string, path: string): string {
  return `${base.replace(/\/+$/u, '')}/${path.replace(/^\/+/u, '')}`;
}

export default function rehypePermalinks(options: PermalinkOptions) {
  return (tree: Root, file: { data: Record<string, unknown> }): void => {
    const astro = file.data['astro'] as { frontmatter?: unknown } | undefined;
    const itemUrls = itemUrlsByAnchor(astro?.frontmatter);
    visit(tree, 'element', (node: Element) => {
      if (!headingTags.has(node.tagName)) return;
      const id = node.properties['id'];
      if (typeof id !== 'string') return;
      const extra: ElementContent[] = [{ type: 'text', value: ' ' }, link(`#${id}`, 'permalink', '本节链接', '¶')];
      const itemUrl = itemUrls.get(id);
      if (itemUrl) extra.push({ type: 'text', value: ' ' }, link(joinBase(options.base, itemUrl), 'item-link', null, '条目页'));
      node.children.push(...extra);
    });
  };
}

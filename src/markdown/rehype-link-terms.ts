/**
 * rehype plugin: links titles cited in 《》 and policy terms in rendered text to
 * their pages (/docs/{slug}/, /terms/{slug}/). The text is not changed, only
 * wrapped: every character stays where it was. Text already inside a link, a
 * heading (whose anchor is the permalink), code, or the document head is left alone.
 * Each target is linked once per item, where it first stands: a heading opens the
 * next item, so the text between two headings links each term and title once.
 *
 *   import { rehypeLinkTerms } from './src/markdown/rehype-link-terms.ts';
 *   import { loadLinkTargets } from './src/model/link-targets.ts';
 *   markdown: { rehypePlugins: [[rehypeLinkTerms, { targets: () => loadLinkTargets(base) }]] }
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { createLinker, type Linker, type LinkTargets } from '../model/linker.ts';

export interface RehypeLinkTermsOptions {
  /** The targets, or a function giving them (called once, when the first tree is processed). */
  targets: LinkTargets | (() => LinkTargets);
  /** Elements whose text is never linked; the default covers links, headings, code and the head. */
  skip?: readonly string[];
  /** Class given to the links made, so the site can style them apart from other links. */
  className?: string;
}

export const defaultSkip = ['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'title', 'textarea', 'head', 'svg'];

export function rehypeLinkTerms(options: RehypeLinkTermsOptions) {
  const skip = new Set(options.skip ?? defaultSkip);
  const className = options.className ?? 'term-link';
  let linker: Linker | null = null;
  const getLinker = (): Linker => {
    linker ??= createLinker(typeof options.targets === 'function' ? options.targets() : options.targets);
    return linker;
  };

  /** Targets linked since the last heading: the item being read. */
  let linked = new Set<string>();

  function linkText(node: Text): ElementContent[] | null {
    const segments = getLinker().segments(node.value, linked);
    if (segments.length === 1 && segments[0]!.href === undefined) return null;
    return segments.map((segment): ElementContent => {
      if (segment.href === undefined) return { type: 'text', value: segment.text };
      return {
        type: 'element',
        tagName: 'a',
        properties: { href: segment.href, className: [className, `${className}-${segment.kind}`] },
        children: [{ type: 'text', value: segment.text }],
      };
    });
  }

  function walk(parent: Root | Element): void {
    const children: Array<RootContent | ElementContent> = parent.children;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index]!;
      if (child.type === 'text') {
        const replacement = linkText(child);
        if (replacement) {
          children.splice(index, 1, ...replacement);
          index += replacement.length - 1;
        }
      } else if (child.type === 'element' && /^h[1-6]$/u.test(child.tagName)) {
        linked = new Set();
      } else if (child.type === 'element' && !skip.has(child.tagName)) {
        walk(child);
      }
    }
  }

  return (tree: Root): void => {
    linked = new Set();
    walk(tree);
  };
}

export default rehypeLinkTerms;

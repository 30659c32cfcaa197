/**
 * Nothing lost, on the site: every Han character of a plan's cleaned text must
 * reach its built page, in order, exactly once. The page marks the document's
 * text with `data-plan-text`; interface words inside it (permalink signs,
 * "印发通知" labels) carry `data-ui` and are skipped.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { Plan } from '../../src/model/plan.ts';
import { itemBody } from '../ingest/markdown.ts';

const han = /\p{Script=Han}/gu;
/** The Han characters of `text`, in order. */
export const hanOf = (text: string): string => (text.match(han) ?? []).join('');

/**
 * The Han characters a plan's page must show, in the page's reading order:
 * the printed title heads the page, the covering notice follows it, then the
 * plan itself; each part in the order printed.
 */
export function planHan(plan: Plan): string {
  const parts: string[] = [plan.printedTitle ?? '', plan.notice, plan.preamble];
  const walk = (sections: Plan['sections']): void => {
    for (const section of sections) {
      parts.push(section.heading, section.text);
      for (const item of section.items) parts.push(item.heading, itemBody(item));
      walk(section.sections);
    }
  };
  walk(plan.sections);
  parts.push(plan.closing);
  return hanOf(parts.join(''));
}

type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const marker = 'data-plan-text';
const skipped = new Set(['script', 'style', 'template']);
const hasAttribute = (node: Node, name: string): boolean => 'attrs' in node && node.attrs.some((attribute) => attribute.name === name);

function textOf(node: Node, into: string[]): void {
  if (node.nodeName === '#text') into.push((node as DefaultTreeAdapterMap['textNode']).value);
  if (!('childNodes' in node) || skipped.has(node.nodeName) || hasAttribute(node, 'data-ui')) return;
  for (const child of node.childNodes) textOf(child, into);
}

function findMarked(node: Node, found: Node[]): void {
  if (hasAttribute(node, marker)) {
    found.push(node);
    return;
  }
  if ('childNodes' in node) for (const child of (node as ParentNode).childNodes) findMarked(child, found);
}

/** The Han characters of the page's document text, or null when the page marks none. */
export function pageHan(html: string): string | null {
  // Parsing from the first marked element on skips the head, header and navigation,
  // half of an item page's bytes; what comes before it holds no document text.
  // parse5 itself, not hast: this runs on every built page, and the hast tree with
  // positions cost a third of the check's time.
  const at = html.indexOf(marker);
  if (at === -1) return null;
  const marked: Node[] = [];
  findMarked(parseFragment(html.slice(html.lastIndexOf('<', at))), marked);
  if (marked.length === 0) return null;
  const texts: string[] = [];
  for (const element of marked) textOf(element, texts);
  return hanOf(texts.join(''));
}

export interface TextMismatch {
  /** Han characters the page has before the first difference. */
  offset: number;
  expected: string;
  found: string;
}

export function compareHan(expected: string, found: string): TextMismatch | null {
  if (expected === found) return null;
  let offset = 0;
  while (offset < expected.length && expected[offset] === found[offset]) offset += 1;
  return { offset, expected: expected.slice(offset, offset + 20), found: found.slice(offset, offset + 20) };
}

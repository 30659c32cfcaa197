/**
 * Nothing lost, on the site: every Han character of a plan's cleaned text must
 * reach its built page, in order, exactly once. The page marks the document's
 * text with `data-plan-text`; interface words inside it (permalink signs,
 * "印发通知" labels) carry `data-ui` and are skipped.
 */
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Plan } from '../../src/model/plan.ts';
import { itemBody } from '../ingest/markdown.ts';

const han = /\p{Script=Han}/gu;
const hanOf = (text: string): string => (text.match(han) ?? []).join('');

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

function textOf(node: Nodes, into: string[]): void {
  if (node.type === 'text') into.push(node.value);
  if (node.type !== 'element' && node.type !== 'root') return;
  if (node.type === 'element' && (node.properties['dataUi'] !== undefined || node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template')) return;
  for (const child of node.children) textOf(child as Nodes, into);
}

function findMarked(node: Nodes, found: Element[]): void {
  if (node.type === 'element' && node.properties['dataPlanText'] !== undefined) {
    found.push(node);
    return;
  }
  if ('children' in node) for (const child of node.children) findMarked(child as Nodes, found);
}

/** The Han characters of the page's document text, or null when the page marks none. */
export function pageHan(html: string): string | null {
  const marked: Element[] = [];
  findMarked(fromHtml(html), marked);
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

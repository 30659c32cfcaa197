/**
 * Nothing lost: the written document must hold every character of the cleaned
 * source, in order, exactly once. The check re-reads the Markdown we wrote
 * (so escaping mistakes show up too) and compares it with the cleaned lines,
 * ignoring only white space and the ` {#anchor}` ids we added to headings.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import { visit } from 'unist-util-visit';
import type { SourceLine } from './clean.ts';
import { AtlasError } from '../../src/model/errors.ts';

const headingId = / \{#[a-z][a-z0-9-]*\}$/u;
const whiteSpace = /\s+/gu;

/** The text a reader sees in a written Markdown body, heading ids removed. */
export function markdownBodyText(markdown: string): string {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/u, '');
  const tree = remark().parse(body) as Root;
  const parts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'heading') {
      parts.push(toString(node).replace(headingId, ''));
      return 'skip';
    }
    if (node.type === 'paragraph') {
      parts.push(toString(node));
      return 'skip';
    }
    return undefined;
  });
  return parts.join('\n');
}

/**
 * @param lines the cleaned source lines, in order
 * @param written the texts the output shows, in reading order (notice, title, body)
 */
export function verifyNothingLost(lines: readonly SourceLine[], written: readonly string[]): void {
  const expected = lines.map((line) => line.text.replace(whiteSpace, ''));
  const actual = written.join('').replace(whiteSpace, '');
  let offset = 0;
  for (const [index, text] of expected.entries()) {
    if (actual.startsWith(text, offset)) {
      offset += text.length;
      continue;
    }
    let same = 0;
    while (same < text.length && text[same] === actual[offset + same]) same += 1;
    const line = lines[index] as SourceLine;
    const missing = text.slice(same, same + 30);
    const found = actual.slice(offset + same, offset + same + 30);
    throw new AtlasError(
      'text-lost',
      `the output does not reproduce the source from "${missing}" on (it has "${found}" there)`,
      'this is a bug in Plan Atlas, not in the document: please report it with this file',
      line.line,
    );
  }
  if (offset !== actual.length) {
    throw new AtlasError(
      'text-added',
      `the output has text the source does not: "${actual.slice(offset, offset + 30)}"`,
      'this is a bug in Plan Atlas, not in the document: please report it with this file',
    );
  }
}

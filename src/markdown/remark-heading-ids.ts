/**
 * The ingest writes each heading's stable id as a trailing ` {#anchor}` in its
 * text (content format, see the brief). This plugin moves it into the heading's
 * id and strips it from the text, so "### 1.巩固… {#item-1}" renders as
 * <h3 id="item-1">1.巩固…</h3>. Only `{#[a-z][a-z0-9-]*}` at the very end counts:
 * braces elsewhere are the plan's own text and stay.
 */
import type { Heading, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const trailingId = /[ \t]*\{#([a-z][a-z0-9-]*)\}$/u;

/** Splits "text {#id}" into its text and id; null when the text carries no id. */
export function splitHeadingId(value: string): { text: string; id: string } | null {
  const match = trailingId.exec(value);
  if (!match) return null;
  return { text: value.slice(0, match.index), id: match[1] as string };
}

function applyId(heading: Heading): void {
  const last = heading.children.at(-1);
  if (!last || last.type !== 'text') return;
  const split = splitHeadingId((last as Text).value);
  if (!split) return;
  if (split.text.length > 0) (last as Text).value = split.text;
  else heading.children.pop();
  // hProperties is mdast-util-to-hast's channel for attributes of the element a node becomes.
  const data = (heading.data ??= {}) as { hProperties?: Record<string, unknown> };
  data.hProperties = { ...data.hProperties, id: split.id };
}

export default function remarkHeadingIds() {
  return (tree: Root): void => {
    visit(tree, 'heading', applyId);
  };
}

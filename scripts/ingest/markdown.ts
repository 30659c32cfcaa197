/**
 * Write: a plan → its Markdown file (YAML frontmatter + body).
 *
 * The body is built as an mdast tree and serialized by remark, so every
 * character of the source is escaped as text: nothing a plan says can become
 * markup on the site. Headings carry their stable ids as a trailing
 * ` {#anchor}`, which the site's remark plugin turns into the heading's id.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { remark } from 'remark';
import { stringify as stringifyYaml } from 'yaml';
import type { Item, Plan, Section } from '../../src/model/plan.ts';

const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] });

const heading = (depth: number, value: string, anchor: string): Heading => ({
  type: 'heading',
  depth: Math.min(depth, 6) as Heading['depth'],
  children: [{ type: 'text', value: `${value} {#${anchor}}` }],
});

const paragraphs = (text: string): Paragraph[] =>
  text.split('\n').filter((line) => line.length > 0).map(paragraph);

/** The item's text after its printed heading, paragraph by paragraph. */
export function itemBody(item: Item): string {
  const lead = item.heading.slice(item.label.length);
  return item.text.slice(lead.length);
}

function itemNodes(item: Item, depth: number): RootContent[] {
  return [heading(depth, item.heading, item.anchor), ...paragraphs(itemBody(item))];
}

function sectionNodes(section: Section, depth: number): RootContent[] {
  const nodes: RootContent[] = [];
  // The unnumbered section that holds a flat list prints no heading of its own.
  const titled = section.heading.length > 0;
  if (titled) nodes.push(heading(depth, section.heading, section.anchor));
  nodes.push(...paragraphs(section.text));
  const childDepth = titled ? depth + 1 : depth;
  for (const item of section.items) nodes.push(...itemNodes(item, childDepth));
  for (const child of section.sections) nodes.push(...sectionNodes(child, childDepth));
  return nodes;
}

export function planBodyTree(plan: Plan): Root {
  return {
    type: 'root',
    children: [
      ...paragraphs(plan.preamble),
      ...plan.sections.flatMap((section) => sectionNodes(section, 2)),
      ...(plan.closing ? [{ type: 'thematicBreak' } as const, ...paragraphs(plan.closing)] : []),
    ],
  };
}

const processor = remark().data('settings', { bullet: '-', emphasis: '_', strong: '*', rule: '-' });

export function planMarkdown(plan: Plan): string {
  // Astro reads frontmatter with js-yaml (YAML 1.1): writing as 1.1 quotes what it would misread (dates, yes/no).
  const frontmatter = stringifyYaml(plan, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });
  const body = processor.stringify(planBodyTree(plan));
  return `---\n${frontmatter}---\n\n${body}`;
}

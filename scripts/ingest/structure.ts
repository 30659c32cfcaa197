/**
 * Structure: the parsed outline tree → the model's sections and items, with
 * lead phrases split from bodies and stable keys taken from the document's own
 * numbering.
 */
import type { Genre } from '../genre/load.ts';
import type { Item, Section } from '../../src/model/plan.ts';
import type { SourceLine } from './clean.ts';
import type { OutlineNode } from './parse.ts';

export interface LeadPhrase {
  /** The lead phrase without its closing mark; null when the item has none. */
  title: string | null;
  /** The printed characters that make up the lead phrase, closing mark included. */
  printed: string;
}

/**
 * An item's lead phrase runs to the first terminator (。：) when that comes
 * soon enough. Writers sometimes forget the full stop ("扩增普通高中优质资源出台
 * 《…》"); then the phrase ends where a typical body verb begins, provided the
 * phrase is a single clause (no comma) and a real body follows.
 */
export function leadPhraseOf(text: string, genre: Genre): LeadPhrase {
  const rule = genre.leadPhrase;
  const limit = Math.min(text.length, rule.maxLength + 1);
  for (let index = 0; index < limit; index += 1) {
    if (rule.terminators.has(text[index] as string)) {
      if (index < rule.minLength) break;
      return { title: text.slice(0, index), printed: text.slice(0, index + 1) };
    }
  }
  const window = text.slice(0, rule.maxLength);
  let best = -1;
  for (const opener of rule.bodyOpeners) {
    let at = window.indexOf(opener, rule.minOpenerOffset);
    // "政策的实施" is a noun phrase, not a lead phrase followed by a body.
    while (at >= 0 && rule.notBeforeOpener.has(text[at - 1] as string)) at = window.indexOf(opener, at + 1);
    if (at >= 0 && text.length - at < rule.minBodyLength) at = -1;
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  if (best > 0) {
    const phrase = text.slice(0, best);
    if (!/[，,、；;]/u.test(phrase)) return { title: phrase, printed: phrase };
  }
  return { title: null, printed: '' };
}

/** Section headings are titles themselves; a full stop inside one ends the title and starts its text. */
function sectionTitleOf(rest: string, genre: Genre): LeadPhrase {
  const stop = rest.indexOf('。');
  if (stop > 0 && stop < rest.length - 1 && stop <= genre.leadPhrase.maxLength) {
    return { title: rest.slice(0, stop), printed: rest.slice(0, stop + 1) };
  }
  return { title: rest, printed: rest };
}

interface DraftItem {
  path: number[];
  node: OutlineNode;
  paragraphs: string[];
}

const joinKey = (numbers: readonly number[]): string => numbers.join('.');
const dashed = (key: string): string => key.replaceAll('.', '-');

/** A part heading is a short unnumbered line printed right before a list that restarts at 1. */
const maxPartHeadingLength = 30;

function lastDescendant(node: OutlineNode): OutlineNode {
  const last = node.children.at(-1);
  return last ? lastDescendant(last) : node;
}

function splitParts(outline: readonly OutlineNode[]): Array<{ heading: SourceLine | null; nodes: OutlineNode[] }> {
  const parts: Array<{ heading: SourceLine | null; nodes: OutlineNode[] }> = [];
  for (const node of outline) {
    if (node.startsPart || parts.length === 0) {
      let heading: SourceLine | null = null;
      const previous = parts.at(-1)?.nodes.at(-1);
      if (node.startsPart && previous) {
        const tail = lastDescendant(previous).body;
        const candidate = tail.at(-1);
        if (candidate && candidate.text.length <= maxPartHeadingLength && !/[。；;]/u.test(candidate.text)) {
          heading = tail.pop() ?? null;
        }
      }
      parts.push({ heading, nodes: [] });
    }
    parts.at(-1)?.nodes.push(node);
  }
  return parts;
}

function flatten(node: OutlineNode): string[] {
  return [node.line.text, ...node.body.map((line) => line.text), ...node.children.flatMap(flatten)];
}

/**
 * Siblings form a section group when their numbers head further lists. At the
 * top any child list makes them sections; below, most of them must have one,
 * so that an item with a few sub-points (（1）（2）) stays one item.
 */
function isSectionGroup(nodes: readonly OutlineNode[], atTop: boolean): boolean {
  const withChildren = nodes.filter((node) => node.children.length > 0).length;
  if (withChildren === 0) return false;
  return atTop || withChildren * 2 >= nodes.length;
}

export interface BuiltOutline {
  sections: Section[];
}

export function buildSections(outline: readonly OutlineNode[], planUrl: string, genre: Genre): BuiltOutline {
  const drafts: DraftItem[] = [];
  const parts = splitParts(outline);
  const multipart = parts.length > 1;

  const convert = (nodes: readonly OutlineNode[], parentPath: number[], atTop: boolean): { sections: Section[]; items: Item[] } => {
    const sections: Section[] = [];
    const items: Item[] = [];
    const asSections = isSectionGroup(nodes, atTop);
    for (const node of nodes) {
      const path = [...parentPath, node.marker.number];
      if (asSections) {
        const title = sectionTitleOf(node.marker.rest, genre);
        const afterTitle = node.marker.rest.slice(title.printed.length);
        const children = convert(node.children, path, false);
        const key = joinKey(path);
        sections.push({
          key,
          anchor: `section-${dashed(key)}`,
          label: node.marker.label,
          number: node.marker.number,
          title: title.title ?? '',
          heading: node.marker.label + title.printed,
          text: [afterTitle, ...node.body.map((line) => line.text)].filter((text) => text.length > 0).join('\n'),
          line: node.line.line,
          sections: children.sections,
          items: children.items,
        });
      } else {
        const paragraphs = [node.marker.rest, ...node.body.map((line) => line.text), ...node.children.flatMap(flatten)];
        const draft: DraftItem = { path, node, paragraphs };
        drafts.push(draft);
        // Keys and URLs are filled in once every item is known (see assignKeys).
        const lead = leadPhraseOf(node.marker.rest, genre);
        items.push({
          key: joinKey(path),
          url: planUrl,
          anchor: 'item',
          label: node.marker.label,
          number: node.marker.number,
          title: lead.title,
          heading: node.marker.label + lead.printed,
          text: paragraphs.join('\n'),
          line: node.line.line,
        });
      }
    }
    return { sections, items };
  };

  const sections: Section[] = [];
  parts.forEach((part, index) => {
    const partNumber = index + 1;
    const prefix = multipart ? [partNumber] : [];
    const converted = convert(part.nodes, prefix, true);
    const needsWrapper = multipart || converted.items.length > 0;
    if (!needsWrapper) {
      sections.push(...converted.sections);
      return;
    }
    // A second numbered list in one plan, or a flat list (1. 2. 3. with no
    // sections): an unnumbered section holds each list.
    const key = String(partNumber);
    const first = part.nodes[0] as OutlineNode;
    sections.push({
      key,
      anchor: `section-${dashed(key)}`,
      label: '',
      number: partNumber,
      title: part.heading?.text ?? '',
      heading: part.heading?.text ?? '',
      text: '',
      line: part.heading?.line ?? first.line.line,
      sections: converted.sections,
      items: converted.items,
    });
  });

  assignKeys(sections, planUrl);
  return { sections };
}

/**
 * An item's key is its own number when that is unique in the plan (numbering
 * that runs through the whole plan), else it is prefixed by as many enclosing
 * section numbers as it takes to be unique (numbering that restarts per part).
 */
function assignKeys(sections: readonly Section[], planUrl: string): void {
  const all: Array<{ item: Item; path: number[] }> = [];
  const walk = (section: Section, path: number[]): void => {
    const own = [...path, section.number];
    for (const item of section.items) all.push({ item, path: own });
    for (const child of section.sections) walk(child, own);
  };
  const topPaths = sections.map((section) => section.key.split('.').map(Number).slice(0, -1));
  sections.forEach((section, index) => walk(section, topPaths[index] ?? []));

  const longest = Math.max(0, ...all.map((entry) => entry.path.length));
  for (let prefix = 0; prefix <= longest; prefix += 1) {
    const keys = all.map((entry) => joinKey([...entry.path.slice(0, prefix), entry.item.number]));
    if (new Set(keys).size === keys.length) {
      all.forEach((entry, index) => {
        const key = keys[index] as string;
        entry.item.key = key;
        entry.item.anchor = `item-${dashed(key)}`;
        entry.item.url = `${planUrl}${dashed(key)}/`;
      });
      return;
    }
  }
  throw new Error('unreachable: full section paths always make item keys unique');
}

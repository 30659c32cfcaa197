/**
 * Structure: the parsed outline tree → the model's sections and items, with
 * lead phrases split from bodies and stable keys taken from the document's own
 * numbering.
 */
import type { Genre } from '../genre/load.ts';
import type { Item, Section } from '../../src/model/plan.ts';
import type { SourceLine } from './clean.ts';
import { isPartHeadingText, maxPartIntroLines, namesAPart, paragraphStyle, type OutlineNode } from './parse.ts';

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
export function leadPhraseOf(text: string, genre: Genre, options: { guessed?: boolean } = {}): LeadPhrase {
  const rule = genre.leadPhrase;
  // A paragraph published as an item was never written as lead phrase and body: only a printed mark ends a lead there.
  const guessed = options.guessed ?? true;
  const limit = Math.min(text.length, rule.maxLength + 1);
  // A page that ran its paragraphs together left two or more spaces where a heading's line ended (主要目标任务  抓好一个重点：…).
  const gap = /\s{2,}/u.exec(text.slice(0, limit))?.index ?? -1;
  for (let index = 0; index < limit; index += 1) {
    if (index === gap && index >= rule.minLength && !clauseBreak.test(text.slice(0, index))) return { title: text.slice(0, index), printed: text.slice(0, index) };
    if (isTerminatorAt(text, index, genre)) {
      if (index < rule.minLength) break;
      // The title without a space the writer left before the mark (…改革成果 。).
      if (!guessed) return { title: text.slice(0, index).trimEnd(), printed: text.slice(0, index + 1) };
      const runOn = runOnLeadPhrase(text.slice(0, index), text, genre);
      if (runOn) return runOn;
      return { title: text.slice(0, index).trimEnd(), printed: text.slice(0, index + 1) };
    }
  }
  const opener = guessed ? openerAt(text, text.slice(0, rule.maxLength), genre) : -1;
  if (opener > 0) {
    const phrase = text.slice(0, opener);
    if (!clauseBreak.test(phrase)) return { title: phrase, printed: phrase };
  }
  return { title: null, printed: '' };
}

const clauseBreak = /[，,、；;]/u;
const sentenceOrClauseMark = /[。；;！!？?，,、：:]/u;

/**
 * A list whose every label line is a short heading with its text right under it:
 * at least three, none longer than this, and of lengths that differ (the lines a
 * PDF's width broke are all of one length).
 */
const maxListedHeadingLine = 20;
/** How much shorter than the line under it a label line must be to show that no page's width broke it. */
const minUnbrokenMargin = 4;
const minListedHeadings = 3;
/** Labels of this rank or above (一、 1, （一） 2 in numbering.yaml) are headings by convention. */
const maxHeadingLabelRank = 2;
const minListedLengthSpread = 3;

function isListOfHeadings(siblings: readonly OutlineNode[], genre: Genre): boolean {
  if (siblings.length < minListedHeadings || !siblings.every((sibling) => isHeadingOnly(sibling, genre, maxListedHeadingLine))) return false;
  const lengths = siblings.map((sibling) => sibling.marker.rest.trim().length);
  return Math.max(...lengths) - Math.min(...lengths) >= minListedLengthSpread;
}

/** Marks a label line of clauses may carry (强化党建统领，加强…): none of a sentence's end or a colon that introduces text. */
const sentenceMark = /[。；;！!？?：:]/u;

/** A short label line without a sentence or clause mark (or, given `marks`, without those). */
function isHeadingOnly(node: OutlineNode, genre: Genre, maxLength: number, marks: RegExp = sentenceOrClauseMark): boolean {
  const line = node.marker.rest.trim();
  const rule = genre.leadPhrase;
  if (node.marker.style === paragraphStyle || line.length < rule.minLength || line.length > maxLength) return false;
  return !marks.test(line) && line === node.marker.rest;
}

/**
 * An item whose label line is a heading of its own, its text on the lines below
 * (1.深入学习习近平新时代中国特色社会主义思想 / 目标任务：…): the whole line is its lead
 * phrase, though no mark closes it. A short line without a sentence or clause mark,
 * with a blank line before its text, a numbered list or a list of ——/● entries under it; or, with
 * its text right under it, when every item of its list is printed so (1. 深化教育改革 /
 * 推动…, 2. 强化教师队伍建设 / 开展…), which a PDF's line width never does, or when the
 * line is clearly shorter than the one under it.
 */
function headingLineLead(node: OutlineNode, genre: Genre, siblings: readonly OutlineNode[] = []): LeadPhrase | null {
  const rule = genre.leadPhrase;
  // What is printed under the label line: its text, or the numbered list it heads (（一）深化理论武装 / 1.… 2.…).
  const first = node.body[0] ?? node.children[0]?.line;
  const headsList = node.body.length === 0;
  // A line that heads a numbered list was broken by its writer, not by a page's width,
  // so its clauses are the heading's too (强化党建统领，加强党对教育工作的全面领导 / 1.…).
  if (!first) return null;
  const line = node.marker.rest.trim();
  // A line a page's width broke is the longest of its paragraph: a label line clearly
  // shorter than the line under it (一、2018年全市教育工作总结 / 过去的一年，…) was not broken.
  const shorter = node.line.text.trim().length + minUnbrokenMargin <= first.text.trim().length;
  // So are the clauses of a heading's label (一、, （一）: 2. and 3、 run into their text) on a line
  // clearly shorter than its text that does not end in the middle of one
  // ((一)以创先争优为载体，扎实推进各项工作 / 按照…).
  const headingLabel = node.marker.style.rank <= maxHeadingLabelRank;
  const clauses = headsList || (headingLabel && shorter && !/[，,、《“‘（(]$/u.test(line));
  if (!isHeadingOnly(node, genre, rule.maxLength, clauses ? sentenceMark : sentenceOrClauseMark)) return null;
  const spaced = headsList || first.line > node.line.line + 1 || rule.listBullets.some((bullet) => first.text.startsWith(bullet));
  if (!spaced && !shorter && !isListOfHeadings(siblings, genre)) return null;
  return { title: line, printed: line };
}
const han = /\p{Script=Han}/u;

/** Inside an unclosed 《 or “ : a mark there belongs to the quoted title, not to the lead phrase. */
function insideQuote(text: string, index: number): boolean {
  let books = 0;
  let quotes = 0;
  for (let at = 0; at < index; at += 1) {
    const char = text[at];
    if (char === '《') books += 1;
    else if (char === '》' && books > 0) books -= 1;
    else if (char === '“') quotes += 1;
    else if (char === '”' && quotes > 0) quotes -= 1;
  }
  return books > 0 || quotes > 0;
}

function isTerminatorAt(text: string, index: number, genre: Genre): boolean {
  const char = text[index] as string;
  // https://… : the colon of an address.
  if ((char === ':' || char === '：') && text.startsWith('//', index + 1)) return false;
  // 6:4, 1：1: the colon of a ratio or a time.
  if ((char === ':' || char === '：') && /\d/u.test(text[index - 1] ?? '') && /\d/u.test(text[index + 1] ?? '')) return false;
  if (genre.leadPhrase.terminators.has(char)) return !insideQuote(text, index);
  // 教育.推进 is a mistyped 。; 1.5万 is a number.
  return genre.leadPhrase.hanTerminators.has(char) && han.test(text[index - 1] ?? '') && han.test(text[index + 1] ?? '');
}

/** Where the earliest body verb begins in `window` (a verb inside a noun phrase does not count); -1 if none. */
function openerAt(text: string, window: string, genre: Genre): number {
  const rule = genre.leadPhrase;
  let best = -1;
  for (const opener of rule.bodyOpeners) {
    let at = window.indexOf(opener, rule.minOpenerOffset);
    // "政策的实施" is a noun phrase, not a lead phrase followed by a body; nor is a verb inside a
    // title it cites (研究制定《教育强国建设规划纲要实施方案》).
    // Nor is one that continues a chain of verbs (深入学习宣传贯彻…, 坚持落实…).
    const chained = (at: number): boolean => rule.chainedVerbs.some((verb) => text.startsWith(verb, at - verb.length));
    while (at >= 0 && (rule.notBeforeOpener.has(text[at - 1] as string) || insideQuote(text, at) || chained(at))) at = window.indexOf(opener, at + 1);
    if (at >= 0 && text.length - at < rule.minBodyLength) at = -1;
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/**
 * A first sentence of several clauses whose long first clause runs from a lead
 * phrase into a body verb (加强理论武装深入学习…精神，开展…活动。): the writer
 * dropped the full stop before the verb, so the lead phrase ends there.
 */
function runOnLeadPhrase(sentence: string, text: string, genre: Genre): LeadPhrase | null {
  const clauseEnd = sentence.search(clauseBreak);
  if (clauseEnd < genre.leadPhrase.minRunOnClause) return null;
  const opener = openerAt(text, sentence.slice(0, clauseEnd), genre);
  if (opener <= 0) return null;
  const phrase = text.slice(0, opener);
  return { title: phrase, printed: phrase };
}

/** Section headings are titles themselves; a full stop inside one ends the title and starts its text. */
function sectionTitleOf(rest: string, genre: Genre): LeadPhrase {
  const stop = rest.indexOf('。');
  if (stop > 0 && stop < rest.length - 1 && stop <= genre.leadPhrase.maxLength) {
    return { title: rest.slice(0, stop), printed: rest.slice(0, stop + 1) };
  }
  // A heading that ends with its full stop (…实现高质量开局。) is titled without it, as items are.
  return { title: rest.replace(/\s*。$/u, ''), printed: rest };
}

interface DraftItem {
  path: number[];
  node: OutlineNode;
  paragraphs: string[];
}

const joinKey = (numbers: readonly number[]): string => numbers.join('.');
const dashed = (key: string): string => key.replaceAll('.', '-');

function lastDescendant(node: OutlineNode): OutlineNode {
  const last = node.children.at(-1);
  return last ? lastDescendant(last) : node;
}


function splitParts(
  outline: readonly OutlineNode[],
  firstHeading: SourceLine | null,
  firstIntro: readonly SourceLine[],
  genre: Genre,
): Array<{ heading: SourceLine | null; intro: SourceLine[]; nodes: OutlineNode[] }> {
  const parts: Array<{ heading: SourceLine | null; intro: SourceLine[]; nodes: OutlineNode[] }> = [];
  for (const node of outline) {
    if (node.startsPart || parts.length === 0) {
      let heading: SourceLine | null = parts.length === 0 ? firstHeading : null;
      let intro: SourceLine[] = parts.length === 0 ? [...firstIntro] : [];
      const previous = parts.at(-1)?.nodes.at(-1);
      if (node.startsPart && previous) {
        const tail = lastDescendant(previous).body;
        const candidate = tail.at(-1);
        // A part heading is a short unnumbered line printed right before a list that restarts at 1…
        if (candidate && isPartHeadingText(candidate.text)) {
          heading = tail.pop() ?? null;
        } else {
          // A part's heading with a paragraph of its own before its list: a heading that names the
          // part (a year and a kind: 2024年工作要点), not the last item's own short line.
          const at = tail.findLastIndex((line, index) => index >= tail.length - 1 - maxPartIntroLines && namesAPart(line.text, genre));
          if (at >= 0) {
            const [found, ...own] = tail.splice(at);
            heading = found ?? null;
            intro = own;
          }
        }
      }
      parts.push({ heading, intro, nodes: [] });
    }
    parts.at(-1)?.nodes.push(node);
  }
  return parts;
}

function flatten(node: OutlineNode): string[] {
  return [node.line.text, ...node.body.map((line) => line.text), ...node.children.flatMap(flatten)];
}

/**
 * A sub-point (（1）完善…制度； ①新建幼儿园2所；) is a short entry of a list
 * inside an item: no lead phrase closed before a body of its own.
 */
const maxSubPointLength = 60;

function isSubPoint(node: OutlineNode, genre: Genre): boolean {
  const text = [node.marker.rest, ...node.body.map((line) => line.text)].join('');
  const lead = leadPhraseOf(node.marker.rest, genre);
  const hasBody = lead.title !== null && text.length > lead.printed.length;
  return node.children.length === 0 && !hasBody && text.length <= maxSubPointLength;
}

/** A node heads a list when it has children that are more than its own sub-points. */
function headsList(node: OutlineNode, genre: Genre): boolean {
  const subPoints = node.children.filter((child) => isSubPoint(child, genre)).length;
  return node.children.length > 0 && subPoints * 2 < node.children.length;
}

/**
 * Siblings form a section group when their numbers head further lists. At the
 * top any child list makes them sections; below, most of them must head a list
 * of real items, so that items with a few sub-points (（1）（2）, ①②) stay items.
 */
function isSectionGroup(nodes: readonly OutlineNode[], atTop: boolean, genre: Genre): boolean {
  if (atTop) return nodes.some((node) => node.children.length > 0);
  const heads = nodes.filter((node) => headsList(node, genre)).length;
  return heads > 0 && heads * 2 >= nodes.length;
}

export interface BuiltOutline {
  sections: Section[];
}

/** `firstPartHeading`: the unnumbered heading printed above the first of several lists, with its own paragraph `firstPartIntro` (see parse.ts). */
export function buildSections(
  outline: readonly OutlineNode[],
  planUrl: string,
  genre: Genre,
  firstPartHeading: SourceLine | null = null,
  firstPartIntro: readonly SourceLine[] = [],
): BuiltOutline {
  const drafts: DraftItem[] = [];
  const parts = splitParts(outline, firstPartHeading, firstPartIntro, genre);
  const multipart = parts.length > 1;

  const convert = (nodes: readonly OutlineNode[], parentPath: number[], atTop: boolean): { sections: Section[]; items: Item[] } => {
    const sections: Section[] = [];
    const items: Item[] = [];
    const asSections = isSectionGroup(nodes, atTop, genre);
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
        const lead = headingLineLead(node, genre, nodes) ?? leadPhraseOf(node.marker.rest, genre, { guessed: node.marker.style !== paragraphStyle });
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
      text: part.intro.map((line) => line.text).join('\n'),
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

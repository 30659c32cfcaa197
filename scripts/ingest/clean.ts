/**
 * Clean: decoded text → normalized, numbered lines with the web page's noise
 * removed. Every removal is listed with its source line and the id of the rule
 * in scripts/genre/noise.yaml that made it, so nothing disappears silently;
 * facts printed in the noise (publish date, source, 文号, 成文日期) are kept.
 *
 * Order: normalize every line; remove inline artefacts and whole noise lines
 * anywhere; then peel page chrome off the top and bottom edges (stopping at
 * the first line that is not chrome, so the same words in the body stay), the
 * top edge also losing a page-title line and an automatic summary.
 */
import type { RemovedText } from '../../src/model/plan.ts';
import { loadNoise, type FactName, type Noise, type NoiseRule } from '../genre/load-noise.ts';
import { loadGenre } from '../genre/load.ts';
import { NormalizationCounts, normalizeLine, splitLines, withoutSpaces } from './normalize.ts';

export interface SourceLine {
  /** 1-based line in the decoded source (LF, CRLF and CR all end a line). */
  line: number;
  /** Normalized and trimmed; never empty. */
  text: string;
}

export interface CleanFacts {
  publishedOn: string | null;
  publisher: string | null;
  docNumber: string | null;
  issuedOn: string | null;
}

export interface CleanedSource {
  lines: SourceLine[];
  /** In source order (line, then position in the line). */
  removed: RemovedText[];
  facts: CleanFacts;
  /** How many changes of each kind normalization made (see normalize.ts). */
  normalized: Record<string, number>;
}

interface Entry {
  line: number;
  text: string;
  kept: boolean;
  /** Where `text` starts in the normalized line once inline pieces are gone, so removals sort in reading order. */
  column: number;
}

interface Removal extends RemovedText {
  column: number;
}

/** A value this long on the line after a bare field label is taken as that field's value. */
const maxFollowingValue = 60;
/** A summary paragraph shorter than this could repeat later text by chance. */
const minRepeatLength = 12;
/** An automatic summary is a few paragraphs; this bounds the search. */
const maxSummaryParagraphs = 8;

/** A line that ends a sentence (or a heading's clause): what a real list item follows. */
const endsSentence = /[。！？；：!?;:”」』）)]$/u;
const withoutEllipsis = (text: string): string => text.replace(/(?:\.{2,}|…+|。{3})$/u, '');
/**
 * A summary's text as compared with the body: letters and digits only, since the
 * summary a site makes drops a list label's dot and the spaces (1 深入… over 1.深入…).
 */
const wordsOf = (text: string): string => text.replace(/[^\p{L}\p{N}]+/gu, '');

function isoDate(value: string): string | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})$/u.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A disclosure table justifies its labels with spaces (索 引 号：, 文　　号：, 主 题 词：,
 * a two-character label spread to the width of a four-character one: 文      号：);
 * rules and facts are written for the label as a word, so they are matched
 * against the line with those spaces closed. What is removed is the line as printed.
 */
const spacedLabel = /(?<=^|[\s|｜【\[])(?:\p{Script=Han}\s{1,8}){1,4}\p{Script=Han}(?=\s*[:：|｜]|\s*$)/gu;
const withLabelsClosed = (text: string): string => text.replace(spacedLabel, (label) => label.replace(/\s+/gu, ''));

function readFact(name: FactName, text: string, noise: Noise): string | null {
  const value = noise.facts[name].exec(withLabelsClosed(text))?.groups?.['value']?.trim();
  if (!value) return null;
  return name === 'publishedOn' || name === 'issuedOn' ? isoDate(value) : value;
}

function fits(rule: NoiseRule, text: string): boolean {
  if (text.length > rule.maxLength) return false;
  const matched = withLabelsClosed(text);
  return rule.patterns.some((pattern) => pattern.test(matched));
}

/**
 * Whether the line after a bare field label (文号：) can be its value: a short
 * phrase, not a sentence, not the plan's title and not a notice's heading
 * (…关于印发…), which an empty field of the table is often followed by.
 */
function isFieldValue(text: string): boolean {
  return text.length <= maxFollowingValue && !/[。；！？]$/u.test(text) && !/关于/u.test(text) && !loadGenre().planTitle.pattern.test(text);
}

/** A date alone on its line, as a disclosure table's cell or a page's stamp prints it (2020-11-26). */
const bareDate = /^\d{4}-\d{1,2}-\d{1,2}$/u;

/** How long a line must be to be a whole page a counter opens, where no site's chrome shows the page is a document-sharing site's. */
const minCounterPageLength = 300;

/** How far below a page's headline the plan's title may be printed again. */
const maxRepeatedTitleDistance = 30;

/** How far down a repost's preface may reach before the line that says the document follows. */
const maxPrefaceLines = 30;

export function cleanSource(text: string): CleanedSource {
  const noise = loadNoise();
  const counts = new NormalizationCounts();
  const inlineRules = noise.rules.filter((rule) => rule.scope === 'inline');
  const lineRules = noise.rules.filter((rule) => rule.scope === 'line');
  const edgeRules = noise.rules.filter((rule) => rule.scope === 'edge');
  const blockRules = noise.rules.filter((rule) => rule.scope === 'block' && rule.block !== 'page-counters' && rule.block !== 'preface');
  const prefaceRules = noise.rules.filter((rule) => rule.block === 'preface');
  const counterRules = noise.rules.filter((rule) => rule.block === 'page-counters');

  const entries: Entry[] = [];
  splitLines(text, counts).forEach((raw, index) => {
    const normalized = normalizeLine(raw, counts);
    if (normalized.length === 0) counts.add('empty-line');
    else entries.push({ line: index + 1, text: normalized, kept: true, column: 0 });
  });

  const removed: Removal[] = [];
  const facts: CleanFacts = { publishedOn: null, publisher: null, docNumber: null, issuedOn: null };
  const takeFacts = (rule: NoiseRule, removedText: string): void => {
    for (const name of rule.facts) facts[name] ??= readFact(name, removedText, noise);
  };
  const removeLine = (entry: Entry, rule: NoiseRule): void => {
    removed.push({ line: entry.line, text: entry.text, rule: rule.id, column: entry.column });
    entry.kept = false;
  };

  // Inline artefacts: collect matches of every inline rule on the line, keep the earliest of overlapping ones.
  for (const entry of entries) {
    const hits: Array<{ start: number; end: number; rule: string }> = [];
    for (const rule of inlineRules) {
      for (const pattern of rule.patterns) {
        for (const match of entry.text.matchAll(pattern)) {
          if (match[0].length > 0) hits.push({ start: match.index, end: match.index + match[0].length, rule: rule.id });
        }
      }
    }
    if (hits.length === 0) continue;
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    let kept = '';
    let position = 0;
    let firstKept = -1;
    const keep = (start: number, end: number): void => {
      const segment = entry.text.slice(start, end);
      if (firstKept === -1 && segment.trim().length > 0) firstKept = start + segment.length - segment.trimStart().length;
      kept += segment;
    };
    for (const hit of hits) {
      if (hit.start < position) continue;
      keep(position, hit.start);
      removed.push({ line: entry.line, text: entry.text.slice(hit.start, hit.end), rule: hit.rule, column: hit.start + 1 });
      position = hit.end;
    }
    keep(position, entry.text.length);
    entry.column = firstKept + 1;
    // Normalized again: a mark that stood after a removed piece (领导(dǎo), …) now stands between characters.
    entry.text = normalizeLine(kept, new NormalizationCounts()).trim();
    if (entry.text.length === 0) entry.kept = false;
  }

  // Whole noise lines, wherever they are.
  const lineRuleOf = (entry: Entry): NoiseRule | undefined => lineRules.find((rule) => fits(rule, entry.text));
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index]!;
    if (!entry.kept) continue;
    const rule = lineRuleOf(entry);
    if (!rule) continue;
    let factText = entry.text;
    removeLine(entry, rule);
    // A disclosure table pasted cell by cell: the label alone, its value on the next line.
    if (rule.labelOnly?.test(withLabelsClosed(factText))) {
      const value = entries.slice(index + 1).find((candidate) => candidate.kept);
      // Cell by cell means line by line, a blank line at most between label and value.
      // A bare date is the label's value, though alone it would be the page's stamp.
      const isValue = value !== undefined && (!lineRuleOf(value) || bareDate.test(value.text));
      if (value && isValue && value.line <= entry.line + 2 && isFieldValue(value.text) && !rule.labelOnly.test(withLabelsClosed(value.text))) {
        // Read as one field, without the bullets and brackets around its parts (• [ 发布机构 ] / • 渝北区教委).
        const label = factText.replace(/^(?:[•·]\s?|\d{1,2}\.\s)?[【\[]?\s?/u, '').replace(/\s?[】\]]?\s?[:：]?$/u, '');
        factText = `${label}：${value.text.replace(/^[•·]\s?/u, '')}`;
        removeLine(value, rule);
      }
    }
    // A line that names the site (成都市教育局官方网站, the pattern's group `site`) takes
    // the site's name printed alone just above it, which would otherwise read as an issuer.
    const site = rule.patterns.map((pattern) => pattern.exec(withLabelsClosed(factText))?.groups?.['site']).find(Boolean);
    const above = entries.slice(0, index).findLast((candidate) => candidate.kept);
    if (site && above?.text === site) removeLine(above, rule);
    takeFacts(rule, factText);
  }

  // Page counters, on pages whose chrome shows where they come from, or that are whole pages run into a line each.
  for (const rule of counterRules) {
    const chromeShown = rule.requires.every((id) => removed.some((removal) => removal.rule === id));
    removeCounters(rule, !chromeShown);
  }

  function removeCounters(rule: NoiseRule, wholePagesOnly: boolean): void {
    const kept = entries.filter((entry) => entry.kept);
    const run: Array<{ entry: Entry; label: string }> = [];
    for (const [position, entry] of kept.entries()) {
      const match = rule.patterns.map((pattern) => pattern.exec(entry.text)).find((found) => found !== null);
      const number = Number(match?.groups?.['num']);
      if (!match || number !== run.length + 1) continue;
      const before = kept[position - 1];
      // A counter after the first breaks a sentence; a real outline's 2、 follows a finished one.
      if (number > 1 && (!before || endsSentence.test(before.text))) return;
      run.push({ entry, label: match[0] });
    }
    if (run.length < 2) return;
    // Without the site's chrome, only lines as long as a page (not an outline's 1、坚持立德树人 / 2、…).
    if (wholePagesOnly && run.slice(0, -1).some(({ entry }) => entry.text.length < minCounterPageLength)) return;
    // The site prints the file's name again where its first page starts (1、眉县…要点眉县…要点眉县…2017年…).
    const fileNames = removed
      .filter((removal) => removal.rule === 'doc-sharing')
      .flatMap((removal) => [...removal.text.matchAll(/《([^《》]{4,80}?)(?:[(（]\d{1,4}页[^)）]{0,8}[)）])?》/gu)].map((match) => match[1] as string))
      .map((name) => name.replace(/\.(?:docx?|wps|pdf|txt)$/iu, ''));
    for (const [position, { entry, label }] of run.entries()) {
      removed.push({ line: entry.line, text: label, rule: rule.id, column: entry.column });
      entry.text = entry.text.slice(label.length).trim();
      entry.column += label.length;
      // A copy goes only when another copy follows: the last one may be the plan's own title.
      const repeated = (name: string): boolean => entry.text.startsWith(name) && entry.text.slice(name.length).trimStart().startsWith(name);
      for (let name = position === 0 ? fileNames.find(repeated) : undefined; name && repeated(name); ) {
        removed.push({ line: entry.line, text: name, rule: rule.id, column: entry.column });
        entry.text = entry.text.slice(name.length).trim();
        entry.column += name.length;
      }
      // The file named as its plan starts with that title, run into the text (1、…工作计划今年是…): a line of its own.
      const title = position === 0 ? fileNames.find((name) => entry.text.startsWith(name) && entry.text.length > name.length) : undefined;
      if (title) {
        const rest: Entry = { line: entry.line, text: entry.text.slice(title.length).trim(), kept: true, column: entry.column + title.length };
        entry.text = title;
        entries.splice(entries.indexOf(entry) + 1, 0, rest);
      }
      // Past the first, a counter broke a sentence (名生培 / 2、养实现): the text after it goes on the line it broke.
      const broken = position > 0 ? entries.slice(0, entries.indexOf(entry)).findLast((each) => each.kept) : undefined;
      if (broken?.kept && entry.text.length > 0) {
        broken.text += entry.text;
        entry.text = '';
      }
      if (entry.text.length === 0) entry.kept = false;
    }
  }

  // The top edge: chrome, the page title, an automatic summary.
  const keptAfter = (index: number): Entry[] => entries.slice(index + 1).filter((entry) => entry.kept);
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index]!;
    if (!entry.kept) continue;
    const edge = edgeRules.find((rule) => fits(rule, entry.text));
    if (edge) {
      removeLine(entry, edge);
      takeFacts(edge, entry.text);
      continue;
    }
    const block = blockRules.find((rule) => fits(rule, entry.text) && removeBlock(rule, index));
    if (!block) break;
  }

  function removeBlock(rule: NoiseRule, index: number): boolean {
    const entry = entries[index]!;
    if (rule.block === 'page-title') {
      const title = withoutSpaces(entry.text);
      if (title.length < 4) return false;
      let heading = '';
      // Chrome between the page title and the printed title (分享到：, 打印) does not break the repeat.
      const printed = keptAfter(index).filter((following) => !edgeRules.some((edgeRule) => fits(edgeRule, following.text)));
      for (const following of printed.slice(0, 4)) {
        heading += withoutSpaces(following.text);
        const rest = title.slice(heading.length);
        if (!title.startsWith(heading)) break;
        // The page title may add the site's name: 标题_泰安市教育局, 标题 - 某某网.
        if (rest === '' || (/^[_\-|｜—–]/u.test(rest) && rest.length <= 25)) {
          removeLine(entry, rule);
          return true;
        }
      }
      // …or a plan's title printed again as it stands further down, below the notice (宜昌市教育局2015年工作要点 / 来源… / 现将《…》印发 / … / 宜昌市教育局2015年工作要点).
      if (loadGenre().planTitle.pattern.test(entry.text) && printed.slice(1, maxRepeatedTitleDistance).some((following) => withoutSpaces(following.text) === title)) {
        removeLine(entry, rule);
        return true;
      }
      return false;
    }
    // repeats-following: a label, then paragraphs that only repeat text printed later.
    const after = keptAfter(index);
    const offsets: number[] = [];
    let haystack = '';
    for (const following of after) {
      offsets.push(haystack.length);
      haystack += wordsOf(following.text);
    }
    const repeatsLater = (paragraph: string, from: number): boolean => {
      const needle = wordsOf(withoutEllipsis(paragraph.trim()));
      return needle.length >= minRepeatLength && haystack.indexOf(needle, offsets[from] ?? haystack.length) !== -1;
    };
    const label = rule.patterns.map((pattern) => pattern.exec(entry.text)).find((match) => match !== null);
    const rest = label ? entry.text.slice(label[0].length) : '';
    if (rest.trim().length > 0 && !repeatsLater(rest, 0)) return false;
    let taken = 0;
    while (taken < after.length && taken < maxSummaryParagraphs && repeatsLater(after[taken]!.text, taken + 1)) taken += 1;
    if (taken === 0 && rest.trim().length === 0) return false;
    removeLine(entry, rule);
    for (const paragraph of after.slice(0, taken)) removeLine(paragraph, rule);
    return true;
  }

  // A repost's own preface, up to the line that says the document follows (全文如下).
  const top = entries.filter((entry) => entry.kept).slice(0, maxPrefaceLines);
  for (const rule of prefaceRules) {
    const marker = top.findIndex((entry) => fits(rule, entry.text));
    if (marker === -1) continue;
    for (const entry of top.slice(0, marker + 1)) removeLine(entry, rule);
    break;
  }

  // The bottom edge: chrome after the text.
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index]!;
    if (!entry.kept) continue;
    const edge = edgeRules.find((rule) => fits(rule, entry.text));
    if (!edge) break;
    removeLine(entry, edge);
    takeFacts(edge, entry.text);
  }

  removed.sort((a, b) => a.line - b.line || a.column - b.column);
  for (const rule of noise.rules) {
    if (!removed.some((removal) => removal.rule === rule.id)) continue;
    for (const name of rule.voidsFacts) facts[name] = null;
  }
  return {
    lines: entries.filter((entry) => entry.kept).map((entry) => ({ line: entry.line, text: entry.text })),
    removed: removed.map(({ line, text: removedText, rule }) => ({ line, text: removedText, rule })),
    facts,
    normalized: counts.report(),
  };
}

/**
 * Normalization for parsing that keeps the text's meaning: one kind of line
 * end, one kind of space, half-width digits and Latin letters, and Chinese
 * punctuation where a writer typed the ASCII mark between Chinese characters.
 * Every change is counted by kind, so the ingest report can say what was done.
 *
 * Everything here is a single pass over the characters: a 100,000-character
 * line or a 10 MB file costs linear time.
 */

export const normalizationKinds = [
  'crlf',
  'cr',
  'nbsp',
  'ideographic-space',
  'unicode-space',
  'tab',
  'control-space',
  'zero-width',
  'fullwidth-digit',
  'fullwidth-letter',
  'halfwidth-punctuation',
  'trimmed-line',
  'empty-line',
] as const;
export type NormalizationKind = (typeof normalizationKinds)[number];

/** Counts per kind; `report` lists only kinds that happened, in a fixed order, so reports are deterministic. */
export class NormalizationCounts {
  private readonly counts = new Map<NormalizationKind, number>();

  add(kind: NormalizationKind, count = 1): void {
    if (count > 0) this.counts.set(kind, (this.counts.get(kind) ?? 0) + count);
  }

  report(): Record<string, number> {
    const result: Record<string, number> = {};
    for (const kind of normalizationKinds) {
      const count = this.counts.get(kind);
      if (count !== undefined) result[kind] = count;
    }
    return result;
  }
}

/**
 * Splits on LF, CRLF and lone CR, the line ends editors show, so line numbers
 * match what an editor sees. U+2028/2029 are not line ends here (most editors
 * do not break on them); they become spaces.
 */
export function splitLines(text: string, counts: NormalizationCounts): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) {
      lines.push(text.slice(start, index));
      start = index + 1;
    } else if (code === 0x0d) {
      lines.push(text.slice(start, index));
      if (text.charCodeAt(index + 1) === 0x0a) {
        counts.add('crlf');
        index += 1;
      } else counts.add('cr');
      start = index + 1;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

const spaceKinds = new Map<number, NormalizationKind>([
  [0x00a0, 'nbsp'],
  [0x3000, 'ideographic-space'],
  [0x0009, 'tab'],
  [0x000b, 'control-space'],
  [0x000c, 'control-space'],
  [0x1680, 'unicode-space'],
  [0x2028, 'unicode-space'],
  [0x2029, 'unicode-space'],
  [0x202f, 'unicode-space'],
  [0x205f, 'unicode-space'],
]);
for (let code = 0x2000; code <= 0x200a; code += 1) spaceKinds.set(code, 'unicode-space');

/** Invisible characters with no meaning in a plan (ZWJ/ZWNJ are left alone: they shape scripts). */
const zeroWidth = new Set([0x200b, 0x2060, 0xfeff]);

/** Han ideographs (BMP and supplementary planes). */
export const isHan = (code: number): boolean =>
  (code >= 0x4e00 && code <= 0x9fff) ||
  (code >= 0x3400 && code <= 0x4dbf) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  (code >= 0x20000 && code <= 0x3ffff);

/** Characters that make their neighbourhood Chinese text: Han, CJK and full-width punctuation, curly quotes, … and —. */
const isChineseContext = (code: number): boolean =>
  isHan(code) ||
  (code >= 0x3001 && code <= 0x303f) ||
  (code >= 0xff01 && code <= 0xffef) ||
  (code >= 0x2018 && code <= 0x201d) ||
  code === 0x2026 ||
  code === 0x2014;

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const isLatin = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

const fullWidthOf = new Map<string, string>([
  [',', '，'],
  [':', '：'],
  [';', '；'],
  ['?', '？'],
  ['!', '！'],
]);

/** Widths, spaces and invisible characters, one code point at a time. */
function normalizeCharacters(text: string, counts: NormalizationCounts): string {
  let out = '';
  let changed = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80 && code !== 0x09 && code !== 0x0b && code !== 0x0c) {
      if (changed) out += text[index];
      continue;
    }
    let replacement: string | null = null;
    const space = spaceKinds.get(code);
    if (space) {
      counts.add(space);
      replacement = ' ';
    } else if (zeroWidth.has(code)) {
      counts.add('zero-width');
      replacement = '';
    } else if (code >= 0xff10 && code <= 0xff19) {
      counts.add('fullwidth-digit');
      replacement = String.fromCharCode(code - 0xfee0);
    } else if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) {
      counts.add('fullwidth-letter');
      replacement = String.fromCharCode(code - 0xfee0);
    }
    if (replacement === null) {
      if (changed) out += text[index];
    } else {
      if (!changed) {
        out = text.slice(0, index);
        changed = true;
      }
      out += replacement;
    }
  }
  return changed ? out : text;
}

/**
 * ASCII , : ; ? ! and ( ) typed inside Chinese text become their full-width
 * forms, as the parser and the site expect. Numbers stay as they are: a mark
 * between two digits or Latin letters (1,000 · 09:28 · a:b) is never touched,
 * and "." is not converted at all (2.0, the "1." of numbering).
 */
function widenPunctuation(text: string, counts: NormalizationCounts): string {
  if (!/[,:;?!()]/u.test(text)) return text;
  const chars = Array.from(text);
  const codes = chars.map((char) => char.codePointAt(0)!);
  const length = chars.length;

  // Nearest non-space neighbours, so "建设, 将" reads like "建设,将".
  const previous = new Array<number>(length);
  const next = new Array<number>(length);
  let last = -1;
  for (let index = 0; index < length; index += 1) {
    previous[index] = last;
    if (codes[index] !== 0x20) last = codes[index]!;
  }
  last = -1;
  for (let index = length - 1; index >= 0; index -= 1) {
    next[index] = last;
    if (codes[index] !== 0x20) last = codes[index]!;
  }

  let converted = 0;
  for (let index = 0; index < length; index += 1) {
    const wide = fullWidthOf.get(chars[index]!);
    if (!wide) continue;
    const before = previous[index]!;
    const after = next[index]!;
    const chineseBefore = before !== -1 && isChineseContext(before);
    const chineseAfter = after !== -1 && isChineseContext(after);
    const convert =
      (chineseBefore && (chineseAfter || after === -1 || isDigit(after))) ||
      (chineseAfter && before !== -1 && (isDigit(before) || isLatin(before) || before === 0x25 /* % */));
    if (convert) {
      chars[index] = wide;
      converted += 1;
    }
  }

  // Brackets go in pairs so a line never ends up with （…).
  const chinesePrefix = new Array<number>(length + 1);
  const codePrefix = new Array<number>(length + 1);
  chinesePrefix[0] = 0;
  codePrefix[0] = 0;
  for (let index = 0; index < length; index += 1) {
    chinesePrefix[index + 1] = chinesePrefix[index]! + (isChineseContext(codes[index]!) ? 1 : 0);
    // Markup or code inside brackets stays exactly as written.
    codePrefix[index + 1] = codePrefix[index]! + ('<>={}\'"'.includes(chars[index]!) ? 1 : 0);
  }
  const open: number[] = [];
  for (let index = 0; index < length; index += 1) {
    const char = chars[index];
    if (char === '(' || char === '（') open.push(index);
    else if ((char === ')' || char === '）') && open.length > 0) {
      const start = open.pop()!;
      const halfOpen = chars[start] === '(';
      const halfClose = char === ')';
      if (!halfOpen && !halfClose) continue;
      const mixed = halfOpen !== halfClose;
      const inside = chinesePrefix[index]! - chinesePrefix[start + 1]! > 0 && codePrefix[index]! - codePrefix[start + 1]! === 0;
      const before = previous[start]!;
      const after = next[index]!;
      const between = before !== -1 && after !== -1 && isChineseContext(before) && isChineseContext(after);
      if (mixed || inside || between) {
        if (halfOpen) {
          chars[start] = '（';
          converted += 1;
        }
        if (halfClose) {
          chars[index] = '）';
          converted += 1;
        }
      }
    }
  }
  counts.add('halfwidth-punctuation', converted);
  return converted === 0 ? text : chars.join('');
}

/** One source line, normalized and trimmed ("" when it carries nothing). */
export function normalizeLine(text: string, counts: NormalizationCounts): string {
  const characters = normalizeCharacters(text, counts);
  const trimmed = characters.trim();
  if (trimmed.length !== characters.length && trimmed.length > 0) counts.add('trimmed-line');
  return widenPunctuation(trimmed, counts);
}

/** A text with its white space gone: how two printings of one title are compared. */
export const withoutSpaces = (text: string): string => text.replace(/\s+/gu, '');

/**
 * Single characters a space apart, three of them Han in a row: a name or title justified
 * to a line's width (河 南 省 教 育 厅, 黄 梅 县 2023 年 工 作 要 点). A number with its units
 * (2020 年 3 月 10 日) is no such run.
 */
const spacedRun = /(?<!\S)(?:\p{Script=Han}|\d{1,4})(?: (?:\p{Script=Han}|\d{1,4})){2,}(?!\S)/gu;
const unspacedRun = (run: string): string => (/\p{Script=Han} \p{Script=Han} \p{Script=Han}/u.test(run) ? withoutSpaces(run) : run);

/**
 * A line set in spaced type (北 京 市 教 育 委 员 会), read as the word it spells, also
 * where it stands beside other words (中共河南省委高校工委 河 南 省 教 育 厅); any other
 * text with its runs of white space made one space.
 */
export function unspacedType(text: string): string {
  const collapsed = text.replace(/\s+/gu, ' ').trim();
  if (/^\p{Script=Han}(?: \p{Script=Han})+$/u.test(collapsed)) return withoutSpaces(collapsed);
  return collapsed.replace(spacedRun, unspacedRun);
}

/**
 * jieba (nodejieba) loaded with only the part of its dictionary that the texts to
 * be cut can use. Loading the whole dictionary (349,000 words) takes 2–3 s on a
 * small machine, and every process that cuts paid it: a build's ingest and its
 * enrich each, even to re-read one edited plan.
 *
 * jieba's best cut of a text depends only on the dictionary words found inside
 * it, their weights log(freq / sum of all freqs), and the least weight (which a
 * character no word covers gets). So the words found inside the texts, plus two
 * placeholder entries that keep the sum and the least frequency, cut those texts
 * exactly as the whole dictionary does; user words that carry no frequency get
 * the whole dictionary's median, written out. test/ingest/jieba.test.ts compares
 * the two on every bundled plan. Past a few loads or many characters the whole
 * dictionary is loaded once instead, as scanning would then cost more than it saves.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Segmenter {
  /** The text cut into words, in order; joined they give the text back. */
  cut(text: string): string[];
  /** Names texts that will be cut, whole or in pieces, so that one load serves them all. */
  prepare(texts: Iterable<string>): void;
  /** What is loaded now, for tests and reports: the number of dictionary words, or 'whole'. */
  dictionary(): number | 'whole' | 'none';
}

export interface SegmenterOptions {
  /** Words to keep whole that jieba's dictionary lacks, at a frequency that wins over splits; words it has are left to it. */
  userWords?: readonly string[];
  /** Also jieba's own small user dictionary, which nodejieba loads when given none. */
  shippedUserDictionary?: boolean;
  /** Always the whole dictionary (a reference for tests). */
  whole?: boolean;
}

interface Nodejieba {
  DEFAULT_DICT: string;
  DEFAULT_USER_DICT: string;
  load(options: { dict?: string; userDict?: string; idfDict?: string }): void;
  cut(text: string): string[];
}

let library: Nodejieba | null = null;

function nodejieba(): Nodejieba {
  // Resolved from the working folder, so the bundled parser (kept in a cache folder) finds it too.
  library ??= createRequire(join(process.cwd(), 'package.json'))('nodejieba') as Nodejieba;
  return library;
}

/**
 * High enough that jieba keeps a user word whole against any split into
 * dictionary words (县中建设 → 县中/建设, not 县/中/建设), low enough that
 * it does not glue a user word to its neighbours.
 */
const userWordFrequency = 100000;

/**
 * Past these, the whole dictionary is loaded once instead: each subset costs a
 * scan of its texts (0.1–0.5 s) and a load that grows with the words kept,
 * against 2–3 s for the whole.
 */
const subsetCharacterBudget = 300_000;
const subsetLoadBudget = 12;
const subsetWordBudget = 60_000;

/** Texts up to this long are scanned by a pass over the dictionary; longer ones (or any, once it exists) through an index of it. */
const passCharacters = 20_000;

/** The longest word a scan looks for: jieba's shipped dictionary has none longer, which reading it checks. */
const longestWord = 16;

/** Entries no text can contain (Unicode noncharacters), that carry the frequency the subset leaves out. */
const placeholders = ['\uFFFE\uFFFF', '\uFFFF\uFFFE'] as const;

interface Totals {
  sum: number;
  least: number;
  median: number;
  /** Every frequency is a whole number (so sums are exact in any order) and no word is longer than longestWord. */
  subsetsExact: boolean;
}

/** jieba's dictionary ("word freq tag" a line), read once a process. */
let dictionaryText: string | null = null;
let totals: Totals | null = null;
/** Each word with where its line starts, made when a long text is first scanned. */
let index: Map<string, number> | null = null;

function shippedDictionary(): string {
  dictionaryText ??= readFileSync(nodejieba().DEFAULT_DICT, 'utf8');
  return dictionaryText;
}

/** Calls `visit` with each line's word and where the line starts and its word ends. */
function eachLine(visit: (word: string, start: number, space: number) => void): void {
  const text = shippedDictionary();
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const space = text.indexOf(' ', at);
    if (space > at && space < end) visit(text.slice(at, space), at, space);
    at = end + 1;
  }
}

const frequencyAt = (space: number): number => {
  const text = shippedDictionary();
  let end = space + 1;
  for (let code = text.charCodeAt(end); end < text.length && code !== 32 && code !== 10 && code !== 13; code = text.charCodeAt(end)) end += 1;
  return Number(text.slice(space + 1, end));
};

function lineAt(start: number): string {
  const text = shippedDictionary();
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/u, '');
}

function dictionaryTotals(): Totals {
  if (totals) return totals;
  const all: number[] = [];
  let sum = 0;
  let subsetsExact = true;
  eachLine((word, _start, space) => {
    const frequency = frequencyAt(space);
    all.push(frequency);
    sum += frequency;
    if (!Number.isInteger(frequency) || word.length > longestWord) subsetsExact = false;
  });
  const sorted = Float64Array.from(all).sort();
  totals = { sum, least: sorted[0] ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0, subsetsExact };
  return totals;
}

/** Where the lines of the dictionary's words among `wanted` start, in one pass. */
function linesOf(wanted: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>();
  if (index) {
    for (const word of wanted) {
      const start = index.get(word);
      if (start !== undefined) found.set(word, start);
    }
    return found;
  }
  if (wanted.size > 0) eachLine((word, start) => wanted.has(word) && found.set(word, start));
  return found;
}

/** The dictionary words inside the texts, with where their lines start. */
function wordsInside(texts: readonly string[]): Map<string, number> {
  const characters = texts.reduce((total, text) => total + text.length, 0);
  if (index === null && characters <= passCharacters) {
    const pieces = new Set<string>();
    for (const text of texts) forEachPiece(text, (piece) => pieces.add(piece));
    return linesOf(pieces);
  }
  if (index === null) {
    const made = new Map<string, number>();
    eachLine((word, start) => made.set(word, start));
    index = made;
  }
  const words = index;
  const found = new Map<string, number>();
  for (const text of texts) {
    forEachPiece(text, (piece) => {
      const start = words.get(piece);
      if (start !== undefined) found.set(piece, start);
    });
  }
  return found;
}

/** Every substring of `text` as long as a word can be. */
function forEachPiece(text: string, visit: (piece: string) => void): void {
  for (let start = 0; start < text.length; start += 1) {
    const last = Math.min(text.length, start + longestWord);
    for (let end = start + 1; end <= last; end += 1) visit(text.slice(start, end));
  }
}

/** The process's one jieba is shared by every segmenter (and by the bundled parser's copy of this module). */
const loadedKey = Symbol.for('plan-atlas.jieba.loaded');
const shared = globalThis as { [loadedKey]?: string };

function load(key: string, dictionaryText: string | null, userText: string): void {
  if (shared[loadedKey] === key) return;
  const folder = mkdtempSync(join(tmpdir(), 'plan-atlas-jieba-'));
  try {
    const userDict = join(folder, 'user.utf8');
    writeFileSync(userDict, userText);
    // jieba.load also builds a keyword extractor from a 6 MB IDF table; only cut is used, so it gets a table of one word.
    const idfDict = join(folder, 'idf.utf8');
    writeFileSync(idfDict, '教育 1.0\n');
    let dict: string | undefined;
    if (dictionaryText !== null) {
      dict = join(folder, 'dict.utf8');
      writeFileSync(dict, dictionaryText);
    }
    // jieba reads the files while it loads, so they can go as soon as it returns.
    nodejieba().load({ ...(dict === undefined ? {} : { dict }), userDict, idfDict });
    shared[loadedKey] = key;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function createSegmenter(options: SegmenterOptions = {}): Segmenter {
  let whole = options.whole === true;
  let userText: string | null = null;
  const userWords = [...new Set((options.userWords ?? []).map((word) => word.trim()).filter((word) => word.length > 0 && !/\s/u.test(word)))].sort();
  const prepared: string[] = [];
  const kept = new Map<string, string>();
  let keptSum = 0;
  let characters = 0;
  let loads = 0;
  let loadedHere: number | 'whole' | 'none' = 'none';
  /** What to load, made again only when `prepare` adds words or gives up on subsets. */
  let wanted: { key: string; dictionaryText: string | null; words: number | 'whole' } | null = null;

  /** User dictionary lines: the shipped ones with the median frequency written out, then the caller's words. */
  const userLines = (): string => {
    if (userText !== null) return userText;
    const { median } = dictionaryTotals();
    const known = linesOf(new Set(userWords));
    const lines: string[] = [];
    if (options.shippedUserDictionary) {
      for (const line of readFileSync(nodejieba().DEFAULT_USER_DICT, 'utf8').split(/\r?\n/u)) {
        const fields = line.split(' ');
        if (fields[0] === undefined || fields[0] === '') continue;
        lines.push(fields.length >= 3 ? line : `${fields[0]} ${median} ${fields[1] ?? 'x'}`);
      }
    }
    // Only words jieba's dictionary lacks: re-adding a common word (小学) at a user
    // word's high frequency would make it win where it should not (全县中小学 → 全/县中/小学).
    for (const word of userWords) if (!known.has(word)) lines.push(`${word} ${userWordFrequency} n`);
    userText = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    return userText;
  };

  const covered = (text: string): boolean => prepared.some((each) => each.includes(text));

  const segmenter: Segmenter = {
    prepare(texts) {
      if (whole) return;
      const fresh = [...new Set(texts)].filter((text) => text.length > 0 && !covered(text));
      if (fresh.length === 0) return;
      characters += fresh.reduce((total, text) => total + text.length, 0);
      loads += 1;
      if (characters > subsetCharacterBudget || loads > subsetLoadBudget || fresh.some((text) => placeholders.some((mark) => text.includes(mark)))) {
        whole = true;
        return;
      }
      const info = dictionaryTotals();
      for (const [word, start] of wordsInside(fresh)) {
        if (kept.has(word)) continue;
        kept.set(word, lineAt(start));
        keptSum += frequencyAt(start + word.length);
        wanted = null;
      }
      // The placeholder carrying the rest must have a frequency above zero.
      if (!info.subsetsExact || kept.size > subsetWordBudget || info.sum - keptSum - info.least <= 0) whole = true;
      else prepared.push(...fresh);
    },
    cut(text) {
      if (!whole && !covered(text)) segmenter.prepare([text]);
      if (wanted === null || (whole && wanted.words !== 'whole')) {
        const users = userLines();
        if (whole) {
          wanted = { key: `whole\0${digest(users)}`, dictionaryText: null, words: 'whole' };
        } else {
          const { sum, least } = dictionaryTotals();
          const lines = [...kept.values(), `${placeholders[0]} ${least} x`, `${placeholders[1]} ${sum - keptSum - least} x`];
          const dictionaryText = `${lines.join('\n')}\n`;
          wanted = { key: `${digest(dictionaryText)}\0${digest(users)}`, dictionaryText, words: kept.size };
        }
      }
      load(wanted.key, wanted.dictionaryText, userLines());
      loadedHere = wanted.words;
      return nodejieba().cut(text);
    },
    dictionary: () => loadedHere,
  };
  return segmenter;
}

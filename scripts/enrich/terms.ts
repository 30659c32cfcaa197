/**
 * Policy terms: phrases the plans print in “” (县管校聘, 五项管理, 双减 …) and the
 * terms of the domain dictionary. Occurrences are found with one many-pattern
 * scan per text and kept only where they are words of the text as jieba cut it,
 * so 县中 is found in 加大县中建设 but not in 全县中小学.
 */
import { createMatcher, type Match, type Matcher } from '../../src/model/matcher.ts';

/** Between “ and ”: a short phrase, no sentence punctuation, some Chinese. */
const quotedPattern = /“([^“”\n]{2,16})”/g;
const sentencePunctuation = /[，。；：！？、,.;:!?《》\s]/u;
const han = /\p{Script=Han}/u;
/** “五个”, “七一”: numbers, not terms. */
const numeralsOnly = /^[一二三四五六七八九十百千两〇零0-9]+个?$/u;

export function normalizeTerm(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

export function findQuotedTerms(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(quotedPattern)) {
    const phrase = match[1]!;
    if (sentencePunctuation.test(phrase) || !han.test(phrase) || numeralsOnly.test(phrase)) continue;
    const term = normalizeTerm(phrase);
    if (term.length >= 2) found.push(term);
  }
  return found;
}

/** Offsets where jieba's words start, and the end of each word by its start. */
export interface WordBounds {
  starts: ReadonlySet<number>;
  /** For every offset, the start of the word containing it. */
  wordStartAt: readonly number[];
  /** For every offset, the end of the word containing it. */
  wordEndAt: readonly number[];
}

export function wordBounds(words: readonly string[]): WordBounds {
  const starts = new Set<number>();
  const wordStartAt: number[] = [];
  const wordEndAt: number[] = [];
  let offset = 0;
  for (const word of words) {
    starts.add(offset);
    for (let index = 0; index < word.length; index += 1) {
      wordStartAt.push(offset);
      wordEndAt.push(offset + word.length);
    }
    offset += word.length;
  }
  starts.add(offset);
  return { starts, wordStartAt, wordEndAt };
}

/**
 * A term occurs where it starts a word and ends at a word's end or inside that
 * same first word (普惠 in 普惠性 counts; 县中 across 全县|中小学 does not).
 */
export function isWordMatch(match: Pick<Match, 'start' | 'end'>, bounds: WordBounds): boolean {
  if (!bounds.starts.has(match.start)) return false;
  if (bounds.starts.has(match.end)) return true;
  return bounds.wordStartAt[match.end - 1] === match.start;
}

/** The words a rejected match cuts through: what the linker must treat as plain text. */
export function blockerOf(text: string, match: Pick<Match, 'start' | 'end'>, bounds: WordBounds): string {
  const start = bounds.wordStartAt[match.start] ?? match.start;
  const end = bounds.wordEndAt[match.end - 1] ?? match.end;
  return text.slice(start, end);
}

export interface TermFinder {
  readonly terms: readonly string[];
  /** Word-aligned occurrences of every term in a text, and the blockers met on the way. */
  find(text: string, words: readonly string[]): { counts: Map<string, number>; blockers: Set<string> };
}

export function createTermFinder(terms: readonly string[]): TermFinder {
  const sorted = [...new Set(terms)].sort();
  const matcher: Matcher = createMatcher(sorted);
  return {
    terms: sorted,
    find(text, words) {
      const counts = new Map<string, number>();
      const blockers = new Set<string>();
      const matches = matcher.all(text);
      if (matches.length === 0) return { counts, blockers };
      const bounds = wordBounds(words);
      for (const match of matches) {
        const term = sorted[match.pattern]!;
        if (isWordMatch(match, bounds)) counts.set(term, (counts.get(term) ?? 0) + 1);
        else blockers.add(blockerOf(text, match, bounds));
      }
      return { counts, blockers };
    },
  };
}

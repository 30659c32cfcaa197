/**
 * The words Plan Atlas gives Pagefind, shared by the index step and the browser.
 *
 * Pagefind segments Chinese with jieba when indexing but with Intl.Segmenter when
 * querying (a limitation of Pagefind), so a query often looks up words the index never
 * stored. We sidestep both segmenters: every Han character becomes one ASCII token
 * that names it together with the next Han character (a character bigram), or alone
 * when it ends a run of Han text. Neither segmenter ever sees Chinese, so index and
 * query agree by construction, and:
 *   - a query of two or more Han characters is the exact phrase of its bigrams;
 *   - a query of one Han character is a prefix of its bigrams (Pagefind matches
 *     prefixes), so "containing the character" is exactly what is found.
 * Latin letters and digits stay words of their own, marked so they never collide
 * with a character code.
 *
 * Each Han character is its code point in base 36, four digits wide (the Han blocks
 * end below 36^4), behind the marker "c"; a word gets the marker "w".
 */

const hanMarker = 'c';
const wordMarker = 'w';
const codeWidth = 4;

const han = /\p{Script=Han}/u;
const wordChar = /[\p{L}\p{N}]/u;

/** What both sides compare: full-width forms folded (ＡＢ１ → ab1), case folded. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function code(char: string): string {
  return (char.codePointAt(0) ?? 0).toString(36).padStart(codeWidth, '0');
}

export function isHan(char: string): boolean {
  return han.test(char);
}

type Piece = { kind: 'han'; chars: string[] } | { kind: 'word'; text: string };

/** Runs of Han characters and Latin/digit words; anything else only separates them. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let current: Piece | null = null;
  for (const char of normalizeText(text)) {
    const kind = isHan(char) ? 'han' : wordChar.test(char) ? 'word' : null;
    if (kind === null) {
      current = null;
      continue;
    }
    if (current !== null && current.kind === kind) {
      if (current.kind === 'han') current.chars.push(char);
      else current.text += char;
      continue;
    }
    current = kind === 'han' ? { kind, chars: [char] } : { kind, text: char };
    out.push(current);
  }
  return out;
}

/** The tokens of indexed text, one per Han character and one per word, in order. */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const piece of pieces(text)) {
    if (piece.kind === 'word') {
      out.push(wordMarker + piece.text);
      continue;
    }
    const { chars } = piece;
    for (let i = 0; i < chars.length; i++) {
      const next = chars[i + 1];
      out.push(hanMarker + code(chars[i]!) + (next === undefined ? '' : code(next)));
    }
  }
  return out;
}

/**
 * How to find one query term (no spaces). `tokens` are consecutive positions in
 * the index; when `prefix` is set the last token must match as a prefix, which
 * Pagefind's exact-phrase mode cannot do, so such a term is searched without it
 * and the hits are checked against the text (see query.ts).
 */
export interface TermPlan {
  /** The term as compared with the text: normalized, punctuation removed. */
  text: string;
  tokens: string[];
  prefix: boolean;
}

/**
 * Query terms: split at spaces and at punctuation (Ctrl+F would need the exact
 * punctuation; a reader who types 双减、五项管理 means both terms).
 */
export function queryTerms(query: string): string[] {
  return normalizeText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0);
}

export function planTerm(term: string): TermPlan {
  const parts = pieces(term);
  const tokens: string[] = [];
  let prefix = false;
  parts.forEach((piece, index) => {
    const last = index === parts.length - 1;
    if (piece.kind === 'word') {
      tokens.push(wordMarker + piece.text);
      // Ctrl+F finds "5" in "5G": a word that ends the term may continue in the text.
      if (last) prefix = true;
      return;
    }
    const { chars } = piece;
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(hanMarker + code(chars[i]!) + code(chars[i + 1]!));
    if (!last) {
      // The run ends inside the term, so it ends in the text too: its last token stands alone.
      tokens.push(hanMarker + code(chars[chars.length - 1]!));
    } else if (chars.length === 1) {
      tokens.push(hanMarker + code(chars[0]!));
      prefix = true;
    }
  });
  return { text: parts.map((p) => (p.kind === 'han' ? p.chars.join('') : p.text)).join(''), tokens, prefix };
}

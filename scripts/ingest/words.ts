/**
 * Whether a span of running text sits inside an ordinary word: 利通 in 顺利通过,
 * 安顺 in 平安顺利, 上党 in 上党课, 海棠 in 海棠花红. Read from jieba's dictionary of
 * common words (the one nodejieba ships): a common word that overlaps the span
 * without lying inside it, and is not itself the span, says the span is part of
 * other words. The dictionary is read only when a document needs it (a short
 * place name with nothing around it that makes it a name), as few do.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Words seen fewer times than this in jieba's corpus are too rare to speak for a reading. */
const minFrequency = 3;
const maxWordLength = 4;

let words: ReadonlySet<string> | null = null;

function commonWords(): ReadonlySet<string> {
  if (words) return words;
  // Resolved from the working folder, so the bundled parser (kept in a cache folder) finds it too.
  const require = createRequire(join(process.cwd(), 'package.json'));
  const file = (require('nodejieba') as { DEFAULT_DICT: string }).DEFAULT_DICT;
  const loaded = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, frequency] = line.split(' ');
    if (word && word.length >= 2 && word.length <= maxWordLength && Number(frequency) >= minFrequency) loaded.add(word);
  }
  words = loaded;
  return words;
}

/**
 * True when a common word overlaps text[start, end) but is neither inside it nor
 * ends with it: a word that ends with the span names it (首都北京, 魅力泰安), one
 * that crosses it or runs on past it (顺利通过, 海棠花) does not.
 */
export function isInsideWord(text: string, start: number, end: number, isName: (word: string) => boolean = () => false): boolean {
  const dictionary = commonWords();
  for (let from = Math.max(0, start - maxWordLength + 1); from < end; from += 1) {
    for (let to = Math.max(from + 2, start + 1); to <= Math.min(text.length, from + maxWordLength); to += 1) {
      if (to <= start || (from >= start && to <= end) || to === end) continue;
      const word = text.slice(from, to);
      if (dictionary.has(word) && !isName(word)) return true;
    }
  }
  return false;
}

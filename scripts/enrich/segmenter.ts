/**
 * Word segmentation with jieba (nodejieba 3), the one impure piece of enrichment:
 * jieba is a process-wide native library that reads its user dictionary from a
 * file. The rest of the stage sees only the Segmenter interface, so tests can
 * hand it a fake and the scoring stays a pure function of its tokens.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jieba from 'nodejieba';
import { writeFileAtomic } from '../ingest/output.ts';

export interface Segmenter {
  /** The text cut into words, in order; joined they give the text back. */
  cut(text: string): string[];
}

/**
 * High enough that jieba keeps a user word whole against any split into
 * dictionary words (县中建设 → 县中/建设, not 县/中/建设), low enough that
 * it does not glue a user word to its neighbours.
 */
const userWordFrequency = 100000;

let loadedDictionary: string | null = null;

/**
 * Jieba with the given words (taxonomy signal terms, policy terms) added to its
 * dictionary. Loading is idempotent: the same words give the same file and no reload.
 */
let defaultWords: ReadonlySet<string> | null = null;

/** The words of jieba's own dictionary (one "word freq tag" a line; DEFAULT_DICT is exported but not typed). */
function jiebaWords(): ReadonlySet<string> {
  defaultWords ??= new Set(
    readFileSync((jieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT, 'utf8')
      .split('\n')
      .map((line) => line.slice(0, line.indexOf(' ')))
      .filter(Boolean),
  );
  return defaultWords;
}

export function createJiebaSegmenter(userWords: readonly string[]): Segmenter {
  // Only words jieba's dictionary lacks: re-adding a common word (小学) at a user
  // word's high frequency would make it win where it should not
  // (全县中小学 → 全/县中/小学).
  const known = jiebaWords();
  const words = [...new Set(userWords.map((word) => word.trim()).filter((word) => word.length > 0 && !/\s/.test(word)))]
    .filter((word) => !known.has(word))
    .sort();
  const text = words.map((word) => `${word} ${userWordFrequency} n`).join('\n') + '\n';
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const directory = join(tmpdir(), 'plan-atlas-jieba');
  const file = join(directory, `user-${hash}.utf8`);
  // jieba.load also builds a keyword extractor from a 6 MB IDF table, 0.12 s of
  // loading; only cut is used, so it gets a table of one word.
  const idfFile = join(directory, 'idf-unused.utf8');
  const load = (): void => {
    jieba.load({ userDict: file, idfDict: idfFile });
    loadedDictionary = file;
  };
  if (loadedDictionary !== file) {
    mkdirSync(directory, { recursive: true });
    // Atomic: test workers and builds may load the same files at once.
    writeFileAtomic(file, text);
    writeFileAtomic(idfFile, '教育 1.0\n');
    load();
  }
  return {
    cut(input: string): string[] {
      if (loadedDictionary !== file) load();
      return jieba.cut(input);
    },
  };
}

/**
 * Word segmentation for enrichment: jieba (./../ingest/jieba.ts) with the words it
 * must keep whole (taxonomy signal terms, policy terms) added to its dictionary.
 * jieba is a process-wide native library, the one impure piece of enrichment; the
 * rest of the stage sees only the Segmenter interface, so tests can hand it a fake
 * and the scoring stays a pure function of its tokens.
 */
import { createSegmenter } from '../ingest/jieba.ts';

export interface Segmenter {
  /** The text cut into words, in order; joined they give the text back. */
  cut(text: string): string[];
}

/** jieba keeping `userWords` whole; `texts`, when known, are what it will cut, so one load serves them all. */
export function createJiebaSegmenter(userWords: readonly string[], texts: Iterable<string> = []): Segmenter {
  const segmenter = createSegmenter({ userWords });
  segmenter.prepare(texts);
  return segmenter;
}

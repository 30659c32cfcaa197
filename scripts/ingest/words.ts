/**
 * Whether a span of running text sits inside ordinary words: 利通 in 顺利通过,
 * 安顺 in 平安顺利, 上党 in 上党课, 海棠 in 海棠花红. Read from jieba's segmentation
 * (nodejieba, with the dictionary it ships) of the clause around the span: a name
 * stands when the words begin and end where it does (对/内蒙古/重要讲话,
 * 推动/和顺/教育) or a word ends with it after a word (首都北京); it does not when a word
 * crosses either edge (顺利/通过). Segmenting, not a dictionary look-up, lets the
 * likelier reading win: 对内 is a word, but not in 对内蒙古. jieba is loaded only
 * when a document needs it (a short place name with nothing around it that makes
 * it a name), as few do, and then with only the words of its dictionary that the
 * text holds (./jieba.ts).
 */
import { createSegmenter, type Segmenter } from './jieba.ts';

let segmenter: Segmenter | null = null;

/** jieba as nodejieba loads it by default (its dictionary and its own small user dictionary), made when first needed. */
function jieba(): Segmenter {
  segmenter ??= createSegmenter({ shippedUserDictionary: true });
  return segmenter;
}

/** How far the clause around a span reaches each way; segmentation is local, and a long window costs time. */
const reach = 16;
const clauseBreak = /[\s，。、；：！？,.;:!?“”"‘’'（）()《》〈〉【】[\]]/u;

function clauseAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && start - from < reach && !clauseBreak.test(text[from - 1] as string)) from -= 1;
  let to = end;
  while (to < text.length && to - end < reach && !clauseBreak.test(text[to] as string)) to += 1;
  return { from, to };
}

function isWord(text: string): boolean {
  return text.length >= 2 && jieba().cut(text).length === 1;
}

/** True when text[start, end) is read as part of other words, not as a word of its own. */
export function isInsideWord(text: string, start: number, end: number): boolean {
  // Every cut below is of a piece of text: one dictionary load serves them all.
  jieba().prepare([text]);
  const { from, to } = clauseAround(text, start, end);
  let at = from;
  let startsWord = false;
  for (const token of jieba().cut(text.slice(from, to))) {
    const tokenEnd = at + token.length;
    if (at === start) startsWord = true;
    // 首都北京: a word that ends with the span names it when what comes before is a
    // word of its own (首都); 示范县 does not name 范县.
    if (tokenEnd === end) return !(startsWord || (at < start && isWord(text.slice(at, start))));
    if (tokenEnd > end) break;
    at = tokenEnd;
  }
  return true;
}

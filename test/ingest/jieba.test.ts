/**
 * jieba loaded with only the dictionary words a text holds cuts that text exactly
 * as with its whole dictionary: on every bundled plan and a sample of the genre
 * corpus, with jieba's own user words and with enrichment's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSegmenter, type SegmenterOptions } from '../../scripts/ingest/jieba.ts';
import { loadTaxonomy, signalTerms } from '../../scripts/enrich/taxonomy.ts';
import { loadPolicyTerms } from '../../src/model/search/dictionary.ts';

const sources = join('content', 'sources');
const corpus = join('test', 'corpus', 'plans');
const texts = [
  ...readdirSync(sources).filter((name) => name.endsWith('.txt')).map((name) => readFileSync(join(sources, name), 'utf8')),
  // Every fifth excerpt of the genre corpus, noise and all.
  ...readdirSync(corpus).filter((name) => name.endsWith('.txt')).sort().filter((_, index) => index % 5 === 0).map((name) => readFileSync(join(corpus, name), 'utf8')),
];
const linesOf = (text: string): string[] => text.split(/\r?\n/u).filter((line) => line.trim() !== '');

function compareWithWhole(options: SegmenterOptions): void {
  const whole = createSegmenter({ ...options, whole: true });
  const expected = texts.map((text) => linesOf(text).map((line) => whole.cut(line)));
  expect(whole.dictionary()).toBe('whole');
  let subsets = 0;
  for (const [index, text] of texts.entries()) {
    const part = createSegmenter(options);
    part.prepare([text]);
    const cuts = linesOf(text).map((line) => part.cut(line));
    expect(cuts, `text ${index}: ${text.slice(0, 30)}`).toEqual(expected[index]);
    const loaded = part.dictionary();
    if (typeof loaded === 'number') {
      subsets += 1;
      // A plan holds a few thousand of the dictionary's 349,000 words.
      expect(loaded).toBeLessThan(10_000);
    }
  }
  // Every text here is short enough for a subset.
  expect(subsets).toBe(texts.length);
}

describe('jieba with only the dictionary words a text holds', () => {
  it('has texts to compare: the bundled plans and a sample of the corpus', () => {
    expect(texts.length).toBeGreaterThan(30);
  });

  it('cuts every line as the whole dictionary does, with jieba’s own user words (the ingest’s jieba)', () => {
    compareWithWhole({ shippedUserDictionary: true });
  }, 120_000);

  it('cuts every line as the whole dictionary does, with enrichment’s user words', () => {
    const userWords = [...signalTerms(loadTaxonomy()), ...loadPolicyTerms().map((entry) => entry.term)];
    expect(userWords.length).toBeGreaterThan(100);
    compareWithWhole({ userWords });
  }, 120_000);

  it('cuts as the whole dictionary does when many texts are scanned at once, through an index of it', () => {
    const bundled = texts.slice(0, 5);
    const whole = createSegmenter({ whole: true });
    const expected = bundled.map((text) => linesOf(text).map((line) => whole.cut(line)));
    const part = createSegmenter();
    part.prepare(bundled);
    expect(bundled.map((text) => linesOf(text).map((line) => part.cut(line)))).toEqual(expected);
    expect(part.dictionary()).toBeTypeOf('number');
  }, 60_000);

  it('keeps a user word whole, but leaves a word the dictionary has at its own frequency', () => {
    const segmenter = createSegmenter({ userWords: ['县中', '小学', '县管校聘'] });
    expect(segmenter.cut('全面推进县管校聘改革')).toContain('县管校聘');
    expect(segmenter.cut('推进县中建设')).toContain('县中');
    // 小学 re-added at a user word's frequency would give 全/县中/小学.
    expect(segmenter.cut('全县中小学')).not.toContain('县中');
  });

  it('cuts a text it was not told of, by scanning it then', () => {
    const segmenter = createSegmenter();
    segmenter.prepare(['推进学前教育普及普惠']);
    expect(segmenter.cut('推进学前教育普及普惠')).toEqual(createSegmenter({ whole: true }).cut('推进学前教育普及普惠'));
    expect(segmenter.cut('深化新时代教育评价改革')).toEqual(createSegmenter({ whole: true }).cut('深化新时代教育评价改革'));
    expect(segmenter.dictionary()).toBeTypeOf('number');
  });

  it('loads the whole dictionary once the texts are many or long', () => {
    const many = createSegmenter();
    for (let load = 0; load < 13; load += 1) many.cut(`第${load}项工作`);
    expect(many.dictionary()).toBe('whole');
    const long = createSegmenter();
    // Over the 300,000 characters past which scanning would cost more than the whole load.
    const joined = texts.join('\n');
    long.prepare([joined.repeat(Math.ceil(300_001 / joined.length))]);
    long.cut('教育');
    expect(long.dictionary()).toBe('whole');
  });
});

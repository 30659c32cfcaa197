/**
 * Readable pinyin slugs, the first segments of every URL: 泰安 → taian,
 * 台儿庄 → taierzhuang. Lowercase, no tones, no separators; ü is written v
 * (吕梁 → lvliang), as in the pinyin input method, so slugs stay ASCII.
 */
import { createRequire } from 'node:module';
import { loadRegionGenre } from '../genre/regions.ts';

const hanCharacter = /\p{Script=Han}/u;

/** pinyin-pro, loaded on first use: a run that reads the divisions from its cache never needs it. */
let pinyinModule: typeof import('pinyin-pro') | null = null;
export function pinyinSyllables(text: string): string[] {
  pinyinModule ??= createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
  return pinyinModule.pinyin(text, { toneType: 'none', type: 'array', v: true });
}

/** Pinyin of a run of Chinese characters, with place-name readings pinyin-pro's context misses. */
function syllables(run: string, readings: ReadonlyArray<readonly [string, readonly string[]]>): string[] {
  const result: string[] = [];
  let pending = '';
  const flush = (): void => {
    // The run goes to pinyin-pro whole so it can read polyphones in context (重庆 → chongqing).
    if (pending) result.push(...pinyinSyllables(pending));
    pending = '';
  };
  let index = 0;
  while (index < run.length) {
    const reading = readings.find(([key]) => run.startsWith(key, index));
    if (reading) {
      flush();
      result.push(...reading[1]);
      index += reading[0].length;
    } else {
      pending += run[index];
      index += 1;
    }
  }
  flush();
  return result;
}

export function pinyinSlug(chinese: string): string {
  const { readings } = loadRegionGenre();
  let slug = '';
  let run = '';
  for (const character of chinese) {
    if (hanCharacter.test(character)) {
      run += character;
      continue;
    }
    if (run) slug += syllables(run, readings).join('');
    run = '';
    if (/[A-Za-z0-9]/u.test(character)) slug += character.toLowerCase();
  }
  if (run) slug += syllables(run, readings).join('');
  // pinyin-pro passes through what it cannot read; a slug keeps only [a-z0-9].
  return slug.toLowerCase().replace(/[^a-z0-9]/gu, '');
}

/** Reads the numbers printed in outline labels: 12, 十二, ⑫, ㈡, ⑵, ⒉. */
import type { Genre, NumeralSystem } from '../genre/load.ts';

// ○ (a white circle) and the letter O stand for 〇 in years some plans print: 二○二四年, 二O一二年.
const chineseDigits: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, '○': 0, O: 0, 'Ｏ': 0, '0': 0, '０': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23, 一百 → 100, 二〇二四 and 二0二四 → 2024; null if not a numeral. */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let pending = 0;
  let seenAny = false;
  for (const char of text) {
    if (char === '十' || char === '百') {
      const unit = char === '十' ? 10 : 100;
      total += (pending === 0 && !seenAny ? 1 : pending) * unit;
      pending = 0;
      seenAny = true;
      continue;
    }
    const digit = chineseDigits[char];
    if (digit === undefined) return null;
    pending = pending * 10 + digit;
    seenAny = true;
  }
  const value = total + pending;
  return value > 0 ? value : null;
}

const circledStart = '①'.codePointAt(0) ?? 0;

/** Runs of numbering glyphs Unicode encodes one number each: ㈠ ⑴ ⒈ (and their successors). */
const enclosedRuns: ReadonlyArray<{ first: string; count: number }> = [
  { first: '㈠', count: 10 },
  { first: '⑴', count: 20 },
  { first: '⒈', count: 20 },
];

function enclosedValue(char: string): number | null {
  const code = char.codePointAt(0);
  if (code === undefined) return null;
  for (const run of enclosedRuns) {
    const offset = code - (run.first.codePointAt(0) ?? 0);
    if (offset >= 0 && offset < run.count) return offset + 1;
  }
  return null;
}

export function parseNumeral(text: string, system: NumeralSystem): number | null {
  switch (system) {
    case 'arabic': {
      const value = Number.parseInt(text, 10);
      return Number.isFinite(value) && value > 0 ? value : null;
    }
    case 'chinese':
      return parseChineseNumeral(text);
    case 'circled': {
      const code = text.codePointAt(0);
      return code === undefined ? null : code - circledStart + 1;
    }
    case 'enclosed':
      return enclosedValue(text);
  }
}

/** A number printed in Arabic or Chinese numerals: 2024, 二〇二四. */
export function numeralValue(text: string): number | null {
  return /^\d+$/u.test(text) ? Number(text) : parseChineseNumeral(text);
}

/** The years a text names (2024年, 二〇二四年, 2023-2024学年), in order. */
export function yearsIn(text: string, genre: Genre): number[] {
  return [...text.matchAll(genre.year)].flatMap((match) => numeralValue(match[0]) ?? []);
}

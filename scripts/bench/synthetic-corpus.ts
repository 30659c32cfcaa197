/**
 * A synthetic corpus for scale benchmarks: N plan texts made deterministically
 * from the real plans — their real items recombined under other real GB/T 2260
 * regions and other years — so that every stage sees text of the genre.
 */
import { compareText } from '../../src/model/order.ts';
import { itemsOf, type Plan } from '../../src/model/plan.ts';
import type { Division, DivisionIndex } from '../ingest/divisions.ts';
import { loadGenre } from '../genre/load.ts';
import { citedMeetings } from '../ingest/year-conflict.ts';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same corpus everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const chineseNumerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

export interface SyntheticPlan {
  fileName: string;
  text: string;
}

const firstYear = 2015;
const yearCount = 10;

/**
 * @param seeds parsed real plans whose sections and items are recombined
 * @param divisions prefecture- and county-level divisions to place plans in
 * @param placeName how a title names a division; several divisions share a
 *   name (鼓楼区), so real titles put the parent's name first
 */
export function syntheticCorpus(
  count: number,
  seeds: readonly Plan[],
  divisions: readonly Division[],
  placeName: (division: Division) => string,
  seed = 1,
): SyntheticPlan[] {
  if (seeds.length === 0 || divisions.length === 0) throw new Error('a synthetic corpus needs seed plans and divisions');
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  // Text that cites a party meeting (党的二十大) is of its time: under another year the ingest rightly refuses it.
  const genre = loadGenre();
  const timeless = (text: string): boolean => citedMeetings([{ line: 1, text }], genre).length === 0;
  const sections = seeds.flatMap((plan) => plan.sections.filter((section) => section.title.length > 0 && timeless(section.title)));
  const items = seeds.flatMap((plan) => [...itemsOf(plan.sections)].filter((item) => item.title !== null && timeless(item.text)));
  const preambles = seeds.map((plan) => plan.preamble.split('\n')[0] ?? '').filter((text) => text.length > 0 && timeless(text));
  if (sections.length === 0 || items.length === 0) throw new Error('the seed plans have no sections or items that cite no party meeting');
  if (count > divisions.length * yearCount) throw new Error(`at most ${divisions.length * yearCount} distinct region-years`);

  // Region-years in a fixed shuffled order: every plan gets its own identity.
  const order = Array.from({ length: divisions.length }, (_, index) => index);
  for (let index = order.length - 1; index > 0; index -= 1) {
    const swap = Math.floor(next() * (index + 1));
    [order[index], order[swap]] = [order[swap] as number, order[index] as number];
  }

  const plans: SyntheticPlan[] = [];
  for (let index = 0; index < count; index += 1) {
    const division = divisions[order[index % order.length] as number] as Division;
    const year = firstYear + Math.floor(index / order.length);
    const lines = [`${placeName(division)}教育局${year}年工作要点`, preambles.length > 0 ? pick(preambles) : ''];
    const sectionCount = 4 + Math.floor(next() * 4);
    let itemNumber = 0;
    for (let sectionIndex = 0; sectionIndex < sectionCount; sectionIndex += 1) {
      lines.push(`${chineseNumerals[sectionIndex]}、${pick(sections).title}`);
      const itemCount = 2 + Math.floor(next() * 4);
      for (let itemIndex = 0; itemIndex < itemCount; itemIndex += 1) {
        itemNumber += 1;
        lines.push(`${itemNumber}.${pick(items).text.split('\n').join('')}`);
      }
    }
    plans.push({ fileName: `${String(index + 1).padStart(5, '0')}-${division.code}-${year}.txt`, text: `${lines.join('\n')}\n` });
  }
  return plans;
}

/**
 * The prefectures and counties a synthetic plan may be placed in, by code, and how its
 * title names each. Titles put the parent's name first, as real ones do, since several
 * divisions share a name (鼓楼区). Names that two divisions share under one parent (the
 * old and new codes of 三明市三元区; 沙县 and 沙县区, one short name) are ones the ingest
 * rightly refuses without a sidecar: such places are left out, so every plan ingests.
 */
export function corpusPlaces(divisions: DivisionIndex): { places: Division[]; placeName: (division: Division) => string } {
  const named = [...divisions.byCode.values()].filter((division) => division.level !== 'province');
  const nameKeys = (division: Division): string[] => [...new Set([division.name, division.shortName])].map((name) => `${division.parentCode}:${name}`);
  const nameCount = new Map<string, number>();
  for (const division of named) for (const key of nameKeys(division)) nameCount.set(key, (nameCount.get(key) ?? 0) + 1);
  const places = named.filter((division) => nameKeys(division).every((key) => nameCount.get(key) === 1)).sort((a, b) => compareText(a.code, b.code));
  const placeName = (division: Division): string => `${division.parentCode ? (divisions.byCode.get(division.parentCode)?.name ?? '') : ''}${division.name}`;
  return { places, placeName };
}

/**
 * How an item without a lead phrase is named, in citations and search results
 * alike: by where it stands in its plan, in words (第一部分第2条), and the start of
 * its text, never by its bare label (一是, 2.).
 */
import type { Item } from './plan.ts';

const chineseDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals, as part numbers are written (第十二部分). */
function chineseNumber(value: number): string {
  if (value < 10) return chineseDigits[value] as string;
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : chineseDigits[tens]}十${ones === 0 ? '' : chineseDigits[ones]}`;
}

/** Where an item stands in its plan, in words: 第2条, 第一部分第2条. */
export function itemPlace(item: Pick<Item, 'key'>): string {
  const numbers = item.key.split('.').map(Number);
  const parts = numbers.slice(0, -1).map((number, index) => (index === 0 ? `第${chineseNumber(number)}部分` : `第${number}节`));
  return `${parts.join('')}第${numbers.at(-1)}条`;
}

/** How much of an untitled item's text names it in a citation. */
const leadLength = 16;

function leadOf(text: string): string {
  const flat = text.replace(/\s+/gu, '');
  return flat.length > leadLength ? `${flat.slice(0, leadLength)}…` : flat;
}

/** 第一部分第2条 加快公开引进急需和紧缺人才… */
export function untitledItemName(item: Pick<Item, 'key' | 'text'>): string {
  return `${itemPlace(item)} ${leadOf(item.text)}`.trimEnd();
}

/**
 * Plans printed in traditional characters (臨湘市, 岳陽, 和順, mirrors that convert
 * whole pages) are read in simplified form, where every genre table and the
 * GB/T 2260 names are written, and published as printed.
 *
 * OpenCC's traditional → mainland conversion (opencc-js) changes one character for
 * one character, so a position in the simplified text is the same position in the
 * printed one. What is published is restored character by character from the
 * document itself: each simplified character goes back to the character the
 * document printed there. Where the document printed two characters that read as
 * one (後 and 后 both as 后), the one printed more often is used and a warning
 * says so.
 */
import { Converter } from 'opencc-js/t2cn';

/** A document is read in simplified form when at least this share of its Han characters are traditional. */
export const minTraditionalShare = 0.05;

// Built on first use (some 25 ms): most plans are simplified and never need it.
let converter: ((text: string) => string) | null = null;
const toMainland = (text: string): string => (converter ??= Converter({ from: 't', to: 'cn' }))(text);
const han = /\p{Script=Han}/u;

/**
 * Characters only traditional text prints, among the commonest in any plan (們 這
 * 個 會 學 國 …): a text with none of them is not read through the converter at all.
 */
const traditionalOnly = /[們這個會學國發開對與經過還進實現關動業點應體後從當種將樣際頭麼說時為來總義務續獎費園輔導組織區縣辦區設計劃級師資課標準質構]/u;

export interface ScriptReading {
  /** The text to parse: simplified where the document is traditional, else the text itself. */
  text: string;
  traditional: boolean;
  /** Gives a string of `text` back as the document printed it. */
  restore: (text: string) => string;
  /** Characters the document printed in two forms that read as one, with the form restored. */
  ambiguous: Array<{ read: string; printed: string[]; restored: string }>;
}

const identity = (text: string): string => text;

/** The text converted character by character (a conversion that changed the length would lose positions). */
function simplified(text: string): string {
  const whole = toMainland(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const char of text) {
    const converted = toMainland(char);
    out += converted.length === char.length ? converted : char;
  }
  return out;
}

export function readScript(text: string): ScriptReading {
  if (!traditionalOnly.test(text)) return { text, traditional: false, restore: identity, ambiguous: [] };
  const reading = simplified(text);
  let hanCount = 0;
  let changed = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (!han.test(text[index] as string)) continue;
    hanCount += 1;
    if (reading[index] !== text[index]) changed += 1;
  }
  if (hanCount === 0 || changed / hanCount < minTraditionalShare) return { text, traditional: false, restore: identity, ambiguous: [] };

  // How often each simplified character stood for each printed one.
  const seen = new Map<string, Map<string, number>>();
  for (let index = 0; index < text.length; index += 1) {
    const read = reading[index] as string;
    const printed = text[index] as string;
    const counts = seen.get(read) ?? new Map<string, number>();
    counts.set(printed, (counts.get(printed) ?? 0) + 1);
    seen.set(read, counts);
  }
  const back = new Map<string, string>();
  const ambiguous: ScriptReading['ambiguous'] = [];
  for (const [read, counts] of seen) {
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const restored = (ranked[0] as [string, number])[0];
    if (restored !== read || ranked.length > 1) back.set(read, restored);
    if (ranked.length > 1) ambiguous.push({ read, printed: ranked.map(([char]) => char), restored });
  }
  const restore = (part: string): string => {
    let out = '';
    for (let index = 0; index < part.length; index += 1) out += back.get(part[index] as string) ?? part[index];
    return out;
  };
  return { text: reading, traditional: true, restore, ambiguous };
}

/**
 * A copy of `value` with every string restored as printed, except under the keys
 * named (identities, URLs and facts that come from tables, not from the text).
 */
export function restorePrinted<T>(value: T, restore: (text: string) => string, keep: ReadonlySet<string>): T {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return restore(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, keep.has(key) ? child : walk(child)]));
    }
    return node;
  };
  return walk(value) as T;
}

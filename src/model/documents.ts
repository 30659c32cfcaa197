/**
 * Documents cited in 《》: finding them, and normalizing titles so that variants
 * of one document (full- or half-width brackets, spaces, quote marks, dash styles,
 * a national issuer printed or not) meet under one key and one page.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { stableSlug } from './page-slug.ts';
import { parseWith } from './errors.ts';

export const titleRulesSchema = z.object({
  nationalIssuers: z.array(z.string().min(1)),
  issuerJoiners: z.array(z.string().min(1)),
  titleStarts: z.array(z.string().min(1)).min(1),
  minRemainder: z.number().int().positive(),
});
export type TitleRules = z.infer<typeof titleRulesSchema>;

export function parseTitleRules(text: string, file = 'scripts/genre/document-titles.yaml'): TitleRules {
  return parseWith(titleRulesSchema, parseYaml(text), file);
}

/** Relative to the working directory (the repository), not to this module: the site build bundles it elsewhere. */
export const titleRulesPath = 'scripts/genre/document-titles.yaml';

export function loadTitleRules(path = titleRulesPath): TitleRules {
  return parseTitleRules(readFileSync(path, 'utf8'), path);
}

export interface Citation {
  /** The title as printed between the brackets. */
  raw: string;
  /** Offsets of the whole 《…》 in the text. */
  start: number;
  end: number;
}

/** A title: anything but sentence breaks between 《 and 》, with nested 〈〉 allowed. */
const citationPattern = /《([^《》\n]{2,120})》/g;

export function findCitations(text: string): Citation[] {
  const found: Citation[] = [];
  for (const match of text.matchAll(citationPattern)) {
    const raw = match[1]!;
    if (!/\p{Script=Han}/u.test(raw)) continue;
    found.push({ raw, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

const quoteMarks = /["'“”‘’「」『』〈〉《》<>]/g;
const dashes = /[‐‑‒–—―−~〜～]+/g;
const squareBrackets: Record<string, string> = { '【': '(', '】': ')', '〔': '(', '〕': ')', '[': '(', ']': ')', '［': '(', '］': ')' };
const dots = /[·•・‧．]/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The key under which variants of one title meet. */
export function normalizeTitle(raw: string, rules: TitleRules): string {
  let key = raw.normalize('NFKC');
  key = key.replace(/\s+/gu, '');
  key = key.replace(quoteMarks, '');
  key = key.replace(/[【】〔〕[\]［］]/g, (bracket) => squareBrackets[bracket] ?? bracket);
  key = key.replace(dashes, '-');
  key = key.replace(dots, '·');
  // "2017-2020年" and "2017-2020" name the same period.
  key = key.replace(/(\d{4})-(\d{4})年/g, '$1-$2');
  return dropNationalIssuers(key, rules);
}

function dropNationalIssuers(key: string, rules: TitleRules): string {
  const issuers = [...rules.nationalIssuers].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const joiners = rules.issuerJoiners.map((joiner) => escapeRegExp(joiner.normalize('NFKC').replace(/\s+/g, ''))).filter(Boolean);
  const joiner = joiners.length > 0 ? `(?:${joiners.join('|')})?` : '';
  const prefix = new RegExp(`^(?:(?:${issuers.join('|')})${joiner})+`, 'u');
  const match = prefix.exec(key);
  if (!match) return key;
  const rest = key.slice(match[0].length);
  const safe = rules.titleStarts.some((start) => rest.startsWith(start)) && rest.length >= rules.minRemainder;
  return safe ? rest : key;
}

export function documentSlug(key: string): string {
  return stableSlug(key);
}

/** The variant to show: the most often printed one; ties go to the shorter, then by code point. */
export function displayTitle(variants: ReadonlyMap<string, number>): string {
  return [...variants.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
}

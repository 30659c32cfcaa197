/**
 * Atom feed of plans. Dates come from the plans themselves (never the build
 * clock), so the feed is reproducible.
 */
import type { Plan } from '../model/plan.ts';

export interface FeedOptions {
  title: string;
  /** Absolute URL of the site's home page. */
  home: string;
  /** Absolute URL of the feed itself. */
  self: string;
  absolute: (path: string) => string;
}

export const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function planDay(plan: Plan): string {
  return plan.publishedOn ?? plan.issuedOn ?? `${plan.year}-01-01`;
}

/**
 * How many plans the feed lists: the newest. A feed reader wants what is new, and a
 * feed of every plan grew without end (440 KB at 1,000 plans); the plans list and
 * the sitemap lead to the rest.
 */
export const feedPlans = 50;

export function atomFeed(plans: readonly Plan[], options: FeedOptions, limit = feedPlans): string {
  const sorted = [...plans].sort((a, b) => (planDay(b) < planDay(a) ? -1 : planDay(b) > planDay(a) ? 1 : a.url < b.url ? -1 : 1)).slice(0, limit);
  const updated = sorted[0] ? planDay(sorted[0]) : '1970-01-01';
  const entries = sorted.map((plan) => {
    const url = options.absolute(plan.url);
    const authors = (plan.issuers.length > 0 ? plan.issuers : [plan.region.name]).map((name) => `    <author><name>${escapeXml(name)}</name></author>`);
    const summary = [plan.region.name, `${plan.year}年`, plan.kind, plan.docNumber].filter(Boolean).join(' · ');
    return [
      '  <entry>',
      `    <id>${escapeXml(url)}</id>`,
      `    <title>${escapeXml(plan.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <updated>${planDay(plan)}T00:00:00Z</updated>`,
      ...(plan.publishedOn ? [`    <published>${plan.publishedOn}T00:00:00Z</published>`] : []),
      ...authors,
      `    <summary>${escapeXml(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeXml(options.home)}</id>`,
    `  <title>${escapeXml(options.title)}</title>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(options.home)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(options.self)}"/>`,
    `  <updated>${updated}T00:00:00Z</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/**
 * URLs per sitemap file: the protocol allows 50,000 (and 50 MB); a margin below it
 * keeps one file safe from an atlas that grows between two builds' checks.
 */
export const sitemapUrlsPerFile = 45_000;

/** The URLs, each once and sorted, cut into the files of a sitemap index: always one file at least. */
export function sitemapParts(urls: readonly string[], perFile = sitemapUrlsPerFile): string[][] {
  const unique = [...new Set(urls)].sort();
  const parts: string[][] = [];
  for (let start = 0; start < unique.length; start += perFile) parts.push(unique.slice(start, start + perFile));
  return parts.length > 0 ? parts : [[]];
}

/** A sitemap index naming each file of the sitemap (absolute URLs). */
export function sitemapIndex(files: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...files.map((file) => `  <sitemap><loc>${escapeXml(file)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

export function sitemap(urls: readonly string[]): string {
  const unique = [...new Set(urls)].sort();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...unique.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}

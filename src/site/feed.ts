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

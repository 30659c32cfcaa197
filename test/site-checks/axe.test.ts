/**
 * Zero axe-core violations of any impact on one page of every kind the site
 * builds, in Chromium on a desktop and on a 360 px phone: home, region levels,
 * years, plan, item, the lists of plans, topics, terms, cited documents and
 * commitments with one page of each, search (before and after a query), a
 * comparison of two plans, the downloads and about pages, a page that moved, and
 * the 404 page.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CommitmentGroup, DocumentEntry, ItemEnrichment, TermEntry, TopicEntry } from '../../src/model/enrichment.ts';
import type { Plan } from '../../src/model/plan.ts';
import { itemList, regionUrls, walkPlan } from '../browser/content.ts';
import { useSite, type SiteVisit } from '../browser/site.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

const enrichment = <T>(visit: SiteVisit, file: string): T => JSON.parse(readFileSync(join(visit.site.content, 'enrichment', file), 'utf8')) as T;

interface Corpus {
  plan: Plan;
  regions: string[];
  withCommitments: ItemEnrichment;
  topic: TopicEntry;
  term: TermEntry;
  document: DocumentEntry;
  group: CommitmentGroup;
}

function corpusOf(visit: SiteVisit): Corpus {
  const plan = walkPlan(visit.plans);
  return {
    plan,
    regions: regionUrls(plan),
    withCommitments: enrichment<ItemEnrichment[]>(visit, 'items.json').find((entry) => entry.commitments.length > 0)!,
    topic: enrichment<TopicEntry[]>(visit, 'topics.json').find((entry) => entry.items.length > 0)!,
    term: enrichment<TermEntry[]>(visit, 'terms.json')[0]!,
    document: enrichment<DocumentEntry[]>(visit, 'documents.json')[0]!,
    group: enrichment<CommitmentGroup[]>(visit, 'commitments.json')[0]!,
  };
}

/** One page of each kind the site builds, by name. */
const pageKinds: Array<[string, (corpus: Corpus, visit: SiteVisit) => string]> = [
  ['home', () => '/'],
  ['province', (corpus) => corpus.regions[0]!],
  ['region', (corpus) => corpus.regions.at(-1)!],
  ['province in a year', (corpus) => `/years/${corpus.plan.year}${corpus.regions[0]!}`],
  ['years', () => '/years/'],
  ['year', (corpus) => `/years/${corpus.plan.year}/`],
  ['plans', () => '/plans/'],
  ['plan', (corpus) => corpus.plan.url],
  ['item', (corpus) => itemList(corpus.plan)[0]!.url],
  ['plan with commitments', (corpus, visit) => visit.plans.find((candidate) => candidate.id === corpus.withCommitments.plan)!.url],
  ['item with commitments', (corpus) => corpus.withCommitments.url],
  ['topics', () => '/topics/'],
  ['topic', (corpus) => `/topics/${corpus.topic.slug}/`],
  ['terms', () => '/terms/'],
  ['term', (corpus) => `/terms/${corpus.term.slug}/`],
  ['cited documents', () => '/docs/'],
  ['cited document', (corpus) => `/docs/${corpus.document.slug}/`],
  ['commitments', () => '/commitments/'],
  ['commitment list', (corpus) => `/commitments/${corpus.group.slug}/`],
  ['search', () => '/search/'],
  ['search with results', () => '/search/?q=学前教育'],
  ['compare', (_corpus, visit) => `/compare/?a=${encodeURIComponent(visit.plans[0]!.id)}&b=${encodeURIComponent(visit.plans[1]!.id)}`],
  ['downloads', () => '/downloads/'],
  ['about', () => '/about/'],
];

/** Violations on the page as laid out now; axe-core must be injected first (as inline source: the page requests nothing for it). */
async function violationsOn(page: Page): Promise<Violation[]> {
  return (await page.evaluate('axe.run(document, { resultTypes: ["violations"] }).then((results) => results.violations)')) as Violation[];
}

const described = (name: string, path: string, violations: readonly Violation[]): string[] =>
  violations.map((violation) => {
    const targets = violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)).join(', ');
    return `${name} ${path}: ${violation.impact} ${violation.id} (${violation.help}) ×${violation.nodes.length}: ${targets}`;
  });

const viewports = [
  { name: 'a 1280 px desktop', width: 1280, height: 800 },
  { name: 'a 360 px phone', width: 360, height: 740 },
];

describe('accessibility (axe-core), every page kind', () => {
  const visit = useSite('root');
  let corpus: Corpus | undefined;

  /** Each page is read at every width in turn, laid out again at each: one load, as a reader who turns a phone. */
  async function violationsAtEveryWidth(name: string, path: string, page: Page): Promise<string[]> {
    await page.addScriptTag({ content: axeSource });
    const found: string[] = [];
    for (const viewport of viewports) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      found.push(...described(`${name} (on ${viewport.name})`, path, await violationsOn(page)));
    }
    return found;
  }

  it.each(pageKinds)(`%s: no violation of any impact, on ${viewports.map((viewport) => viewport.name).join(' and on ')}`, async (name, pathOf) => {
    corpus ??= corpusOf(visit);
    const path = pathOf(corpus, visit);
    const page = await visit.open(path);
    // The search page fills its results after load.
    if (path.includes('?q=')) await page.locator('[data-search-results] li').first().waitFor();
    // The compare page draws the comparison after load.
    if (path.startsWith('/compare/')) await page.locator('.compare-topic').first().waitFor();
    expect((await violationsAtEveryWidth(name, path, page)).join('\n')).toBe('');
  });

  it('404: no violation of any impact, at every width', async () => {
    visit.guard.allowConsoleError(/status of 404/);
    const page = await visit.newPage();
    expect((await page.goto(visit.server.url('/no-such-page/')))?.status()).toBe(404);
    expect((await violationsAtEveryWidth('404', '/no-such-page/', page)).join('\n')).toBe('');
  });
});

describe('accessibility (axe-core), a moved URL under a base path', () => {
  const visit = useSite('atlas');

  it('finds no violation on the page that sends a reader on', async () => {
    const moved = `${visit.plans[0]!.url}moved-for-test/`;
    const page = await visit.newPage();
    const response = await page.request.get(visit.server.url(moved));
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<meta http-equiv="refresh" content="0; url=/u);
    // Without its refresh, which would send the browser on before axe has read the page (a 0 s refresh passes axe's meta-refresh rule).
    await page.setContent(html.replace(/<meta http-equiv="refresh"[^>]*>/u, ''));
    await page.addScriptTag({ content: axeSource });
    const found = described('moved', moved, await violationsOn(page));
    expect(found.join('\n')).toBe('');
  });
});

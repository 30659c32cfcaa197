/**
 * The static paths of the pages that gather items by plan (topics, cited documents,
 * policy terms; src/site/gathering-pages.ts), every page with its key: what it shows,
 * so a rebuild renders again only the pages whose plans or items changed.
 */
import { getCollection } from 'astro:content';
import { enrichmentData } from '../components/enrich/data.ts';
import { groupByPlan, type PlanGroup } from '../components/enrich/view.ts';
import { atlas } from './atlas.ts';
import { pagePath, pagesOf, plansPerPage } from './gathering-pages.ts';
import { pageKeys } from './page-keys.ts';

export interface GatheringPath {
  params: { slug: string; page?: string };
  props: { slug: string; page: number };
  file: string;
  key: string;
}

function paths(kind: string, folder: string, slug: string, groups: PlanGroup[], shown: (page: PlanGroup[]) => unknown): GatheringPath[] {
  const pages = pagesOf(groups, plansPerPage());
  return pages.map((groupsOfPage, index) => {
    const page = index + 1;
    const path = pagePath(`/${folder}/${slug}/`, page);
    return {
      params: page === 1 ? { slug } : { slug, page: String(page) },
      props: { slug, page },
      file: `${path.slice(1)}index.html`,
      key: pageKeys.gathering(kind, { page, pages: pages.length, shown: shown(groupsOfPage) }),
    };
  });
}

/** Each list once per build: the first-page route and the further-pages route both ask for it. */
function once(make: () => Promise<GatheringPath[]>): () => Promise<GatheringPath[]> {
  let made: Promise<GatheringPath[]> | undefined;
  return () => (made ??= make());
}

export const termPaths = once(async () => {
  const [terms, data, { itemsByUrl }] = await Promise.all([getCollection('policyTerms'), enrichmentData(), atlas()]);
  return terms.flatMap(({ data: { slug } }) => {
    const term = data.termsBySlug.get(slug)!;
    const groups = groupByPlan(term.occurrences.map((occurrence) => occurrence.url), data.items, data.plans);
    const textOf = (url: string): string => itemsByUrl.get(url)?.item.text ?? '';
    return paths('term', 'terms', slug, groups, (page) => ({ term, groups: page, texts: page.flatMap((group) => group.items.map((item) => textOf(item.url))) }));
  });
});

export const topicPaths = once(async () => {
  const [topics, data] = await Promise.all([getCollection('topics'), enrichmentData()]);
  return topics.flatMap(({ data: { slug } }) => {
    const topic = data.topics.find((entry) => entry.slug === slug)!;
    return paths('topic', 'topics', slug, groupByPlan(topic.items, data.items, data.plans), (page) => ({ topic, groups: page }));
  });
});

export const documentPaths = once(async () => {
  const [documents, data] = await Promise.all([getCollection('citedDocuments'), enrichmentData()]);
  return documents.flatMap(({ data: { slug } }) => {
    const document = data.documentsBySlug.get(slug)!;
    const groups = groupByPlan(document.citations.map((citation) => citation.url), data.items, data.plans);
    return paths('document', 'docs', slug, groups, (page) => ({ document, groups: page }));
  });
});

/** Every page of every topic, cited document and policy term, first pages included: for the sitemap. */
export async function gatheringPageUrls(): Promise<string[]> {
  const data = await enrichmentData();
  const perPage = plansPerPage();
  const urls = (folder: string, slug: string, groups: number): string[] =>
    pagesOf(Array.from({ length: groups }), perPage).map((_, index) => pagePath(`/${folder}/${slug}/`, index + 1));
  const plansOf = (urls: readonly string[]): number => groupByPlan(urls, data.items, data.plans).length;
  return [
    ...data.topics.flatMap((topic) => urls('topics', topic.slug, plansOf(topic.items))),
    ...data.documents.flatMap((document) => urls('docs', document.slug, plansOf(document.citations.map((citation) => citation.url)))),
    ...data.terms.flatMap((term) => urls('terms', term.slug, plansOf(term.occurrences.map((occurrence) => occurrence.url)))),
  ];
}

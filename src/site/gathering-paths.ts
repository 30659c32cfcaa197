/**
 * The static paths of the pages that gather items by plan (topics, cited documents,
 * policy terms; src/model/gathering-pages.ts). Each page gets, as its props, the plan
 * groups it lists and where it sits among the pages, and its key is made from those
 * props and the entry it belongs to: what it shows, so a rebuild renders again only
 * the pages whose plans or items changed.
 */
import { getCollection } from 'astro:content';
import { enrichmentData } from '../components/enrich/data.ts';
import { groupByPlan, type PlanGroup } from '../components/enrich/view.ts';
import { atlas } from './atlas.ts';
import { gatheringPath, pagePath, pagesOf, plansPerPage, type GatheringSection } from '../model/gathering-pages.ts';
import { pageKeys } from './page-keys.ts';
import { commitmentPaths } from './commitment-paths.ts';

/** What one page of a gathering page lists. */
export interface GatheringPage {
  slug: string;
  /** From 1. */
  page: number;
  pages: number;
  /** Plans listed over all the pages. */
  plans: number;
  /** This page's plans with their items. */
  groups: PlanGroup[];
}

export interface GatheringPath {
  params: { slug: string; page?: string };
  props: GatheringPage;
  file: string;
  key: string;
}

/** `shown`: what else of the entry the pages show, for their keys. */
function paths(kind: string, section: GatheringSection, slug: string, groups: PlanGroup[], shown: (page: GatheringPage) => unknown): GatheringPath[] {
  const pages = pagesOf(groups, plansPerPage());
  return pages.map((groupsOfPage, index) => {
    const props: GatheringPage = { slug, page: index + 1, pages: pages.length, plans: groups.length, groups: groupsOfPage };
    const path = pagePath(gatheringPath(section, slug), props.page);
    return {
      params: props.page === 1 ? { slug } : { slug, page: String(props.page) },
      props,
      file: `${path.slice(1)}index.html`,
      key: pageKeys.gathering(kind, { props, shown: shown(props) }),
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
    return paths('term', 'terms', slug, groups, ({ groups: listed }) => ({ term, texts: listed.flatMap((group) => group.items.map((item) => textOf(item.url))) }));
  });
});

export const topicPaths = once(async () => {
  const [topics, data] = await Promise.all([getCollection('topics'), enrichmentData()]);
  return topics.flatMap(({ data: { slug } }) => {
    const topic = data.topics.find((entry) => entry.slug === slug)!;
    return paths('topic', 'topics', slug, groupByPlan(topic.items, data.items, data.plans), () => ({ topic }));
  });
});

export const documentPaths = once(async () => {
  const [documents, data] = await Promise.all([getCollection('citedDocuments'), enrichmentData()]);
  return documents.flatMap(({ data: { slug } }) => {
    const document = data.documentsBySlug.get(slug)!;
    const groups = groupByPlan(document.citations.map((citation) => citation.url), data.items, data.plans);
    return paths('document', 'docs', slug, groups, () => ({ document }));
  });
});

/** Every page of every topic, cited document, policy term and list of commitments, first pages included: for the sitemap. */
export async function gatheringPageUrls(): Promise<string[]> {
  const lists = await Promise.all([topicPaths(), documentPaths(), termPaths(), commitmentPaths()]);
  return lists.flat().map((path) => `/${path.file.slice(0, -'index.html'.length)}`);
}

/**
 * The pages of /commitments/: one list per kind, measure and unit (the enrich
 * stage's commitment groups), each listing its commitments by plan, newest plan
 * first, a page of plans at a time as the other gathering pages do
 * (src/model/gathering-pages.ts). Each row carries what the page's filters read:
 * the plan's province, its year and the item's topics.
 */
import { getCollection } from 'astro:content';
import { commitmentGroupOrder, type Commitment, type CommitmentGroup, type PlanEntry } from '../model/enrichment.ts';
import { pagePath, pagesOf, plansPerPage } from '../model/gathering-pages.ts';
import { enrichmentData } from '../components/enrich/data.ts';
import { atlas } from './atlas.ts';
import { pageKeys } from './page-keys.ts';
import { clauseAround } from './commitment-display.ts';

export interface CommitmentRow {
  url: string;
  /** The item's label and name, and its lead text for the row. */
  item: string;
  plan: Pick<PlanEntry, 'id' | 'url' | 'title' | 'region' | 'year' | 'kind'>;
  province: string;
  topics: string[];
  commitment: Commitment;
  /** The clause around the commitment, for context. */
  context: string;
}

export interface CommitmentPage {
  group: CommitmentGroup;
  page: number;
  pages: number;
  /** Every commitment of the list, over all its pages: what the chart draws. */
  all: Array<{ year: number; region: string; value: number; url: string }>;
  rows: CommitmentRow[];
}

export const commitmentsPath = '/commitments/';

export function commitmentGroupPath(slug: string): string {
  return `${commitmentsPath}${slug}/`;
}

/** Every commitment group of the atlas, in the order the enrich stage wrote them. */
/** Every commitment group of the atlas: by kind (targets first), then the longest lists first. */
export async function commitmentGroups(): Promise<CommitmentGroup[]> {
  return (await getCollection('commitmentGroups'))
    .map((entry) => entry.data)
    .sort(commitmentGroupOrder);
}

let made: Promise<Array<{ params: { slug: string; page?: string }; props: CommitmentPage; file: string; key: string }>> | undefined;

export function commitmentPaths() {
  made ??= (async () => {
    const [groups, data, { itemsByUrl }] = await Promise.all([commitmentGroups(), enrichmentData(), atlas()]);
    return groups.flatMap((group) => {
      const rows: CommitmentRow[] = group.entries.flatMap((entry) => {
        const enriched = data.items.get(entry.url);
        const context = itemsByUrl.get(entry.url);
        const plan = data.plansById.get(entry.plan);
        const commitment = enriched?.commitments[entry.index];
        if (!enriched || !context || !plan || !commitment) return [];
        return [{
          url: entry.url,
          item: `${context.item.label}${enriched.name.startsWith(context.item.label) ? enriched.name.slice(context.item.label.length) : enriched.name}`,
          plan: { id: plan.id, url: plan.url, title: plan.title, region: plan.region, year: plan.year, kind: plan.kind },
          province: plan.regionPath[0] ?? '',
          topics: enriched.topics.map((topic) => topic.slug),
          commitment,
          context: clauseAround(context.item.text, commitment),
        }];
      });
      const all = rows.flatMap((row) => (row.commitment.quantity === null || row.commitment.reported ? [] : [{ year: row.plan.year, region: row.plan.region, value: row.commitment.quantity, url: row.url }]));
      const byPlan: CommitmentRow[][] = [];
      for (const row of rows) {
        if (byPlan.at(-1)?.[0]?.plan.id === row.plan.id) byPlan.at(-1)!.push(row);
        else byPlan.push([row]);
      }
      const pages = pagesOf(byPlan, plansPerPage());
      return pages.map((plansOfPage, index) => {
        const props: CommitmentPage = { group, page: index + 1, pages: pages.length, all, rows: plansOfPage.flat() };
        const path = pagePath(commitmentGroupPath(group.slug), props.page);
        return {
          params: props.page === 1 ? { slug: group.slug } : { slug: group.slug, page: String(props.page) },
          props,
          file: `${path.slice(1)}index.html`,
          key: pageKeys.gathering('commitments', props),
        };
      });
    });
  })();
  return made;
}

/**
 * What an item of a 总结 reports on: the item of its region's plan for the year it
 * reports (the earliest year the document covers, as the commitments' plannedIn
 * reads it) that its text is most like (src/model/compare.ts), when like enough.
 * Read at build time from the atlas, so a plan added for that year links its
 * 总结's items on the next build.
 */
import { characterPairs, continuedAt, similarity } from '../model/compare.ts';
import type { Item, Plan } from '../model/plan.ts';
import { itemsOf } from '../model/plan.ts';
import { atlas } from './atlas.ts';
import { enrichedItems } from './item-enrichment.ts';
import { itemName } from './atlas-model.ts';

export interface ReportedOn {
  url: string;
  /** The plan it stands in, as a reader names it: 泰安市 2024年工作要点. */
  plan: string;
  name: string;
  similarity: number;
}

let byRegionYear: Map<string, Plan[]> | undefined;
const regionYear = (plan: Pick<Plan, 'region' | 'year'>, year = plan.year): string => `${plan.region.code}\0${year}`;

export async function reportsOn(plan: Plan, item: Item): Promise<ReportedOn | null> {
  if (!(enrichedItems().get(item.url)?.reports ?? false)) return null;
  if (!byRegionYear) {
    byRegionYear = new Map();
    for (const each of (await atlas()).plans) byRegionYear.set(regionYear(each), [...(byRegionYear.get(regionYear(each)) ?? []), each]);
  }
  const reportedYear = Math.min(...plan.years);
  const pairs = characterPairs(item.text);
  let best: ReportedOn | null = null;
  for (const other of byRegionYear.get(regionYear(plan, reportedYear)) ?? []) {
    if (other.id === plan.id) continue;
    for (const candidate of itemsOf(other.sections)) {
      const score = similarity(pairs, characterPairs(candidate.text));
      if (score >= continuedAt && (best === null || score > best.similarity)) {
        best = { url: candidate.url, plan: `${other.region.name} ${other.year}年${other.kind}`, name: `${candidate.label}${itemName(candidate)}`, similarity: score };
      }
    }
  }
  return best;
}

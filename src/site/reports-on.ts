/**
 * What an item of a 总结 reports on: the item of its region's plan for the year it
 * reports (the earliest year the document covers, as the commitments' plannedIn
 * reads it) that its text is most like (src/model/compare.ts), when like enough.
 * Read at build time from the atlas, so a plan added for that year links its
 * 总结's items on the next build.
 */
import { continuedAt, mostAlike } from '../model/compare.ts';
import { characterPairs } from '../model/likeness.ts';
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
  const candidates = (byRegionYear.get(regionYear(plan, reportedYear)) ?? [])
    .filter((other) => other.id !== plan.id)
    .flatMap((other) => [...itemsOf(other.sections)].map((candidate) => ({ other, candidate })));
  const found = mostAlike(characterPairs(item.text), candidates.map(({ candidate }) => characterPairs(candidate.text)));
  if (found === null || found.similarity < continuedAt) return null;
  const { other, candidate } = candidates[found.index]!;
  return { url: candidate.url, plan: `${other.region.name} ${other.year}年${other.kind}`, name: `${candidate.label}${itemName(candidate)}`, similarity: found.similarity };
}

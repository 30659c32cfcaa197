/**
 * The corpus-wide part of commitments: the lists of /commitments/ (one per kind,
 * measure and unit) and, for each result a summary reports, the commitments of its
 * region's plan for the year it reports on that the result answers. A result answers
 * a commitment of the same list when both name a measure, or else when the words
 * leading up to each share most of their two-character pieces; nothing is matched
 * on the figure alone.
 */
import { stableSlug } from '../../src/model/page-slug.ts';
import { commitmentGroupOrder, type Commitment, type CommitmentGroup, type ItemEnrichment } from '../../src/model/enrichment.ts';
import type { CommitmentReader } from './commitment-reader.ts';
import type { PlanHead } from './enrich-corpus.ts';
import { characterPairs, overlap } from '../../src/model/likeness.ts';

/** What a list gathers: kind, measure and unit (money in any unit is one list, as are deadlines and offices). */
function groupKey(commitment: Pick<Commitment, 'kind' | 'indicator' | 'unit'>, reader: Pick<CommitmentReader, 'indicatorGroup'>): { kind: Commitment['kind']; indicator: string | null; unit: string | null } {
  switch (commitment.kind) {
    case 'target':
      return { kind: 'target', indicator: commitment.indicator ? reader.indicatorGroup(commitment.indicator) : null, unit: commitment.unit };
    case 'count':
      return { kind: 'count', indicator: null, unit: commitment.unit };
    default:
      return { kind: commitment.kind, indicator: null, unit: null };
  }
}

export function commitmentGroupSlug(commitment: Pick<Commitment, 'kind' | 'indicator' | 'unit'>, reader: Pick<CommitmentReader, 'indicatorGroup'>): string {
  const { kind, indicator, unit } = groupKey(commitment, reader);
  return `${kind}-${stableSlug(`${indicator ?? ''}${unit ?? ''}`)}`;
}

const sharedWording = 0.5;

export function gatherCommitments(
  plans: readonly PlanHead[],
  items: ItemEnrichment[],
  reader: Pick<CommitmentReader, 'indicatorGroup'>,
  /** Each item's commitments' wording (ReadCommitment.wording), by item URL, in the order of its commitments. */
  wordings: ReadonlyMap<string, readonly string[]>,
): CommitmentGroup[] {
  const planById = new Map(plans.map((plan) => [plan.id, plan]));
  const groups = new Map<string, CommitmentGroup & { planIds: Set<string> }>();
  for (const item of items) {
    const plan = planById.get(item.plan)!;
    item.commitments.forEach((commitment, index) => {
      const key = groupKey(commitment, reader);
      const group = groups.get(commitment.group) ?? { id: commitment.group, slug: commitment.group, ...key, entries: [], plans: 0, planIds: new Set<string>() };
      group.entries.push({ url: item.url, plan: item.plan, year: plan.year, index });
      group.planIds.add(item.plan);
      groups.set(commitment.group, group);
    });
  }

  // Results reported in a summary, against the plan of the same region for the year reported on.
  const byRegionYear = new Map<string, ItemEnrichment[]>();
  for (const item of items) {
    const plan = planById.get(item.plan)!;
    if (item.commitments.every((commitment) => commitment.reported)) continue;
    const key = `${plan.regionPath.join('/')}\0${plan.year}`;
    byRegionYear.set(key, [...(byRegionYear.get(key) ?? []), item]);
  }
  for (const item of items) {
    const plan = planById.get(item.plan)!;
    const reportedYear = Math.min(...plan.years);
    const candidates = byRegionYear.get(`${plan.regionPath.join('/')}\0${reportedYear}`)?.filter((other) => other.plan !== item.plan) ?? [];
    if (candidates.length === 0) continue;
    item.commitments.forEach((commitment, position) => {
      if (!commitment.reported || commitment.kind === 'deadline' || commitment.kind === 'responsible') return;
      const wording = characterPairs(wordings.get(item.url)?.[position] ?? '');
      for (const other of candidates) {
        other.commitments.forEach((planned, index) => {
          if (planned.reported || planned.group !== commitment.group) return;
          const byMeasure = commitment.indicator !== null && planned.indicator !== null;
          const byWording = overlap(wording, characterPairs(wordings.get(other.url)?.[index] ?? '')) >= sharedWording;
          if (byMeasure || byWording) commitment.plannedIn.push({ url: other.url, index, text: planned.text });
        });
      }
    });
  }

  return [...groups.values()]
    .map(({ planIds, ...group }) => ({ ...group, plans: planIds.size }))
    .sort(commitmentGroupOrder);
}

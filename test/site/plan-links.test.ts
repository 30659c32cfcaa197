/**
 * A plan's links (its region's other years, other regions' plans on its main topics)
 * come from indexes made once over the atlas; they must be what the plain
 * filter-and-sort over every plan gives, on an atlas with ties, shared regions and
 * plans without a topic.
 */
import { describe, expect, it } from 'vitest';
import type { PlanEntry, TopicEntry } from '../../src/model/enrichment.ts';
import { planOrder } from '../../src/model/order.ts';
import { planLinks } from '../../src/site/plan-links.ts';

const topics = ['preschool', 'teachers', 'safety', 'digital'].map((slug, order) => ({ slug, name: slug, order }) as TopicEntry);

/** A seeded atlas: 12 regions, 60 plans, topic counts from 0 to 4 so that many tie. */
function atlas(): PlanEntry[] {
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  return Array.from({ length: 60 }, (_, index) => {
    const region = ['p', `r${next(12)}`];
    const year = 2018 + next(7);
    const id = `${region.join('/')}/${year}-${index}`;
    return {
      id,
      url: `/${id}/`,
      title: id,
      region: region.join(''),
      regionPath: region,
      year,
      years: [year],
      kind: '工作要点',
      items: 10,
      topics: Object.fromEntries(topics.map((topic) => [topic.slug, next(5)])),
    };
  });
}

/** The links as the plain reading of their definition gives them, plan by plan over the whole atlas. */
function reference(planId: string, plans: readonly PlanEntry[]) {
  const plan = plans.find((candidate) => candidate.id === planId)!;
  const region = plan.regionPath.join('/');
  const link = (candidate: PlanEntry) => ({ url: candidate.url, label: `${candidate.region} ${candidate.year}年${candidate.kind}`, year: candidate.year });
  const order = new Map(topics.map((topic) => [topic.slug, topic.order]));
  const main = Object.entries(plan.topics)
    .sort(([a, x], [b, y]) => y - x || order.get(a)! - order.get(b)!)
    .slice(0, 2);
  return {
    otherYears: plans
      .filter((candidate) => candidate.id !== plan.id && candidate.regionPath.join('/') === region)
      .sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1))
      .map(link),
    sameTopic: main.map(([slug]) =>
      plans
        .filter((candidate) => candidate.regionPath.join('/') !== region && (candidate.topics[slug] ?? 0) > 0)
        .sort((a, b) => (b.topics[slug] ?? 0) - (a.topics[slug] ?? 0) || planOrder(a, b))
        .slice(0, 3)
        .map((candidate) => ({ ...link(candidate), items: candidate.topics[slug] ?? 0 })),
    ),
  };
}

describe('planLinks', () => {
  const plans = atlas();

  it('gives every plan the links the plain filter-and-sort over all plans gives', () => {
    let withOtherYears = 0;
    for (const plan of plans) {
      const links = planLinks(plan.id, plans, topics);
      const expected = reference(plan.id, plans);
      expect(links.otherYears, plan.id).toEqual(expected.otherYears);
      expect(links.sameTopic.map((topic) => topic.plans), plan.id).toEqual(expected.sameTopic);
      if (links.otherYears.length > 0) withOtherYears += 1;
    }
    // The atlas has regions with several plans, or the first check proves little.
    expect(withOtherYears).toBeGreaterThan(20);
  });

  it('sees plans added to a new list of the atlas, and none for an unknown plan', () => {
    const more = [...plans, { ...plans[0]!, id: 'p/r0/2030-x', url: '/p/r0/2030-x/', year: 2030, regionPath: plans[0]!.regionPath }];
    const links = planLinks(plans[0]!.id, more, topics);
    expect(links.otherYears.map((link) => link.url)).toContain('/p/r0/2030-x/');
    expect(planLinks('nowhere', plans, topics)).toEqual({ topics: [], otherYears: [], sameTopic: [] });
  });
});

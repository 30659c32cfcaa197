/**
 * Pure view helpers of the cross-link pages: chart geometry, excerpts, reasons,
 * grouping. No Astro here, so they are unit-tested like any stage.
 */
import type { ChartFrame } from '../../site/chart-frame.ts';
import type { ItemEnrichment, PlanEntry, RelatedItem, TopicEntry, YearCount } from '../../model/enrichment.ts';

/**
 * A column of the topics heatmap: one plan, or every plan of a province once there
 * are too many plans to show one by one.
 */
export interface HeatColumn {
  key: string;
  label: string;
  /** Site-relative page of the plan or province. */
  url: string;
  /** Items of the column's plans: the share's denominator. */
  items: number;
  planIds: readonly string[];
}

/**
 * Past this many plans the heatmap shows provinces, not plans: one column per plan
 * made /topics/ 8.5 MB at 1,000 plans and would make it 250 MB for a national atlas.
 * A province column stays comparable (shares, not counts) and links to the province,
 * where its plans are listed.
 */
export const maxPlanColumns = 40;

/** `province` names a province by its slug, with its GB/T 2260 code, the order columns take. */
export function heatColumns(plans: readonly PlanEntry[], province: (slug: string) => { name: string; code: string }): { by: 'plan' | 'province'; columns: HeatColumn[] } {
  if (plans.length <= maxPlanColumns) {
    return { by: 'plan', columns: plans.map((plan) => ({ key: plan.id, label: `${plan.region}${plan.year}`, url: plan.url, items: plan.items, planIds: [plan.id] })) };
  }
  const byProvince = new Map<string, PlanEntry[]>();
  for (const plan of plans) {
    const slug = plan.regionPath[0] ?? '';
    const group = byProvince.get(slug);
    if (group) group.push(plan);
    else byProvince.set(slug, [plan]);
  }
  const columns = [...byProvince].map(([slug, group]) => {
    const { name, code } = province(slug);
    return { key: slug, label: name, url: `/${slug}/`, items: group.reduce((sum, plan) => sum + plan.items, 0), planIds: group.map((plan) => plan.id), code };
  });
  columns.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { by: 'province', columns: columns.map(({ code: _code, ...column }) => column) };
}

export interface HeatCell {
  topic: string;
  column: string;
  count: number;
  /** Share of the column's items in the topic, 0–1: what the colour shows, so long and short plans compare. */
  share: number;
  x: number;
  y: number;
  fill: string;
}

export interface Heatmap {
  width: number;
  height: number;
  cell: number;
  rowLabelWidth: number;
  columnLabelHeight: number;
  cells: HeatCell[];
  maxShare: number;
}

/** Blue ramp from paper to accent; contrast of the count text is chosen by the caller from share. */
export function heatFill(share: number, maxShare: number): string {
  if (share <= 0 || maxShare <= 0) return '#f6f8fa';
  const t = Math.min(1, share / maxShare);
  const mix = (from: number, to: number): number => Math.round(from + (to - from) * (0.15 + 0.85 * t));
  return `rgb(${mix(230, 11)}, ${mix(240, 92)}, ${mix(250, 173)})`;
}

/** How many of a column's items are in the topic. */
export function topicCount(topic: TopicEntry, column: HeatColumn): number {
  return column.planIds.reduce((sum, id) => sum + (topic.plans[id] ?? 0), 0);
}

export function heatmap(topics: readonly TopicEntry[], columns: readonly HeatColumn[], cell = 28, rowLabelWidth = 150, columnLabelHeight = 120): Heatmap {
  const counts = topics.map((topic) => columns.map((column) => topicCount(topic, column)));
  const shareOf = (count: number, column: HeatColumn): number => (column.items > 0 ? count / column.items : 0);
  let maxShare = 0;
  topics.forEach((_, row) => columns.forEach((column, index) => (maxShare = Math.max(maxShare, shareOf(counts[row]![index]!, column)))));
  const cells: HeatCell[] = [];
  topics.forEach((topic, row) => {
    columns.forEach((column, index) => {
      const count = counts[row]![index]!;
      const share = shareOf(count, column);
      cells.push({ topic: topic.slug, column: column.key, count, share, x: rowLabelWidth + index * cell, y: columnLabelHeight + row * cell, fill: heatFill(share, maxShare) });
    });
  });
  return { width: rowLabelWidth + columns.length * cell + Math.ceil(columnLabelHeight * 0.6), height: columnLabelHeight + topics.length * cell + 4, cell, rowLabelWidth, columnLabelHeight, cells, maxShare };
}

/** One year of a term's chart: its share of that year's plans, or a gap where the atlas has no plan that year. */
export interface TermYearColumn {
  year: number;
  /** Plans that print the term, and all plans of that year. */
  plans: number;
  corpusPlans: number;
  items: number;
  corpusItems: number;
  /** plans ÷ corpusPlans, or null for a year without plans (a gap, not a zero). */
  share: number | null;
  /** Centre of the column, and the bar's top and height. */
  x: number;
  y: number;
  height: number;
}

export interface TermYearChart extends ChartFrame {
  columns: TermYearColumn[];
  barWidth: number;
}

/**
 * A term's use year by year, drawn honestly: every year from the first to the last
 * the atlas holds, a year without plans left as a gap, each bar the share of that
 * year's plans printing the term on an axis from 0 to 100 %, so that one plan of
 * one is not drawn beside one of twelve without its counts (shown under each year).
 */
export function termYearChart(years: readonly YearCount[], size = { width: 480, height: 240 }): TermYearChart {
  // Room for 16 px labels, which a 390 px phone still draws at about 12 px.
  const left = 52;
  const right = 8;
  const top = 10;
  const bottom = 50;
  const plot = size.height - top - bottom;
  const byYear = new Map(years.map((entry) => [entry.year, entry]));
  const known = years.map((entry) => entry.year);
  const first = Math.min(...known);
  const last = Math.max(...known);
  const span = known.length > 0 ? last - first + 1 : 0;
  const columnWidth = span > 0 ? (size.width - left - right) / span : 0;
  const barWidth = Math.round(Math.min(40, columnWidth * 0.6));
  const columns = Array.from({ length: span }, (_, index): TermYearColumn => {
    const year = first + index;
    const entry = byYear.get(year);
    const corpusPlans = entry?.corpusPlans ?? 0;
    const share = corpusPlans > 0 ? (entry?.plans ?? 0) / corpusPlans : null;
    const height = Math.round((share ?? 0) * plot);
    return {
      year,
      plans: entry?.plans ?? 0,
      corpusPlans,
      items: entry?.items ?? 0,
      corpusItems: entry?.corpusItems ?? 0,
      share,
      x: Math.round(left + columnWidth * (index + 0.5)),
      y: top + plot - height,
      height,
    };
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, y: Math.round(top + plot - value * plot) }));
  return { columns, ticks, width: size.width, height: size.height, left, right, top, bottom, barWidth };
}

/** Up to `radius` characters either side of the first occurrence of `needle`, with ellipses where cut. */
export function excerpt(text: string, needle: string, radius = 40): { before: string; match: string; after: string } | null {
  const flat = text.replace(/\n/g, ' ');
  const at = flat.indexOf(needle);
  if (at < 0) return null;
  const start = Math.max(0, at - radius);
  const end = Math.min(flat.length, at + needle.length + radius);
  return {
    before: `${start > 0 ? '…' : ''}${flat.slice(start, at)}`,
    match: needle,
    after: `${flat.slice(at + needle.length, end)}${end < flat.length ? '…' : ''}`,
  };
}

/** "共同主题：教师队伍；共同词语：县管校聘" — why two items are related. */
export function relatedReason(related: RelatedItem, topicNames: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  if (related.topics.length > 0) parts.push(`共同主题：${related.topics.map((slug) => topicNames.get(slug) ?? slug).join('、')}`);
  if (related.terms.length > 0) parts.push(`共同术语：${related.terms.join('、')}`);
  else if (related.keywords.length > 0) parts.push(`共同关键词：${related.keywords.join('、')}`);
  return parts.join('；');
}

/**
 * What a list of items grouped by plan shows, and nothing more: the pages that list
 * groups take their cache key from it (src/site/page-keys.ts), so a field shown
 * has to be here, and a change to a field not shown renders nothing again.
 */
export interface PlanGroup {
  plan: Pick<PlanEntry, 'id' | 'url' | 'title' | 'region' | 'year'>;
  items: Pick<ItemEnrichment, 'url' | 'name'>[];
}

/** Items grouped by plan, plans in the order given by `plans` (newest first), items in the order of `urls`. */
export function groupByPlan(urls: readonly string[], items: ReadonlyMap<string, ItemEnrichment>, plans: readonly PlanEntry[]): PlanGroup[] {
  const byPlan = new Map<string, PlanGroup['items']>();
  for (const url of urls) {
    const item = items.get(url);
    if (!item) continue;
    const list = byPlan.get(item.plan) ?? [];
    list.push({ url: item.url, name: item.name });
    byPlan.set(item.plan, list);
  }
  return plans
    .filter((plan) => byPlan.has(plan.id))
    .map(({ id, url, title, region, year }) => ({ plan: { id, url, title, region, year }, items: byPlan.get(id)! }));
}

/**
 * Pure view helpers of the cross-link pages: chart geometry, excerpts, reasons,
 * grouping. No Astro here, so they are unit-tested like any stage.
 */
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

export interface YearBar {
  year: number;
  items: number;
  /** Items per 100 items of that year's plans: use relative to what was published. */
  per100: number;
  x: number;
  y: number;
  height: number;
}

export function yearBars(years: readonly YearCount[], width = 320, height = 120, gap = 4): { bars: YearBar[]; barWidth: number; width: number; height: number; max: number } {
  const plot = height - 20;
  const per100 = years.map((year) => (year.corpusItems > 0 ? (100 * year.items) / year.corpusItems : 0));
  const max = Math.max(0, ...per100);
  const barWidth = years.length > 0 ? Math.max(6, (width - gap * (years.length - 1)) / years.length) : 0;
  const bars = years.map((year, index) => {
    const value = per100[index]!;
    const barHeight = max > 0 ? Math.round((value / max) * plot) : 0;
    return { year: year.year, items: year.items, per100: Math.round(value * 10) / 10, x: Math.round(index * (barWidth + gap)), y: plot - barHeight, height: barHeight };
  });
  return { bars, barWidth: Math.floor(barWidth), width: Math.ceil(years.length * (barWidth + gap)), height, max };
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

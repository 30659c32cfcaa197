/**
 * Derived views of the plans the pages need: regions as a tree, items with their
 * place in the plan, years. Pure functions over Plan values; every list is sorted
 * so the built site is the same byte for byte whatever order files were read in.
 */
import { compareText, comparePlans } from '../model/order.ts';
import { itemsOf, itemsWithSections, type Item, type Plan, type RegionLevel, type Section } from '../model/plan.ts';

export interface RegionNode {
  /** Site-relative URL, e.g. /shandong/taian/. */
  url: string;
  path: string[];
  name: string;
  code: string;
  level: RegionLevel;
  parent: string | null;
  children: RegionNode[];
  /** Plans issued for this region itself. */
  plans: Plan[];
}

export interface ItemInPlan {
  item: Item;
  plan: Plan;
  /** Enclosing sections, outermost first. */
  sections: Section[];
  index: number;
  previous: Item | null;
  next: Item | null;
}

export const regionUrl = (path: readonly string[]): string => `/${path.join('/')}/`;

export { compareText, comparePlans };

export function sortPlans(plans: readonly Plan[]): Plan[] {
  return [...plans].sort(comparePlans);
}

/** The name, code and level of every prefix of a plan's region path. */
export function regionChain(plan: Plan): { path: string[]; name: string; code: string; level: RegionLevel }[] {
  const { region } = plan;
  const chain: { path: string[]; name: string; code: string; level: RegionLevel }[] = [];
  const last = region.path.length - 1;
  region.path.forEach((_, index) => {
    const path = region.path.slice(0, index + 1);
    if (index === last) chain.push({ path, name: region.name, code: region.code, level: region.level });
    else if (index === 0) chain.push({ path, name: region.province, code: region.provinceCode, level: 'province' });
    else chain.push({ path, name: region.prefecture ?? path.join('/'), code: region.prefectureCode ?? '', level: 'prefecture' });
  });
  return chain;
}

/** Every region a plan names or lies under, as a forest sorted by division code. */
export function buildRegionTree(plans: readonly Plan[]): { roots: RegionNode[]; byUrl: Map<string, RegionNode> } {
  const byUrl = new Map<string, RegionNode>();
  for (const plan of sortPlans(plans)) {
    let parent: string | null = null;
    for (const link of regionChain(plan)) {
      const url = regionUrl(link.path);
      let node = byUrl.get(url);
      if (!node) {
        node = { url, path: link.path, name: link.name, code: link.code, level: link.level, parent, children: [], plans: [] };
        byUrl.set(url, node);
        if (parent) byUrl.get(parent)?.children.push(node);
      }
      parent = url;
    }
    byUrl.get(regionUrl(plan.region.path))?.plans.push(plan);
  }
  const byCode = (a: RegionNode, b: RegionNode): number => compareText(a.code, b.code) || compareText(a.url, b.url);
  for (const node of byUrl.values()) node.children.sort(byCode);
  const roots = [...byUrl.values()].filter((node) => node.parent === null).sort(byCode);
  return { roots, byUrl };
}

/** Plans of a region and every region under it. */
export function plansUnder(node: RegionNode): Plan[] {
  const all: Plan[] = [...node.plans];
  for (const child of node.children) all.push(...plansUnder(child));
  return sortPlans(all);
}

/** The chain of regions from the root to this one. */
export function regionAncestors(node: RegionNode, byUrl: ReadonlyMap<string, RegionNode>): RegionNode[] {
  const chain: RegionNode[] = [];
  for (let current: RegionNode | undefined = node; current; current = current.parent ? byUrl.get(current.parent) : undefined) {
    chain.unshift(current);
  }
  return chain;
}

/** Items in document order, each with its sections and neighbours (same order as itemsOf). */
export function itemsInPlan(plan: Plan): ItemInPlan[] {
  const found = itemsWithSections(plan);
  return found.map((entry, index) => ({
    ...entry,
    index,
    previous: found[index - 1]?.item ?? null,
    next: found[index + 1]?.item ?? null,
  }));
}

export function itemCount(plan: Plan): number {
  let count = 0;
  for (const _ of itemsOf(plan.sections)) count += 1;
  return count;
}

/** A short name for an item: its lead phrase, else the opening of its text. */
export function itemName(item: Item, length = 28): string {
  if (item.title && item.title.length > 0) return item.title;
  const text = item.text.replace(/\s+/gu, ' ').trim();
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** A section's heading without its closing punctuation, or a fallback for the untitled list. */
export function sectionName(section: Section): string {
  return section.heading.length > 0 ? section.heading : '正文';
}

/** Years with plans, newest first, each with its plans. */
export function plansByYear(plans: readonly Plan[]): { year: number; plans: Plan[] }[] {
  const years = new Map<number, Plan[]>();
  for (const plan of sortPlans(plans)) {
    const list = years.get(plan.year) ?? [];
    list.push(plan);
    years.set(plan.year, list);
  }
  return [...years.entries()].sort((a, b) => b[0] - a[0]).map(([year, list]) => ({ year, plans: list }));
}

/** "2024-03-26" → "2024年3月26日". */
export function chineseDate(iso: string | null): string | null {
  if (!iso) return null;
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The region as a reader names it: 山东省泰安市, 山东省枣庄市台儿庄区. */
export function regionFullName(plan: Plan): string {
  return regionChain(plan).map((link) => link.name).join('');
}

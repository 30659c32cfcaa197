/**
 * Data downloads: a plan as JSON, all items as CSV (Excel-ready) and JSON.
 * Key order and row order are fixed so two builds write the same bytes.
 */
import type { Plan } from '../model/plan.ts';
import type { ItemInPlan } from './atlas-model.ts';
import { toCsv } from './csv.ts';

export function planJson(plan: Plan, absolute: (path: string) => string): string {
  return `${JSON.stringify({ ...plan, pageUrl: absolute(plan.url) }, null, 2)}\n`;
}

export const itemColumns = [
  'item_url', 'plan_url', 'plan_id', 'plan_title', 'year', 'kind', 'region', 'region_code', 'province',
  'issuers', 'doc_number', 'issued_on', 'section', 'key', 'label', 'title', 'text',
] as const;

export function itemRow(context: ItemInPlan, absolute: (path: string) => string): Record<(typeof itemColumns)[number], string | number | null> {
  const { item, plan, sections } = context;
  return {
    item_url: absolute(item.url),
    plan_url: absolute(plan.url),
    plan_id: plan.id,
    plan_title: plan.title,
    year: plan.year,
    kind: plan.kind,
    region: plan.region.name,
    region_code: plan.region.code,
    province: plan.region.province,
    issuers: plan.issuers.join('；'),
    doc_number: plan.docNumber,
    issued_on: plan.issuedOn,
    section: sections.map((section) => section.heading).filter((heading) => heading.length > 0).join(' › '),
    key: item.key,
    label: item.label,
    title: item.title,
    text: item.text,
  };
}

export function itemsCsv(items: readonly ItemInPlan[], absolute: (path: string) => string): string {
  return toCsv(itemColumns, items.map((context) => {
    const row = itemRow(context, absolute);
    return itemColumns.map((column) => row[column]);
  }));
}

export function itemsJson(items: readonly ItemInPlan[], absolute: (path: string) => string): string {
  return `${JSON.stringify(items.map((context) => itemRow(context, absolute)), null, 2)}\n`;
}

/**
 * The bulk downloads' formats: every item and every commitment as CSV (Excel-ready)
 * and JSON, every plan as JSON. Shared by the stage that writes them
 * (scripts/site/downloads.ts) and the site, which writes each plan's own JSON. Key
 * order and row order are fixed so two builds write the same bytes.
 */
import type { Commitment } from './enrichment.ts';
import type { Item, ItemWithSections, Plan } from './plan.ts';
import { csvRow, utf8Bom } from './csv.ts';

/**
 * A list of records as JSON with one record a line: any JSON reader takes it, `grep`
 * and a diff still work line by line, and it is 8 to 24 % smaller than JSON indented
 * by two spaces (at 1,000 plans: items 24.8 → 22.7 MB, plans 22.5 → 18.7, commitments
 * 9.2 → 7.0), bytes that a host's size limit counts.
 */
export function jsonRecords(records: readonly unknown[]): string {
  return jsonDocument(records.map((record) => JSON.stringify(record)));
}

/** The JSON of a list whose records are already written, one a line (jsonRecords). */
export function jsonDocument(lines: readonly string[]): string {
  return lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`;
}

/** A CSV file of `header` and rows already written (csvRow), with the BOM Excel needs and CRLF rows. */
export function csvDocument(header: readonly string[], rows: readonly string[]): string {
  return `${utf8Bom}${[csvRow(header), ...rows].join('\r\n')}\r\n`;
}

export function planJson(plan: Plan, absolute: (path: string) => string): string {
  return `${JSON.stringify({ ...plan, pageUrl: absolute(plan.url) })}\n`;
}

export const itemColumns = [
  'item_url', 'plan_url', 'plan_id', 'plan_title', 'year', 'kind', 'region', 'region_code', 'province',
  'issuers', 'doc_number', 'issued_on', 'section', 'key', 'label', 'title', 'text',
] as const;

export type ItemRow = Record<(typeof itemColumns)[number], string | number | null>;

export function itemRow(context: ItemWithSections, absolute: (path: string) => string): ItemRow {
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

/** An item row as a CSV line (without its line break). */
export const itemCsvRow = (row: ItemRow): string => csvRow(itemColumns.map((column) => row[column]));

export function itemsCsv(items: readonly ItemWithSections[], absolute: (path: string) => string): string {
  return csvDocument(itemColumns, items.map((context) => itemCsvRow(itemRow(context, absolute))));
}

export function itemsJson(items: readonly ItemWithSections[], absolute: (path: string) => string): string {
  return jsonRecords(items.map((context) => itemRow(context, absolute)));
}

export const commitmentColumns = [
  'item_url', 'plan_id', 'year', 'region', 'region_code', 'province', 'key', 'kind', 'reported',
  'indicator', 'quantity', 'max', 'unit', 'bound', 'office', 'text', 'start', 'end', 'planned_in',
] as const;

export type CommitmentRow = Record<(typeof commitmentColumns)[number], string | number | boolean | null>;

/** What a commitment's row says of its item and plan. */
export interface CommitmentSource {
  item: Pick<Item, 'url' | 'key'>;
  plan: Pick<Plan, 'id' | 'year'> & { region: Pick<Plan['region'], 'name' | 'code' | 'province'> };
}

/** Every commitment of every item, one row each, in the order of the items. */
export function commitmentRows(items: readonly CommitmentSource[], commitmentsOf: (url: string) => readonly Commitment[], absolute: (path: string) => string): CommitmentRow[] {
  return items.flatMap(({ item, plan }) =>
    commitmentsOf(item.url).map((commitment) => ({
      item_url: absolute(item.url),
      plan_id: plan.id,
      year: plan.year,
      region: plan.region.name,
      region_code: plan.region.code,
      province: plan.region.province,
      key: item.key,
      kind: commitment.kind,
      reported: commitment.reported,
      indicator: commitment.indicator,
      quantity: commitment.quantity,
      max: commitment.max,
      unit: commitment.unit,
      bound: commitment.bound,
      office: commitment.office,
      text: commitment.text,
      start: commitment.start,
      end: commitment.end,
      planned_in: commitment.plannedIn.map((entry) => absolute(entry.url)).join(' '),
    })),
  );
}

export function commitmentsCsv(rows: readonly CommitmentRow[]): string {
  return csvDocument(commitmentColumns, rows.map((row) => csvRow(commitmentColumns.map((column) => {
    const value = row[column];
    return typeof value === 'boolean' ? (value ? 'true' : 'false') : value;
  }))));
}

export function commitmentsJson(rows: readonly CommitmentRow[]): string {
  return jsonRecords(rows);
}

/** The bulk downloads, by their path in the site: what the downloads stage writes. */
export const bulkDownloads = {
  itemsCsv: 'downloads/items.csv',
  itemsJson: 'downloads/items.json',
  commitmentsCsv: 'downloads/commitments.csv',
  commitmentsJson: 'downloads/commitments.json',
  plansJson: 'downloads/plans.json',
} as const;

/**
 * The bulk downloads (src/model/downloads.ts): every item and every commitment as CSV
 * and JSON, every plan as JSON, written into the site after Astro's pages.
 *
 * They are a stage of their own, not Astro endpoints, because they change with any
 * plan: Astro rendered all five again on every rebuild, some 6 s at 1,000 plans
 * (a quarter of it handing 20 MB strings through a `Response`). Here each plan file's rows
 * are kept with the file's stat in a cache, as the ledger keeps its URLs, so after one
 * edited plan only that plan's rows are made again (the others' are read back); the commitments come from the enrich stage's items file, read
 * whole each time, since any edit rewrites it.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  bulkDownloads,
  commitmentRows,
  commitmentsCsv,
  commitmentsJson,
  csvDocument,
  itemColumns,
  itemCsvRow,
  itemRow,
  jsonDocument,
  type CommitmentSource,
} from '../../src/model/downloads.ts';
import type { Commitment } from '../../src/model/enrichment.ts';
import { comparePlans, type PlanOrder } from '../../src/model/order.ts';
import { itemsWithSections, type Plan } from '../../src/model/plan.ts';
import { planFiles, readPlanFile } from '../../src/model/plan-files.ts';
import { readItemCommitments } from '../enrich/files.ts';
import { cachedPlanEntries, codeDigest, fileStat, sameStat, sha256, writeFileAtomic, type FileStat } from '../ingest/output.ts';

/** The code that turns a plan file into its rows: when it changes, every plan is read again. */
const rowsCode = codeDigest(
  new URL('./downloads.ts', import.meta.url),
  new URL('../../src/model/downloads.ts', import.meta.url),
  new URL('../../src/model/csv.ts', import.meta.url),
  new URL('../../src/model/plan.ts', import.meta.url),
  new URL('../../src/model/plan-files.ts', import.meta.url),
);

/** One plan's share of the downloads: its rows as written, each list joined as it stands in its file. */
interface PlanRows {
  /** What orders the plans (comparePlans). */
  order: PlanOrder;
  /** Its items as the commitments' rows name them. */
  items: CommitmentSource[];
  /** Its items' CSV rows joined by CRLF, their JSON records joined by ",\n" (both empty when it has no item), its own JSON. */
  itemsCsv: string;
  itemsJson: string;
  planJson: string;
}

/**
 * What the cache keeps of a plan file, in `index.json`: the file's stat when it was
 * read, and its rows but for the three texts, which are its blob (`rows/NAME`, the
 * digest of the file's path) one after the other, of these lengths in bytes.
 */
interface CachedPlan {
  stat: FileStat;
  order: PlanOrder;
  items: CommitmentSource[];
  blob: string;
  lengths: [itemsCsv: number, itemsJson: number, planJson: number];
}

const isCachedPlan = (entry: unknown): entry is CachedPlan =>
  entry !== null && typeof entry === 'object' && typeof (entry as Partial<CachedPlan>).blob === 'string' && Array.isArray((entry as Partial<CachedPlan>).lengths);

function planRows(plan: Plan, absolute: (path: string) => string): PlanRows {
  const items = itemsWithSections(plan);
  const rows = items.map((context) => itemRow(context, absolute));
  return {
    order: { year: plan.year, url: plan.url, region: { path: plan.region.path } },
    items: items.map(({ item, plan: { id, year, region } }) => ({ item: { url: item.url, key: item.key }, plan: { id, year, region: { name: region.name, code: region.code, province: region.province } } })),
    itemsCsv: rows.map(itemCsvRow).join('\r\n'),
    itemsJson: rows.map((row) => JSON.stringify(row)).join(',\n'),
    planJson: JSON.stringify(plan),
  };
}

/** The rows of a cached plan, from its blob; null when the blob is missing or not of its lengths. */
function cachedRows(cacheDirectory: string, entry: CachedPlan): PlanRows | null {
  let blob: Buffer;
  try {
    blob = readFileSync(join(cacheDirectory, 'rows', entry.blob));
  } catch {
    return null;
  }
  const [csv, json, plan] = entry.lengths;
  if (blob.length !== csv + json + plan) return null;
  return { order: entry.order, items: entry.items, itemsCsv: blob.toString('utf8', 0, csv), itemsJson: blob.toString('utf8', csv, csv + json), planJson: blob.toString('utf8', csv + json) };
}

export interface DownloadsResult {
  plans: number;
  items: number;
  commitments: number;
  /** How many plan files were read, not taken from the cache. */
  read: number;
}

/**
 * Writes the bulk downloads of the plans under `contentDirectory` into `siteDirectory`.
 * `absolute` makes the URLs in them; `urls` names what it depends on (the site's URL
 * and base path), so a cache made for others is not used. With `cacheDirectory`
 * null, every plan is read and nothing is kept.
 */
export function writeDownloads(options: {
  contentDirectory: string;
  siteDirectory: string;
  absolute: (path: string) => string;
  urls: string;
  cacheDirectory: string | null;
}): DownloadsResult {
  const { cacheDirectory } = options;
  // Rows made by other code, or for another site URL or base path, are not used.
  const code = `${rowsCode} ${options.urls}`;
  const indexFile = cacheDirectory === null ? null : join(cacheDirectory, 'index.json');
  const cached = cachedPlanEntries(indexFile, code);
  const kept: Record<string, CachedPlan> = {};
  const plans: PlanRows[] = [];
  let read = 0;
  for (const file of planFiles(join(options.contentDirectory, 'plans'))) {
    const entry = Object.hasOwn(cached, file) ? cached[file] : undefined;
    const reused = cacheDirectory !== null && isCachedPlan(entry) && sameStat(entry.stat, fileStat(file)) ? cachedRows(cacheDirectory, entry) : null;
    if (reused !== null) {
      kept[file] = entry as CachedPlan;
      plans.push(reused);
      continue;
    }
    // Stat before reading: a file changed in between is read again next time, never trusted.
    const stat = fileStat(file);
    const rows = planRows(readPlanFile(file), options.absolute);
    read += 1;
    plans.push(rows);
    if (cacheDirectory === null || stat === null) continue;
    const blob = sha256(file);
    const texts = [rows.itemsCsv, rows.itemsJson, rows.planJson].map((text) => Buffer.from(text));
    writeFileAtomic(join(cacheDirectory, 'rows', blob), Buffer.concat(texts));
    kept[file] = { stat, order: rows.order, items: rows.items, blob, lengths: [texts[0]!.length, texts[1]!.length, texts[2]!.length] };
  }
  plans.sort((a, b) => comparePlans(a.order, b.order));
  const commitments = readItemCommitments(options.contentDirectory);
  const none: readonly Commitment[] = [];
  const rows = commitmentRows(plans.flatMap((plan) => plan.items), (url) => commitments.get(url) ?? none, options.absolute);
  const write = (path: string, text: string): void => writeFileAtomic(join(options.siteDirectory, path), text);
  // A plan's rows are one block; a plan without items adds no empty line.
  const blocks = (texts: string[]): string[] => texts.filter((text) => text.length > 0);
  write(bulkDownloads.itemsCsv, csvDocument(itemColumns, blocks(plans.map((plan) => plan.itemsCsv))));
  write(bulkDownloads.itemsJson, jsonDocument(blocks(plans.map((plan) => plan.itemsJson))));
  write(bulkDownloads.plansJson, jsonDocument(plans.map((plan) => plan.planJson)));
  write(bulkDownloads.commitmentsCsv, commitmentsCsv(rows));
  write(bulkDownloads.commitmentsJson, commitmentsJson(rows));
  if (cacheDirectory !== null && indexFile !== null) {
    writeFileAtomic(indexFile, JSON.stringify({ code, plans: kept }));
    // Blobs of plans gone, or of rows made by other code, go too.
    const live = new Set(Object.values(kept).map((entry) => entry.blob));
    const blobs = join(cacheDirectory, 'rows');
    for (const name of existsSync(blobs) ? readdirSync(blobs) : []) if (!live.has(name)) rmSync(join(blobs, name), { force: true });
  }
  return { plans: plans.length, items: plans.reduce((sum, plan) => sum + plan.items.length, 0), commitments: rows.length, read };
}

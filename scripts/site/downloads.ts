/**
 * The bulk downloads (src/model/downloads.ts): every item and every commitment as CSV
 * and JSON, every plan as JSON, written into the site after Astro's pages.
 *
 * They are a stage of their own, not Astro endpoints, because they change with any
 * plan: Astro rendered all five again on every rebuild, some 6 s at 1,000 plans
 * (most of it handing 20 MB strings through a `Response`). Here each plan file's rows
 * are kept with the file's stat in a cache, as the ledger keeps its URLs, so after one
 * edited plan only that plan's rows are written again; the commitments come from the
 * enrich stage's items file, read whole each time, since any edit rewrites it.
 */
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
import { itemsWithSections } from '../../src/model/plan.ts';
import { planFiles, readPlanFile } from '../../src/model/plan-files.ts';
import { readItemCommitments } from '../enrich/files.ts';
import { cachedPlanEntries, codeDigest, fileStat, sameStat, writeFileAtomic, type FileStat } from '../ingest/output.ts';

/** The code that turns a plan file into its rows: when it changes, every plan is read again. */
const rowsCode = codeDigest(
  new URL('./downloads.ts', import.meta.url),
  new URL('../../src/model/downloads.ts', import.meta.url),
  new URL('../../src/model/csv.ts', import.meta.url),
  new URL('../../src/model/plan.ts', import.meta.url),
  new URL('../../src/model/plan-files.ts', import.meta.url),
);

/** One plan's share of the downloads, as written. */
interface PlanRows {
  /** The plan file as it was when its rows were written. */
  stat: FileStat;
  /** What orders the plans (comparePlans). */
  order: PlanOrder;
  itemsCsv: string[];
  itemsJson: string[];
  planJson: string;
  /** Its items as the commitments' rows name them. */
  items: CommitmentSource[];
}

/** A stored entry whose file is still the one it was read from (its shape is this code's, by the digest). */
const stillValid = (file: string, entry: unknown): entry is PlanRows =>
  entry !== null && typeof entry === 'object' && sameStat((entry as Partial<PlanRows>).stat, fileStat(file));

function planRows(file: string, absolute: (path: string) => string): PlanRows {
  // Stat before reading: a file changed in between is read again next time, never trusted.
  const stat = fileStat(file)!;
  const plan = readPlanFile(file);
  const items = itemsWithSections(plan);
  const rows = items.map((context) => itemRow(context, absolute));
  return {
    stat,
    order: { year: plan.year, url: plan.url, region: { path: plan.region.path } },
    itemsCsv: rows.map(itemCsvRow),
    itemsJson: rows.map((row) => JSON.stringify(row)),
    planJson: JSON.stringify(plan),
    items: items.map(({ item, plan: { id, year, region } }) => ({ item: { url: item.url, key: item.key }, plan: { id, year, region: { name: region.name, code: region.code, province: region.province } } })),
  };
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
 * and base path), so a cache made for others is not used. With `cacheFile` null,
 * every plan is read and nothing is kept.
 */
export function writeDownloads(options: {
  contentDirectory: string;
  siteDirectory: string;
  absolute: (path: string) => string;
  urls: string;
  cacheFile: string | null;
}): DownloadsResult {
  // Rows made by other code, or for another site URL or base path, are not used.
  const code = `${rowsCode} ${options.urls}`;
  const cached = cachedPlanEntries(options.cacheFile, code);
  const kept: Record<string, PlanRows> = {};
  let read = 0;
  for (const file of planFiles(join(options.contentDirectory, 'plans'))) {
    const entry = Object.hasOwn(cached, file) ? cached[file] : undefined;
    if (stillValid(file, entry)) {
      kept[file] = entry;
      continue;
    }
    kept[file] = planRows(file, options.absolute);
    read += 1;
  }
  const plans = Object.values(kept).sort((a, b) => comparePlans(a.order, b.order));
  const commitments = readItemCommitments(options.contentDirectory);
  const none: readonly Commitment[] = [];
  const rows = commitmentRows(plans.flatMap((plan) => plan.items), (url) => commitments.get(url) ?? none, options.absolute);
  const write = (path: string, text: string): void => writeFileAtomic(join(options.siteDirectory, path), text);
  write(bulkDownloads.itemsCsv, csvDocument(itemColumns, plans.flatMap((plan) => plan.itemsCsv)));
  write(bulkDownloads.itemsJson, jsonDocument(plans.flatMap((plan) => plan.itemsJson)));
  write(bulkDownloads.plansJson, jsonDocument(plans.map((plan) => plan.planJson)));
  write(bulkDownloads.commitmentsCsv, commitmentsCsv(rows));
  write(bulkDownloads.commitmentsJson, commitmentsJson(rows));
  if (options.cacheFile !== null) writeFileAtomic(options.cacheFile, JSON.stringify({ code, plans: kept }));
  return { plans: plans.length, items: plans.reduce((sum, plan) => sum + plan.itemsCsv.length, 0), commitments: rows.length, read };
}

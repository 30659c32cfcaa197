/**
 * The URLs the plans publish. (The plans themselves are read by src/model/plan-files.ts.)
 */
import { itemsOf, type Plan } from '../../src/model/plan.ts';
import { planFiles, readPlanFile } from '../../src/model/plan-files.ts';
import { compareText } from '../../src/model/order.ts';
import { sourceDownloadPath } from '../../src/model/source-download.ts';
import { cachedPlanEntries, codeDigest, fileStat, sameStat, writeFileAtomic, type FileStat } from '../ingest/output.ts';

/** Every URL a plan publishes: its own, each item's, and its source's as published. */
export function urlsOfPlan(plan: Plan): string[] {
  return [plan.url, ...[...itemsOf(plan.sections)].map((item) => item.url), sourceDownloadPath(plan)];
}

/** The code that turns a plan file into its URLs: when it changes, every plan is read again. */
const urlCode = codeDigest(
  new URL('./plans.ts', import.meta.url),
  new URL('../../src/model/plan.ts', import.meta.url),
  new URL('../../src/model/plan-files.ts', import.meta.url),
  new URL('../../src/model/source-download.ts', import.meta.url),
);

interface PlanUrls {
  /** The plan file as it was when its URLs were read. */
  stat: FileStat;
  id: string;
  urls: string[];
}

interface UrlCache {
  code: string;
  plans: Record<string, PlanUrls>;
}

/** A stored entry that is whole and whose file is still the one it was read from. */
const stillValid = (file: string, entry: unknown): entry is PlanUrls => {
  if (entry === null || typeof entry !== 'object') return false;
  const { stat, id, urls } = entry as Partial<PlanUrls>;
  return typeof id === 'string' && Array.isArray(urls) && urls.every((url) => typeof url === 'string') && sameStat(stat, fileStat(file));
};

export interface LiveUrls {
  /** Every plan's URLs, the plans in the order of their ids. */
  urls: string[];
  plans: number;
  /** How many plan files were parsed, not taken from the cache. */
  read: number;
}

/**
 * The URLs of every plan in a folder. A plan file that is the same file (size, mtime,
 * inode) as when its URLs were last read is not parsed again: after one edited plan,
 * the ledger reads that plan's YAML, not every plan's. With `cacheFile` null, every
 * plan is read and nothing is kept.
 */
export function liveUrls(plansDirectory: string, cacheFile: string | null): LiveUrls {
  const cached = cachedPlanEntries(cacheFile, urlCode);
  const kept: Record<string, PlanUrls> = {};
  const plans: Array<Pick<PlanUrls, 'id' | 'urls'>> = [];
  let read = 0;
  for (const file of planFiles(plansDirectory)) {
    const entry = Object.hasOwn(cached, file) ? cached[file] : undefined;
    if (stillValid(file, entry)) {
      kept[file] = entry;
      plans.push(entry);
      continue;
    }
    // Stat before reading: a file changed in between is read again next time, never trusted.
    const stat = fileStat(file);
    const plan = readPlanFile(file);
    read += 1;
    const urls = { id: plan.id, urls: urlsOfPlan(plan) };
    plans.push(urls);
    if (stat !== null) kept[file] = { stat, ...urls };
  }
  if (cacheFile !== null) writeFileAtomic(cacheFile, `${JSON.stringify({ code: urlCode, plans: kept } satisfies UrlCache)}\n`);
  plans.sort((a, b) => compareText(a.id, b.id));
  return { urls: plans.flatMap((plan) => plan.urls), plans: plans.length, read };
}

/**
 * node scripts/cli/verify-site.ts [--content DIR] [--dist DIR] [--threads N] [--cache DIR | --no-cache]
 *
 * Run by `npm run build` after Astro: proves that every Han character of every
 * plan reaches the built site, in order and exactly once, on the plan's page,
 * and that every item's page shows the item's whole text. Exits 1 naming the
 * page and the first text that differs.
 *
 * Reading and parsing every page is most of the run, so the pages are split
 * between worker threads, one per core (--threads; a small site is checked in
 * this thread). The messages come in the order of the pages whatever the split.
 *
 * What passed is kept in --cache (default .cache/verify-site), so a rebuild after one
 * edit checks only what the edit touched. A plan whose Markdown file and every page
 * of which are the same files as when they last passed (size, modification time and
 * inode, as the ingest's cache trusts them: the build replaces a file it writes, and
 * keeps the others as links) passes without being read. A page read again whose bytes and text passed
 * before passes unparsed. --full checks every page of every plan; the cache is then
 * only written.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { itemsOf } from '../../src/model/plan.ts';
import { compareText } from '../../src/model/order.ts';
import { planFiles, readPlanFile } from '../../src/model/plan-files.ts';
import { formatError } from '../../src/model/errors.ts';
import { siteOutputDir } from '../build/site-folder.ts';
import { fileStat, readCacheFile, sameStat, writeFileAtomic, type FileStat } from '../ingest/output.ts';
import { checkCode, verifyPages, type PagesVerified, type PageToVerify } from '../site/verify-pages.ts';
import { hanOf, planHan } from '../site/verify-text.ts';

/** Below this many pages per thread, starting a worker costs more than it saves. */
const pagesPerThread = 2000;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    content: { type: 'string', default: 'content' },
    dist: { type: 'string', default: siteOutputDir() },
    threads: { type: 'string' },
    cache: { type: 'string', default: join('.cache', 'verify-site') },
    'no-cache': { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
  },
  strict: true,
});

/** A plan that passed: its Markdown file's key and each of its pages' files with theirs. */
interface PassedPlan {
  plan: FileStat;
  pages: Array<[string, FileStat]>;
}

/** The pages of the plans read, in the order of the plans' ids, each page with its plan's file. */
function pagesToVerify(files: readonly string[]): { pages: PageToVerify[]; planOf: Map<string, string>; pagesOf: Map<string, string[]> } {
  const pages: PageToVerify[] = [];
  const planOf = new Map<string, string>();
  const pagesOf = new Map<string, string[]>();
  const plans = files.map((file) => ({ file, plan: readPlanFile(file) })).sort((a, b) => compareText(a.plan.id, b.plan.id));
  for (const { file: planFile, plan } of plans) {
    const planPages: string[] = [];
    pagesOf.set(planFile, planPages);
    const page = (url: string, expected: string): void => {
      const file = join(values.dist, url, 'index.html');
      pages.push({ file, url, expected });
      planOf.set(file, planFile);
      planPages.push(file);
    };
    page(plan.url, planHan(plan));
    for (const item of itemsOf(plan.sections)) page(item.url, hanOf(item.label + item.text));
  }
  return { pages, planOf, pagesOf };
}

function inWorker(pages: readonly PageToVerify[], passedBefore: readonly string[]): Promise<PagesVerified> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../site/verify-worker.ts', import.meta.url), { workerData: { pages, passedBefore } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a verify-site worker exited with ${code} before it answered`)));
  });
}

async function verify(pages: readonly PageToVerify[], threads: number, passedBefore: readonly string[]): Promise<PagesVerified> {
  if (threads <= 1) return verifyPages(pages, new Set(passedBefore));
  const size = Math.ceil(pages.length / threads);
  const chunks = Array.from({ length: threads }, (_, index) => pages.slice(index * size, (index + 1) * size));
  const results = await Promise.all(chunks.map((chunk) => inWorker(chunk, passedBefore)));
  return {
    pages: results.reduce((sum, result) => sum + result.pages, 0),
    problems: results.flatMap((result) => result.problems),
    passed: results.flatMap((result) => result.passed),
    known: results.reduce((sum, result) => sum + result.known, 0),
    failed: results.flatMap((result) => result.failed),
  };
}

const cacheFile = values['no-cache'] ? null : join(values.cache, 'passed.json');

interface Stored {
  check: string;
  /** The site checked: a plan's pass says nothing of another folder's pages. */
  dist: string;
  /** The keys of the pages that passed, by bytes and text. */
  passed: string[];
  /** The plans that passed, by their Markdown files. */
  plans: Record<string, PassedPlan>;
}

/** What passed the last run (nothing when there is no cache, it cannot be read, or --full). */
function lastRun(): Stored {
  const none: Stored = { check: checkCode, dist: resolve(values.dist), passed: [], plans: {} };
  const stored = values.full ? null : readCacheFile(cacheFile);
  if (stored === null) return none;
  const { passed, plans } = stored;
  return {
    ...none,
    passed: Array.isArray(passed) ? passed.filter((key): key is string => typeof key === 'string') : [],
    // A plan's pass holds only for the check that gave it, over the same folder.
    plans: stored['check'] === checkCode && stored['dist'] === none.dist && plans !== null && typeof plans === 'object' ? (plans as Record<string, PassedPlan>) : {},
  };
}

const last = lastRun();
const unchanged: Record<string, PassedPlan> = {};
const toRead: string[] = [];
/** Whether a stored plan is whole and its files are the same as when it passed (a damaged entry only costs time). */
const unchangedSince = (file: string, record: PassedPlan | undefined): record is PassedPlan =>
  record !== undefined &&
  sameStat(record.plan, fileStat(file)) &&
  Array.isArray(record.pages) &&
  record.pages.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && sameStat(entry[1], fileStat(entry[0])));
for (const file of planFiles(join(values.content, 'plans'))) {
  const record = Object.hasOwn(last.plans, file) ? last.plans[file] : undefined;
  if (unchangedSince(file, record)) unchanged[file] = record;
  else toRead.push(file);
}
let toVerify: ReturnType<typeof pagesToVerify>;
try {
  toVerify = pagesToVerify(toRead);
} catch (error) {
  // A plan file that is not what the ingest writes: named, with what to do, as every stage words its errors.
  console.error(`verify-site: ${formatError(error)}`);
  process.exit(2);
}
const { pages, planOf, pagesOf } = toVerify;
const threads = values.threads === undefined ? Math.min(availableParallelism(), Math.floor(pages.length / pagesPerThread)) : Number(values.threads);
if (!Number.isInteger(threads) || threads < 0) {
  console.error(`verify-site: --threads must be a whole number, not "${values.threads}"`);
  process.exit(2);
}
const { pages: read, problems, passed, known, failed } = await verify(pages, threads, last.passed);
if (cacheFile !== null) {
  // A plan is remembered as passed only when every one of its pages passed.
  const failedPlans = new Set(failed.map((file) => planOf.get(file)));
  const plans: Record<string, PassedPlan> = { ...unchanged };
  for (const file of toRead) {
    if (failedPlans.has(file)) continue;
    const planStat = fileStat(file);
    const pageStats = (pagesOf.get(file) ?? []).map((page): [string, FileStat | null] => [page, fileStat(page)]);
    if (planStat !== null && pageStats.every(([, stat]) => stat !== null)) plans[file] = { plan: planStat, pages: pageStats as Array<[string, FileStat]> };
  }
  const sorted = Object.fromEntries(Object.entries(plans).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileAtomic(cacheFile, `${JSON.stringify({ check: checkCode, dist: last.dist, passed: [...passed].sort(), plans: sorted })}\n`);
}
const untouched = Object.values(unchanged).reduce((sum, record) => sum + record.pages.length, 0);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`verify-site: ${problems.length} page(s) do not show their plan's whole text`);
  process.exitCode = 1;
} else {
  const notes = [
    ...(known > 0 ? [`${known} as they were when they last passed`] : []),
    ...(untouched > 0 ? [`${untouched} of ${Object.keys(unchanged).length} plan(s) not read again: the same files as when they last passed`] : []),
  ];
  console.log(`verify-site: ${read + untouched} plan and item pages show every character of their text, in order${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`);
}

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
 * A page whose bytes and text passed the last run passes unparsed: the keys of the
 * pages that passed are kept in --cache (default .cache/verify-site), so a rebuild
 * after one edit parses only the pages that changed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { itemsOf } from '../../src/model/plan.ts';
import { loadPlans } from '../../src/model/plan-files.ts';
import { siteOutputDir } from '../build/site-folder.ts';
import { writeFileAtomic } from '../ingest/output.ts';
import { verifyPages, type PagesVerified, type PageToVerify } from '../site/verify-pages.ts';
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
  },
  strict: true,
});

function pagesToVerify(): PageToVerify[] {
  const pages: PageToVerify[] = [];
  const page = (url: string, expected: string): void => {
    pages.push({ file: join(values.dist, url, 'index.html'), url, expected });
  };
  for (const plan of loadPlans(values.content)) {
    page(plan.url, planHan(plan));
    for (const item of itemsOf(plan.sections)) page(item.url, hanOf(item.label + item.text));
  }
  return pages;
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
  };
}

const cacheFile = values['no-cache'] ? null : join(values.cache, 'passed.json');

/** The keys of the pages that passed the last run (none when there is no cache, or it cannot be read). */
function passedLastRun(): string[] {
  if (cacheFile === null || !existsSync(cacheFile)) return [];
  try {
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { passed?: unknown };
    return Array.isArray(stored.passed) ? stored.passed.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    // A damaged cache costs only time: every page is parsed again.
    return [];
  }
}

const pages = pagesToVerify();
const threads = values.threads === undefined ? Math.min(availableParallelism(), Math.floor(pages.length / pagesPerThread)) : Number(values.threads);
if (!Number.isInteger(threads) || threads < 0) {
  console.error(`verify-site: --threads must be a whole number, not "${values.threads}"`);
  process.exit(2);
}
const { pages: read, problems, passed, known } = await verify(pages, threads, passedLastRun());
if (cacheFile !== null) writeFileAtomic(cacheFile, `${JSON.stringify({ passed: [...passed].sort() })}\n`);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`verify-site: ${problems.length} page(s) do not show their plan's whole text`);
  process.exitCode = 1;
} else {
  const unchanged = known > 0 ? ` (${known} as they were when they last passed)` : '';
  console.log(`verify-site: ${read} plan and item pages show every character of their text, in order${unchanged}`);
}

/**
 * The scale benchmark: the whole `npm run build` on a corpus of N plans, outside
 * the repo's content, stage by stage, beside a bare baseline of the same pages
 * (plain Astro, stock Pagefind), then one typical search in Chromium on each, and
 * an incremental rebuild after editing one source.
 *
 * The stages are those `npm run build` runs (scripts/build/stages.ts), so a stage
 * added to the build is measured without changing this file; only the ingest and
 * enrich stages get extra options (the corpus, caches of the benchmark's own).
 */
import { formatPageWeight, typicalItemPageWeight, type PageWeight } from './page-weight.ts';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { barePages, writeBareProject } from './bare.ts';
import { runMeasured, type StageRun } from './measure.ts';
import { measureSearch, type SearchFigures } from './search.ts';
import { writeSiteRoot } from './site-root.ts';
import { loadPlans } from '../../src/model/plan-files.ts';
import { buildStages, stageCommand } from '../build/stages.ts';
import { itemsOf } from '../../src/model/plan.ts';
import { formatSiteShape, siteShape, type SiteShape } from './site-shape.ts';
import { siteFiles } from '../build/site-files.ts';

export interface Stage {
  name: string;
  command: string;
}

export interface StageResult extends Omit<StageRun, 'output'> {
  name: string;
  /** Parts a stage times itself and prints as `name: … in 1.23 s` (a step inside the stage). */
  parts: { name: string; seconds: number }[];
  /** Pages the stage produced: .md plans, .html pages or Pagefind fragments (one per record). */
  pages: number;
  /** Growth of the stage's output directories (content/, dist/), in bytes. */
  bytes: number;
  /** astro only: pages it rendered, and pages an incremental build kept from the last build. */
  rendered?: number;
  kept?: number;
}

export interface BenchResult {
  plans: number;
  items: number;
  sourceBytes: number;
  pipeline: StageResult[];
  bare: StageResult[];
  /** Every stage again after editing one source, over the clean run's caches and output (a rebuild). */
  incremental: StageResult[];
  /**
   * The ingest stage alone after each of the edits made before the rebuild's
   * (see ingestRebuildSamples); figures from older versions of the bench have none.
   */
  ingestRebuilds?: StageResult[];
  searchIndexBytes: number;
  bareSearchIndexBytes: number;
  search: SearchFigures | null;
  /** The same search typed, Enter pressed a reader's pause (its typedPauseMs) later; figures from older versions of the bench have none. */
  typedSearch?: SearchFigures | null;
  bareSearch: SearchFigures | null;
  itemPage: PageWeight | null;
  /** Files and bytes of the built dist/ and the bare one, by top folder; figures from older versions of the bench have none. */
  site?: SiteShape;
  bareSite?: SiteShape | null;
  work: string;
}

const pageFile = /\.(?:md|html|pf_fragment)$/;

interface Tally {
  files: Map<string, number>;
}

/** Sizes of every file under the given directories (links into the repo are not followed). */
function tally(directories: readonly string[]): Tally {
  const files = new Map<string, number>();
  for (const directory of directories) for (const { path, bytes } of siteFiles(directory)) files.set(path, bytes);
  return { files };
}

/** What a stage added or rewrote: pages (by kind of file) and bytes. */
function growth(before: Tally, after: Tally): { pages: number; bytes: number } {
  let pages = 0;
  let bytes = 0;
  for (const [path, size] of after.files) {
    const old = before.files.get(path);
    if (old === undefined && pageFile.test(path)) pages += 1;
    bytes += size - (old ?? 0);
  }
  for (const [path, size] of before.files) if (!after.files.has(path)) bytes -= size;
  return { pages, bytes };
}

function directorySize(directory: string): number {
  let bytes = 0;
  for (const size of tally([directory]).files.values()) bytes += size;
  return bytes;
}

export interface BenchOptions {
  repo: string;
  plans: number;
  work: string;
  query: string;
  seed: number;
  /** Skip the bare baseline (a quicker run while developing). */
  bare: boolean;
  log: (line: string) => void;
}

function environment(root: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${join(root, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    // The stages' own output speaks English and plain text in the log.
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

async function runStage(
  stage: Stage,
  root: string,
  outputs: readonly string[],
  logFile: string,
): Promise<StageResult> {
  const before = tally(outputs);
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  const run = await runMeasured('bash', ['-c', stage.command], { cwd: root, env: environment(root), logFile });
  if (run.exitCode !== 0) {
    throw new Error(`stage ${stage.name} (${stage.command}) exited with ${run.exitCode}; see ${logFile}`);
  }
  const { output, ...figures } = run;
  const result: StageResult = { name: stage.name, ...figures, ...growth(before, tally(outputs)), parts: selfTimedParts(stage.name, output) };
  if (stage.name !== 'astro') return result;
  // A line per page: the stage's whole log, not the tail of its output runMeasured keeps.
  return { ...result, ...astroPages(readFileSync(logFile).subarray(logStart).toString('utf8')) };
}

/**
 * From the astro stage's log: a page Astro rendered is listed (`├─ /a/index.html (+2ms)`);
 * the pages kept from the last build are counted by
 * scripts/cli/astro-build.ts (`kept N pages`).
 */
export function astroPages(log: string): { rendered: number; kept: number } {
  // Astro colours its log when it thinks it runs in CI, whatever NO_COLOR says.
  const output = stripVTControlCharacters(log);
  const kept = /astro-build: kept (\d+) pages/.exec(output);
  return {
    // Some entries come without their time, run into the next line's clock (`├─ /404.html20:39:14`).
    rendered: [...output.matchAll(/├─ \/\S/g)].length,
    kept: kept === null ? 0 : Number(kept[1]),
  };
}

/** Lines such as `enrich: 24 topics, … in 1.23 s` printed by a stage about a step inside it. */
export function selfTimedParts(stageName: string, output: string): { name: string; seconds: number }[] {
  const parts: { name: string; seconds: number }[] = [];
  for (const match of output.matchAll(/^([a-z][\w -]*): .* in (\d+(?:\.\d+)?) s\b/gm)) {
    const name = match[1]!;
    if (name !== stageName) parts.push({ name, seconds: Number(match[2]) });
  }
  return parts;
}

/** Corpus of N plans: the bundled sources for N = 5, else the synthetic generator. */
async function writeCorpus(options: BenchOptions, directory: string): Promise<void> {
  const bundled = join(options.repo, 'content', 'sources');
  const realCount = readdirSync(bundled).filter((name) => name.endsWith('.txt')).length;
  mkdirSync(directory, { recursive: true });
  if (options.plans === realCount) {
    for (const name of readdirSync(bundled)) writeFileSync(join(directory, name), readFileSync(join(bundled, name)));
    return;
  }
  const run = await runMeasured(
    'node',
    [join(options.repo, 'scripts', 'cli', 'bench-corpus.ts'), '--plans', String(options.plans), '--out', directory, '--seed', String(options.seed)],
    { cwd: options.repo, env: environment(options.repo), logFile: join(options.work, 'corpus.log') },
  );
  if (run.exitCode !== 0) throw new Error(`bench:corpus failed; see ${join(options.work, 'corpus.log')}`);
}

/**
 * How many times the ingest of a rebuild is measured. It takes some 0.15 s, where
 * one run swings by a third (Node's start, the page cache, the machine's other work),
 * so the share of a clean ingest is given from the median run, as the search's is.
 */
export const ingestRebuildSamples = 3;

/** Wall seconds of the ingest of each rebuild measured: the ingest-only ones, then the whole rebuild's. */
export function ingestRebuildSeconds(result: Pick<BenchResult, 'incremental' | 'ingestRebuilds'>): number[] {
  const whole = result.incremental.find((stage) => stage.name === 'ingest');
  return [...(result.ingestRebuilds ?? []), ...(whole ? [whole] : [])].map((stage) => stage.wallSeconds);
}

/** The middle value (the lower of the two middle ones for an even count), or NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Appends a sentence to the last line of the first source: one edited plan. */
function editOneSource(directory: string): string {
  const name = readdirSync(directory).filter((file) => file.endsWith('.txt')).sort()[0]!;
  appendFileSync(join(directory, name), '加强督导检查，确保各项任务落到实处。\n');
  return name;
}

export async function benchPipeline(options: BenchOptions): Promise<BenchResult> {
  const work = resolve(options.work);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const { log } = options;
  const sources = join(work, 'sources');
  log(`corpus: ${options.plans} plans → ${sources}`);
  await writeCorpus(options, sources);
  const sourceBytes = directorySize(sources);

  const root = writeSiteRoot(options.repo, join(work, 'site'));
  const cache = (name: string): string => join(work, 'cache', name);
  const stages = buildStages.map((stage): Stage => {
    const command = stageCommand(stage);
    if (stage.name === 'ingest') return { name: stage.name, command: `${command} --sources ${sources} --cache ${cache('ingest')}` };
    if (stage.name === 'enrich') return { name: stage.name, command: `${command} --cache ${cache('enrich')}` };
    return { name: stage.name, command };
  });
  const outputs = [join(root, 'content'), join(root, 'dist')];
  const logFile = join(work, 'pipeline.log');
  const pipeline: StageResult[] = [];
  for (const stage of stages) {
    log(`pipeline: ${stage.name}: ${stage.command}`);
    pipeline.push(await runStage(stage, root, outputs, logFile));
  }

  const plans = loadPlans(join(root, 'content'));
  const items = plans.reduce((sum, plan) => sum + [...itemsOf(plan.sections)].length, 0);
  const planFolders = new Set(plans.map((plan) => plan.url.split('/')[1]!));

  // The ingest after an edit, measured on its own before the whole rebuild measures it once more.
  const ingestStage = stages.find((stage) => stage.name === 'ingest');
  const ingestRebuilds: StageResult[] = [];
  for (let sample = 1; ingestStage && sample < ingestRebuildSamples; sample += 1) {
    log(`incremental: edited ${editOneSource(sources)}; the ingest again`);
    ingestRebuilds.push(await runStage(ingestStage, root, outputs, logFile));
  }

  // A rebuild as a user makes it: every stage again after one edit, over the clean run's caches and dist/.
  const incremental: StageResult[] = [];
  const edited = editOneSource(sources);
  log(`incremental: edited ${edited}; the whole build again`);
  for (const stage of stages) incremental.push(await runStage(stage, root, outputs, logFile));

  const bare: StageResult[] = [];
  const bareRoot = join(work, 'bare');
  if (options.bare) {
    log(`bare: ${plans.length + items} pages in ${bareRoot}`);
    writeBareProject(bareRoot, barePages(plans), join(options.repo, 'node_modules'));
    const bareOutputs = [join(bareRoot, 'dist')];
    const bareLog = join(work, 'bare.log');
    bare.push(await runStage({ name: 'astro', command: 'astro build' }, bareRoot, bareOutputs, bareLog));
    bare.push(await runStage({ name: 'pagefind', command: 'pagefind --site dist' }, bareRoot, bareOutputs, bareLog));
  }

  log(`search: "${options.query}" in Chromium`);
  const search = await measureSearch(join(root, 'dist'), options.query, 'atlas');
  const typedSearch = await measureSearch(join(root, 'dist'), options.query, 'atlas-typed');
  const bareSearch = options.bare ? await measureSearch(join(bareRoot, 'dist'), options.query, 'stock') : null;
  return {
    plans: plans.length,
    items,
    sourceBytes,
    pipeline,
    bare,
    incremental,
    ingestRebuilds,
    searchIndexBytes: directorySize(join(root, 'dist', 'pagefind')),
    bareSearchIndexBytes: options.bare ? directorySize(join(bareRoot, 'dist', 'pagefind')) : 0,
    search,
    typedSearch,
    bareSearch,
    itemPage: typicalItemPageWeight(join(root, 'dist')),
    site: siteShape(join(root, 'dist'), planFolders),
    bareSite: options.bare ? siteShape(join(bareRoot, 'dist'), planFolders) : null,
    work,
  };
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const s = (seconds: number): string => seconds.toFixed(1);

function stageLine(label: string, stage: StageResult): string {
  const line = `${label.padEnd(18)} ${s(stage.wallSeconds).padStart(7)} ${s(stage.cpuSeconds).padStart(7)} ${mb(stage.peakBytes).padStart(9)} ${String(stage.pages).padStart(7)} ${mb(stage.bytes).padStart(9)}`;
  const parts = stage.parts.map((part) => `  of which ${part.name.padEnd(8)} ${s(part.seconds).padStart(7)}  (as the stage reports it)`);
  return [line, ...parts].join('\n');
}

function total(stages: readonly StageResult[]): StageResult {
  return {
    name: 'total',
    exitCode: 0,
    wallSeconds: stages.reduce((sum, stage) => sum + stage.wallSeconds, 0),
    cpuSeconds: stages.reduce((sum, stage) => sum + stage.cpuSeconds, 0),
    peakBytes: Math.max(0, ...stages.map((stage) => stage.peakBytes)),
    writtenBytes: null,
    parts: [],
    pages: stages.reduce((sum, stage) => sum + stage.pages, 0),
    bytes: stages.reduce((sum, stage) => sum + stage.bytes, 0),
  };
}

function searchLine(label: string, figures: SearchFigures): string {
  const kb = (bytes: number): string => (bytes / 1024).toFixed(0);
  const runs = figures.firstResultsRunsMs && figures.firstResultsRunsMs.length > 1 ? ` (median of ${figures.firstResultsRunsMs.map(Math.round).join(', ')})` : '';
  const line = `${label.padEnd(18)} ready ${String(Math.round(figures.initMs)).padStart(5)} ms, first results ${String(Math.round(figures.firstResultsMs)).padStart(5)} ms after the query${runs} (${figures.hits} hits), ${kb(figures.fetchedBytes)} KB in ${figures.requests} requests`;
  if (figures.countedMs === undefined) return line;
  return `${line}\n${''.padEnd(18)} with facet counts ${String(Math.round(figures.countedMs)).padStart(5)} ms after the query, ${kb(figures.countedBytes ?? 0)} KB in ${figures.countedRequests ?? 0} requests`;
}

/** `4.1 % of the clean ingest's wall time, the median of 3 ingests after an edit (0.18, 0.16, 0.17 s; aim < 5 %)` */
export function ingestRebuildLine(result: Pick<BenchResult, 'incremental' | 'ingestRebuilds'>, clean: StageResult): string {
  const seconds = ingestRebuildSeconds(result);
  const share = (100 * median(seconds)) / clean.wallSeconds;
  return `${''.padEnd(18)} ${share.toFixed(1)} % of the clean ingest's wall time, the median of ${seconds.length} ingests after an edit (${seconds.map((value) => value.toFixed(2)).join(', ')} s; aim < 5 %)`;
}

export function formatBench(result: BenchResult): string {
  const lines = [
    `corpus             ${result.plans} plans, ${result.items} items, ${mb(result.sourceBytes)} MB of sources → ${result.plans + result.items} pages`,
    '',
    `${'stage'.padEnd(18)} ${'wall s'.padStart(7)} ${'CPU s'.padStart(7)} ${'peak MB'.padStart(9)} ${'pages'.padStart(7)} ${'out MB'.padStart(9)}`,
    ...result.pipeline.map((stage) => stageLine(stage.name, stage)),
    stageLine('pipeline total', total(result.pipeline)),
  ];
  if (result.itemPage) lines.push(formatPageWeight(result.itemPage));
  if (result.bare.length > 0) {
    lines.push(...result.bare.map((stage) => stageLine(`bare ${stage.name}`, stage)), stageLine('bare total', total(result.bare)));
    const ratio = total(result.pipeline).wallSeconds / total(result.bare).wallSeconds;
    lines.push(`pipeline / bare    ${ratio.toFixed(2)}× wall time (aim ≤ 2×)`);
  }
  for (const again of result.incremental) {
    const clean = result.pipeline.find((stage) => stage.name === again.name);
    const share = clean ? (100 * again.wallSeconds) / clean.wallSeconds : NaN;
    const cpuShare = clean ? (100 * again.cpuSeconds) / clean.cpuSeconds : NaN;
    const pages = again.rendered === undefined ? '' : `; ${again.rendered} pages rendered, ${again.kept ?? 0} kept from the last build`;
    lines.push(
      stageLine(`${again.name}, 1 edited`, again),
      `${''.padEnd(18)} ${share.toFixed(1)} % of the clean ${again.name} stage's wall time, ${cpuShare.toFixed(1)} % of its CPU time${pages}`,
    );
    if (again.name === 'ingest' && clean) lines.push(ingestRebuildLine(result, clean));
  }
  if (result.incremental.length === result.pipeline.length && result.incremental.length > 0) {
    const again = total(result.incremental);
    const clean = total(result.pipeline);
    lines.push(`rebuild, 1 edited  ${s(again.wallSeconds)} s wall, ${((100 * again.wallSeconds) / clean.wallSeconds).toFixed(1)} % of the clean build's (${((100 * again.cpuSeconds) / clean.cpuSeconds).toFixed(1)} % of its CPU time; aim < 10 %)`);
  }
  if (result.site) lines.push('', ...formatSiteShape('dist/', result.site, result.plans));
  if (result.bareSite) lines.push(...formatSiteShape('bare dist/', result.bareSite, result.plans));
  lines.push('', `search index       ${mb(result.searchIndexBytes)} MB${result.bare.length > 0 ? `; bare (stock Pagefind) ${mb(result.bareSearchIndexBytes)} MB` : ''}`);
  if (result.search) lines.push(searchLine(`query ${result.search.query}`, result.search));
  if (result.typedSearch) lines.push(searchLine(`  typed, Enter ${result.typedSearch.typedPauseMs ?? '?'} ms later`, result.typedSearch));
  if (result.bareSearch) lines.push(searchLine('  bare, stock', result.bareSearch));
  lines.push(`work dir           ${result.work} (logs: pipeline.log, bare.log)`);
  return lines.join('\n');
}

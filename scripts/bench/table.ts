/**
 * node scripts/bench/table.ts RESULT.json…
 *
 * The README's Performance table from `npm run bench -- --plans N --json FILE`
 * runs: one row per stage and corpus size (wall s / CPU s / peak MB), the bare
 * baseline beside it, time(2N)/time(N) wherever a run of twice the plans exists,
 * and the search figures.
 */
import { readFileSync } from 'node:fs';
import { ingestRebuildSeconds, median, type BenchResult, type StageResult } from './pipeline.ts';
import type { SearchFigures } from './search.ts';

interface Run extends BenchResult {
  load: number[];
  /** Older runs recorded the load after the run only. */
  loadBefore?: number[];
  /** Runs before enrich was a stage of its own re-ran the ingest only. */
  incrementalIngest?: StageResult | null;
}

const runs = process.argv
  .slice(2)
  .map((file) => JSON.parse(readFileSync(file, 'utf8')) as Run)
  .sort((a, b) => a.plans - b.plans);
if (runs.length === 0) {
  console.error('usage: node scripts/bench/table.ts RESULT.json…');
  process.exit(2);
}

const mb = (bytes: number): string => String(Math.round(bytes / 1024 / 1024));
const s = (seconds: number): string => seconds.toFixed(1);
const cell = (stage: StageResult | undefined): string => (stage ? `${s(stage.wallSeconds)} / ${s(stage.cpuSeconds)} / ${mb(stage.peakBytes)}` : '—');
const sum = (stages: readonly StageResult[], key: 'wallSeconds' | 'cpuSeconds'): number => stages.reduce((total, stage) => total + stage[key], 0);
const peak = (stages: readonly StageResult[]): number => Math.max(0, ...stages.map((stage) => stage.peakBytes));
/** Plans per run: the runs made with --plans N may hold one fewer when a generated document fails. */
const sizes = runs.map((run) => run.plans);

const stageNames = [...new Set(runs.flatMap((run) => run.pipeline.map((stage) => stage.name)))];
const header = `| stage (wall s / CPU s / peak MB) | ${sizes.map((size) => `${size} plans`).join(' | ')} |`;
const rule = `|---|${sizes.map(() => '---').join('|')}|`;
const lines = [header, rule];
lines.push(`| pages (plans + items) | ${runs.map((run) => String(run.plans + run.items)).join(' | ')} |`);
for (const name of stageNames) {
  lines.push(`| ${name} | ${runs.map((run) => cell(run.pipeline.find((stage) => stage.name === name))).join(' | ')} |`);
  const parts = [...new Set(runs.flatMap((run) => run.pipeline.find((stage) => stage.name === name)?.parts.map((part) => part.name) ?? []))];
  for (const part of parts) {
    lines.push(
      `| … of which ${part} (wall s) | ${runs.map((run) => s(run.pipeline.find((stage) => stage.name === name)?.parts.find((p) => p.name === part)?.seconds ?? NaN)).join(' | ')} |`,
    );
  }
}
lines.push(`| **pipeline** | ${runs.map((run) => `**${s(sum(run.pipeline, 'wallSeconds'))} / ${s(sum(run.pipeline, 'cpuSeconds'))} / ${mb(peak(run.pipeline))}**`).join(' | ')} |`);
for (const name of ['astro', 'pagefind']) {
  lines.push(`| bare ${name} | ${runs.map((run) => cell(run.bare.find((stage) => stage.name === name))).join(' | ')} |`);
}
/** A run made with --no-bare has no baseline: its cells say so rather than show zeros and infinities. */
const noBare = '— (--no-bare)';
lines.push(`| **bare** | ${runs.map((run) => (run.bare.length === 0 ? noBare : `**${s(sum(run.bare, 'wallSeconds'))} / ${s(sum(run.bare, 'cpuSeconds'))} / ${mb(peak(run.bare))}**`)).join(' | ')} |`);
lines.push(
  `| pipeline ÷ bare, wall (CPU) | ${runs
    .map((run) => (run.bare.length === 0 ? noBare : `${(sum(run.pipeline, 'wallSeconds') / sum(run.bare, 'wallSeconds')).toFixed(2)} (${(sum(run.pipeline, 'cpuSeconds') / sum(run.bare, 'cpuSeconds')).toFixed(2)})`))
    .join(' | ')} |`,
);
for (const name of stageNames) {
  lines.push(
    `| ${name} after editing one source, wall (CPU) | ${runs
      .map((run) => {
        const clean = run.pipeline.find((stage) => stage.name === name);
        const again = (run.incremental ?? (run.incrementalIngest ? [run.incrementalIngest] : [])).find((stage) => (stage.name ?? 'ingest') === name);
        if (!clean || !again) return '—';
        const pages = again.rendered === undefined ? '' : `; ${again.rendered} pages rendered, ${again.kept ?? 0} kept`;
        return `${s(again.wallSeconds)} s = ${((100 * again.wallSeconds) / clean.wallSeconds).toFixed(1)} % (${((100 * again.cpuSeconds) / clean.cpuSeconds).toFixed(1)} %)${pages}`;
      })
      .join(' | ')} |`,
  );
}
lines.push(
  `| **rebuild after one edit, every stage: wall s = % of the clean build (CPU %)** | ${runs
    .map((run) => (run.incremental && run.incremental.length === run.pipeline.length ? `${s(sum(run.incremental, 'wallSeconds'))} s = ${((100 * sum(run.incremental, 'wallSeconds')) / sum(run.pipeline, 'wallSeconds')).toFixed(1)} % (${((100 * sum(run.incremental, 'cpuSeconds')) / sum(run.pipeline, 'cpuSeconds')).toFixed(1)} %)` : '—'))
    .join(' | ')} |`,
);
lines.push(
  `| ingest after an edit: the median of the runs measured (each run, s) | ${runs
    .map((run) => {
      const clean = run.pipeline.find((stage) => stage.name === 'ingest');
      const seconds = run.incremental ? ingestRebuildSeconds(run) : [];
      if (!clean || seconds.length < 2) return '—';
      return `${((100 * median(seconds)) / clean.wallSeconds).toFixed(1)} % (${seconds.map((value) => value.toFixed(2)).join(', ')})`;
    })
    .join(' | ')} |`,
);
/** "184 (218, 184, 177) / 484": the median run's time to first results, every run's when repeated, and KB fetched. */
const searchCell = (figures: SearchFigures | null | undefined): string => {
  if (!figures) return '—';
  const times = figures.firstResultsRunsMs;
  const each = times && times.length > 1 ? ` (${times.map(Math.round).join(', ')})` : '';
  return `${Math.round(figures.firstResultsMs)}${each} / ${Math.round(figures.fetchedBytes / 1024)}`;
};
const typedPause = runs.find((run) => run.typedSearch?.typedPauseMs !== undefined)?.typedSearch?.typedPauseMs;
lines.push(
  `| search index MB (bare) | ${runs.map((run) => `${(run.searchIndexBytes / 1024 / 1024).toFixed(1)} (${run.bare.length === 0 ? '—' : (run.bareSearchIndexBytes / 1024 / 1024).toFixed(1)})`).join(' | ')} |`,
);
lines.push(`| query ${runs[0]!.search?.query ?? ''}: first results ms / KB fetched (newer runs: median of cold searches, each in brackets) | ${runs.map((run) => searchCell(run.search)).join(' | ')} |`);
lines.push(`| … typed, Enter ${typedPause === undefined ? 'a pause' : `${typedPause} ms`} after the words appear: first results ms / KB fetched | ${runs.map((run) => searchCell(run.typedSearch)).join(' | ')} |`);
lines.push(
  `| … with facet counts: ms / KB fetched | ${runs.map((run) => (run.search?.countedMs !== undefined ? `${Math.round(run.search.countedMs)} / ${Math.round((run.search.countedBytes ?? 0) / 1024)}` : '—')).join(' | ')} |`,
);
lines.push(`| … bare, stock Pagefind | ${runs.map((run) => searchCell(run.bareSearch)).join(' | ')} |`);
lines.push(`| … page ready ms (atlas: page and Pagefind loaded; older runs: Pagefind's init) | ${runs.map((run) => (run.search ? String(Math.round(run.search.initMs)) : '—')).join(' | ')} |`);
const loads = (values: readonly number[] | undefined): string => (values ? values.map((value) => value.toFixed(1)).join(' ') : '—');
lines.push(`| load average before → after the run (1, 5, 15 min) | ${runs.map((run) => `${loads(run.loadBefore)} → ${loads(run.load)}`).join(' | ')} |`);
/** "44.8 / 530": files and KB of dist/ a plan, the bare build's in brackets. */
const perPlan = (run: Run, shape: Run['site']): string => (shape ? `${(shape.files / run.plans).toFixed(1)} / ${Math.round(shape.bytes / 1024 / run.plans)}` : '—');
lines.push(`| dist/ files / KB a plan (bare) | ${runs.map((run) => `${perPlan(run, run.site)} (${perPlan(run, run.bareSite ?? undefined)})`).join(' | ')} |`);
lines.push(`| dist/ in all: files, MB | ${runs.map((run) => (run.site ? `${run.site.files.toLocaleString('en-US')}, ${Math.round(run.site.bytes / 1024 / 1024)}` : '—')).join(' | ')} |`);
console.log(lines.join('\n'));

// time(2N)/time(N) per stage wherever both runs exist.
const pairs = runs.flatMap((small) => runs.filter((large) => Math.abs(large.plans - 2 * small.plans) <= 2).map((large) => [small, large] as const));
for (const [small, large] of pairs) {
  const ratio = (a: number, b: number): string => (a > 0 ? (b / a).toFixed(2) : '—');
  const rows = [...stageNames, 'bare astro', 'bare pagefind'].map((name) => {
    const pick = (run: Run): StageResult | undefined =>
      name.startsWith('bare ') ? run.bare.find((stage) => stage.name === name.slice(5)) : run.pipeline.find((stage) => stage.name === name);
    const a = pick(small);
    const b = pick(large);
    return a && b ? `${name} ${ratio(a.wallSeconds, b.wallSeconds)} (CPU ${ratio(a.cpuSeconds, b.cpuSeconds)})` : null;
  });
  console.log(`\ntime(${large.plans})/time(${small.plans}), wall (CPU): ${rows.filter((row) => row !== null).join('; ')}`);
}

/**
 * npm run bench                  ingest throughput, search quality and topic quality
 *                                on the bundled plans
 * npm run bench -- --plans N     the whole build on N plans (5 = the bundled ones,
 *                                else a synthetic corpus) beside a bare baseline, per
 *                                stage, plus one search in Chromium
 *   [--work DIR]   where the corpus and both builds go (default /tmp/plan-atlas-bench/N)
 *   [--query Q]    the typical query (default 学前教育)
 *   [--no-bare]    skip the baseline   [--json FILE]  also write the figures as JSON
 *
 * Prints figures and asserts nothing; compare runs on the same machine only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchIngest } from '../bench/ingest-throughput.ts';
import { formatPageWeight, typicalItemPageWeight } from '../bench/page-weight.ts';
import { benchPipeline, formatBench } from '../bench/pipeline.ts';
import { formatReport, formatSuggestions, loadQueries, measureQuality, measureSuggestions } from '../bench/search-quality.ts';
import { readVocabulary } from '../../src/model/vocabulary.ts';
import { basePath } from '../../src/model/deploy.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    plans: { type: 'string' },
    work: { type: 'string' },
    query: { type: 'string', default: '学前教育' },
    seed: { type: 'string', default: '1' },
    'no-bare': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
  strict: true,
});

const fixed = (value: number, digits = 1): string => value.toFixed(digits);
const gb = (bytes: number): string => (bytes / 1024 ** 3).toFixed(1);
const loadBefore = loadavg();

console.log(
  `Plan Atlas benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ` +
    `${gb(totalmem())} GB RAM (${gb(freemem())} GB free), load ${loadavg().map((load) => fixed(load, 2)).join(' ')}`,
);

if (values.plans !== undefined) {
  const plans = Number(values.plans);
  if (!Number.isInteger(plans) || plans < 1) {
    console.error(`bench: --plans must be a whole number ≥ 1, not "${values.plans}"`);
    process.exit(2);
  }
  const result = await benchPipeline({
    repo: process.cwd(),
    plans,
    work: values.work ?? join(tmpdir(), 'plan-atlas-bench', String(plans)),
    query: values.query,
    seed: Number(values.seed),
    bare: !values['no-bare'],
    log: (line) => console.error(`bench: ${line}`),
  });
  console.log(`\n## Whole build, ${plans} plans`);
  console.log(formatBench(result));
  console.log(`load afterwards    ${loadavg().map((load) => fixed(load, 2)).join(' ')} (other work on the machine slows every stage)`);
  if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify({ ...result, loadBefore, load: loadavg(), date: new Date().toISOString() }, null, 2)}\n`);
} else {
  const ingest = benchIngest('content/sources');
  console.log('\n## Ingest (one core, bundled plans repeated)');
  console.log(`one-time loads   genre tables ${fixed(ingest.genreLoadMs)} ms, GB/T 2260 divisions ${fixed(ingest.divisionLoadMs)} ms, jieba dictionary (enrich) ${fixed(ingest.jiebaLoadMs)} ms`);
  console.log(`corpus           ${ingest.plans} plans, ${fixed(ingest.megabytes, 2)} MB`);
  console.log(`time             ${fixed(ingest.seconds, 3)} s`);
  console.log(`throughput       ${fixed(ingest.plansPerSecond)} plans/s, ${fixed(ingest.megabytesPerSecond, 2)} MB/s (aim: ≥ 100 plans/s)`);

  console.log('\n## Site (the dist/ of your last npm run build; per-stage build times: npm run bench -- --plans 5)');
  const weight = existsSync('dist') ? typicalItemPageWeight('dist', basePath()) : null;
  console.log(weight ? formatPageWeight(weight) : 'no dist/ with item pages: run npm run build first');

  // Search quality on the bundled plans, ingested into a scratch directory so the repo's content stays as it is.
  const content = mkdtempSync(join(tmpdir(), 'atlas-bench-content-'));
  try {
    for (const stage of ['ingest', 'enrich']) {
      const run = spawnSync(process.execPath, [`scripts/cli/${stage}.ts`, '--content', content, '--no-cache'], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`${stage} failed: ${run.stderr}`);
    }
    console.log('\n## Search quality (Chromium, bundled plans; recall and R-precision against Ctrl+F)');
    const queries = loadQueries('test/search/queries.yaml');
    console.log(formatReport(await measureQuality(content, queries, ['atlas', 'stock']), false));
    console.log(formatSuggestions(measureSuggestions(queries, readVocabulary(content)), false));
  } finally {
    rmSync(content, { recursive: true, force: true });
  }

  if (existsSync('scripts/bench/topic-quality.ts')) {
    console.log('\n## Topic quality (hand-labelled sample)');
    const topics = spawnSync(process.execPath, ['scripts/bench/topic-quality.ts'], { encoding: 'utf8' });
    // The summary lines; `node scripts/bench/topic-quality.ts` lists every item that differs.
    console.log(topics.stdout.split('\n').filter((line) => line.startsWith('topics:')).join('\n'));
    if (topics.status !== 0) process.stderr.write(topics.stderr);
  }
}

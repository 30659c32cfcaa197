/**
 * The README's performance table from benchmark results: a run made without the
 * bare baseline (--no-bare, as at 10,000 plans) says so in its cells instead of
 * showing a zero baseline and an infinite ratio.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../temporary.ts';

const stage = (name: string, wallSeconds: number, cpuSeconds: number) => ({
  name,
  exitCode: 0,
  wallSeconds,
  cpuSeconds,
  peakBytes: 512 * 1024 * 1024,
  writtenBytes: 0,
  pages: 0,
  bytes: 0,
  parts: [],
});

const run = (plans: number, bare: ReturnType<typeof stage>[]) => ({
  plans,
  items: plans * 19,
  sourceBytes: 0,
  pipeline: [stage('ingest', 10, 12), stage('astro', 20, 18)],
  bare,
  incremental: null,
  searchIndexBytes: 1024 * 1024,
  bareSearchIndexBytes: bare.length === 0 ? 0 : 2 * 1024 * 1024,
  search: null,
  typedSearch: null,
  bareSearch: null,
  site: null,
  bareSite: null,
  loadBefore: [1, 1, 1],
  load: [2, 2, 2],
});

function table(...runs: object[]): string {
  const folder = temporaryFolder('atlas-table-');
  const files = runs.map((result, index) => {
    const file = join(folder, `${index}.json`);
    writeFileSync(file, JSON.stringify(result));
    return file;
  });
  const printed = spawnSync(process.execPath, ['scripts/bench/table.ts', ...files], { encoding: 'utf8' });
  expect(printed.stderr).toBe('');
  expect(printed.status).toBe(0);
  return printed.stdout;
}

const row = (text: string, label: string): string => text.split('\n').find((line) => line.startsWith(`| ${label} |`)) ?? '';

describe('node scripts/bench/table.ts', () => {
  it('gives the ratio to the bare build where the run has one, and says --no-bare where it has none', () => {
    const text = table(run(1000, [stage('astro', 8, 8), stage('pagefind', 12, 12)]), run(10000, []));
    expect(row(text, 'pipeline ÷ bare, wall (CPU)')).toBe('| pipeline ÷ bare, wall (CPU) | 1.50 (1.50) | — (--no-bare) |');
    // Peak memory is the largest stage's, not a sum.
    expect(row(text, '**bare**')).toBe('| **bare** | **20.0 / 20.0 / 512** | — (--no-bare) |');
    expect(row(text, 'search index MB (bare)')).toBe('| search index MB (bare) | 1.0 (2.0) | 1.0 (—) |');
    expect(text).not.toMatch(/Infinity|NaN/u);
  });
});

/**
 * npm run bench:corpus through its CLI: the synthetic corpus the scale benchmark
 * builds, as the harness uses it.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlans } from '../../src/model/plan-files.ts';
import { runCli } from '../cli/run.ts';
import { suiteTemporaryFolder } from '../temporary.ts';

const files = (folder: string): Map<string, string> =>
  new Map(readdirSync(folder).sort().map((name) => [name, readFileSync(join(folder, name), 'utf8')]));

describe('npm run bench:corpus', () => {
  const work = suiteTemporaryFolder('plan-atlas-corpus-');
  const [first, again, other] = ['first', 'again', 'other'].map((name) => join(work, name)) as [string, string, string];
  const runs = [
    runCli('bench-corpus', ['--plans', '24', '--out', first]),
    runCli('bench-corpus', ['--plans', '24', '--out', again]),
    runCli('bench-corpus', ['--plans', '24', '--out', other, '--seed', '2']),
  ];

  it('writes N plans, the same bytes for the same seed and others for another', () => {
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    expect(runs[0]!.stdout).toMatch(/^bench:corpus: 24 plans, /u);
    const written = files(first);
    expect(written.size).toBe(24);
    expect(files(again)).toEqual(written);
    expect([...files(other).values()]).not.toEqual([...written.values()]);
  });

  it('gives plans that all ingest, each its own real prefecture or county and year, in the genre\'s numbering', () => {
    const content = join(work, 'content');
    const ingest = runCli('ingest', ['--sources', first, '--content', content, '--no-cache']);
    expect(ingest.status, ingest.stderr).toBe(0);
    const plans = loadPlans(content);
    expect(plans).toHaveLength(24);
    expect(new Set(plans.map((plan) => `${plan.region.code} ${plan.year}`)).size).toBe(24);
    for (const plan of plans) {
      // The file name carries the division the generator chose; the ingest found it in the text.
      expect(plan.sourceFile).toContain(`-${plan.region.code}-${plan.year}.txt`);
      expect(['prefecture', 'county']).toContain(plan.region.level);
      expect(plan.sections.length).toBeGreaterThanOrEqual(4);
      expect(plan.sections.every((section) => section.items.length >= 2)).toBe(true);
    }
  });

  it('refuses to write into the repo\'s content/, which it would empty first', () => {
    // A folder no one keeps, so that a broken guard costs nothing: content/sources itself would be emptied.
    const probe = 'content/bench-corpus-probe';
    try {
      const run = runCli('bench-corpus', ['--plans', '2', '--out', probe]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`--out ${probe} is inside the repo's content/`);
      expect(run.stderr).toContain('hint: give a folder outside it');
      expect(existsSync(probe)).toBe(false);
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { astroPages, ingestRebuildLine, ingestRebuildSeconds, median, selfTimedParts, type StageResult } from '../../scripts/bench/pipeline.ts';

describe('selfTimedParts', () => {
  it('takes steps a stage times itself, not the stage itself', () => {
    const output = 'ingest: 5 plans, 125 items in 4.20 s; removed 17\nenrich: 27 topics, 53 cited documents in 2.75 s\nenrich: 3 item(s) fit no topic\n';
    expect(selfTimedParts('ingest', output)).toEqual([{ name: 'enrich', seconds: 2.75 }]);
    expect(selfTimedParts('astro', '')).toEqual([]);
  });
});

describe('astroPages', () => {
  it('counts the pages Astro rendered and the pages astro-build kept from the last build', () => {
    const output = [
      'astro-build: rebuild with the same code: 120 pages of the last build may be kept',
      ' generating static routes ',
      '▶ src/pages/[...path].astro',
      '  ├─ /shandong/index.html (+12ms)',
      '  ├─ /shandong/taian/2024/8/index.html (+1.02s)',
      '✓ Completed in 1.05s.',
      'astro-build: kept 118 pages of the last build, wrote 40 files, removed 0',
    ].join('\n');
    expect(astroPages(output)).toEqual({ rendered: 2, kept: 118 });
    // Under CI=true Astro colours its log.
    expect(astroPages('\u001b[2m20:43:51\u001b[22m   \u001b[34m├─\u001b[39m \u001b[2m/404.html\u001b[22m\n')).toEqual({ rendered: 1, kept: 0 });
    expect(astroPages('')).toEqual({ rendered: 0, kept: 0 });
  });
});

describe('the ingest of a rebuild', () => {
  const stage = (name: string, wallSeconds: number): StageResult => ({
    name,
    exitCode: 0,
    wallSeconds,
    cpuSeconds: wallSeconds,
    peakBytes: 0,
    writtenBytes: null,
    parts: [],
    pages: 0,
    bytes: 0,
  });

  it('takes every ingest measured after an edit, the whole rebuild\'s last', () => {
    const result = { ingestRebuilds: [stage('ingest', 0.3), stage('ingest', 0.2)], incremental: [stage('ingest', 0.25), stage('astro', 9)] };
    expect(ingestRebuildSeconds(result)).toEqual([0.3, 0.2, 0.25]);
    // Runs saved before the ingest was sampled on its own.
    expect(ingestRebuildSeconds({ incremental: [stage('astro', 9), stage('ingest', 0.4)] })).toEqual([0.4]);
  });

  it('is judged by the median run, so one slow start of Node does not decide the aim', () => {
    expect(median([0.3, 0.1, 0.2])).toBe(0.2);
    expect(median([0.4, 0.1])).toBe(0.1);
    expect(median([])).toBeNaN();
    const line = ingestRebuildLine({ ingestRebuilds: [stage('ingest', 0.9), stage('ingest', 0.2)], incremental: [stage('ingest', 0.3)] }, stage('ingest', 5));
    expect(line).toContain('6.0 % of the clean ingest');
    expect(line).toContain('median of 3 ingests after an edit (0.90, 0.20, 0.30 s; aim < 5 %)');
  });
});

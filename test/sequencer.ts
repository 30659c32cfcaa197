/**
 * Starts the longest test files first. With two files at a time, a long file begun
 * last would run on alone while the other worker sits idle; begun first, the short
 * files fill the other worker beside it. Vitest orders by the durations it cached
 * from the last run, which a fresh clone (and CI) does not have, so the files known
 * to build sites or drive Chromium for long are listed here, longest first; a file
 * missing from the list only costs time, never a result.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const slowestFirst = [
  'faults/kills.test.ts',
  'site-checks/axe.test.ts',
  'search/page.test.ts',
  'site/incremental.test.ts',
  'faults/starved.test.ts',
  'extract/formats.test.ts',
  'cli/ingest.test.ts',
  'cli/published.test.ts',
  'browser/walk.test.ts',
  'browser/published.test.ts',
  'browser/years.test.ts',
  'browser/reading.test.ts',
  'site-checks/determinism.test.ts',
  'browser/commitments.test.ts',
  'search/past-exact.test.ts',
  'site-checks/html-validate.test.ts',
  'enrich/pages.test.ts',
  'ingest/jieba.test.ts',
  'cli/enrich.test.ts',
  'browser/compare.test.ts',
  'cli/add.test.ts',
  'search/phone.test.ts',
  'cli/verify-site.test.ts',
  'ingest/parser-bundle.test.ts',
  'browser/layout.test.ts',
  'search/shards.test.ts',
  'site-checks/links.test.ts',
  'site-checks/pages.test.ts',
  'browser/harness.test.ts',
];

function rank(spec: TestSpecification): number {
  const file = spec.moduleId.replaceAll('\\', '/');
  const index = slowestFirst.findIndex((name) => file.endsWith(`/test/${name}`));
  return index === -1 ? slowestFirst.length : index;
}

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    // Stable: the rest keep vitest's order behind the listed files.
    return ordered.map((spec, index) => ({ spec, index })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.index - b.index).map(({ spec }) => spec);
  }
}

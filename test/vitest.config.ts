import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import SlowestFirst from './sequencer.ts';

/**
 * Files that build a site, run the CLI, drive Chromium or write temporary trees: each
 * runs in a process of its own. Every other file is a unit test of plain functions,
 * and those share their worker processes, which saves starting vitest and importing
 * the project's modules again for each of some seventy small files.
 */
const ownProcess = [
  'test/browser/**/*.test.ts',
  'test/site-checks/**/*.test.ts',
  'test/faults/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/search/{page,past-exact,phone,shards,build-index,quality}.test.ts',
  'test/site/{incremental,incremental-build}.test.ts',
  'test/extract/formats.test.ts',
  'test/enrich/{pages,enrich}.test.ts',
  'test/ingest/{jieba,parser-bundle}.test.ts',
  'test/corpus/*.test.ts',
  'test/content/*.test.ts',
  'test/bench/corpus.test.ts',
  'test/{errors,layers}.test.ts',
];

export default defineConfig({
  test: {
    // Two files at a time even on 2 cores: most files wait on a build or Chromium in
    // another process, so two keep both cores busy. The shared builds are locked
    // (test/browser/build.ts) and the longest files start first (test/sequencer.ts).
    // Both projects take the same number of workers, so vitest runs them side by side.
    fileParallelism: true,
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowestFirst },
    // Two files at a time on 2 cores: a browser test that takes 10 s alone can take 25 s.
    testTimeout: 60_000,
    // A page that fills itself after load (search, compare, filters) can take seconds
    // while another file builds beside it; expect.poll's own default is one second.
    expect: { poll: { timeout: 15_000 } },
    // Every process a test starts (the CLI, each stage of a test build) reuses Node's
    // compiled and type-stripped modules, as `npm run build` does for its stages.
    env: { NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'] ?? resolve('.cache', 'node') },
    // Long enough for a beforeAll that runs `npm run build` on a slow machine.
    hookTimeout: 600_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'builds',
          include: ownProcess,
          // One folder per run for the site builds that browser tests and site checks share;
          // builds happen lazily, so a run without them pays nothing (test/browser/build.ts).
          globalSetup: ['test/browser/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'units', include: ['test/**/*.test.ts'], exclude: ownProcess, isolate: false },
      },
    ],
  },
});

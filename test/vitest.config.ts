import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowestFirst from './sequencer.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One folder per run for the site builds that browser tests and site checks share;
    // builds happen lazily, so unit-only runs pay nothing (test/browser/build.ts).
    globalSetup: ['test/browser/global-setup.ts'],
    // Two files at a time even on 2 cores: most files wait on a build or Chromium in
    // another process, so two keep both cores busy. The shared builds are locked
    // (test/browser/build.ts) and the longest files start first (test/sequencer.ts).
    fileParallelism: true,
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowestFirst },
    // Two files at a time on 2 cores: a browser test that takes 10 s alone can take 25 s.
    testTimeout: 60_000,
    // A page that fills itself after load (search, compare, filters) can take seconds
    // while another file builds beside it; expect.poll's own default is one second.
    expect: { poll: { timeout: 15_000 } },
    // Long enough for a beforeAll that runs `npm run build` on a slow machine.
    hookTimeout: 600_000,
  },
});

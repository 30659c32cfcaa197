import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One folder per run for the site builds that browser tests and site checks share;
    // builds happen lazily, so unit-only runs pay nothing (test/browser/build.ts).
    globalSetup: ['test/browser/global-setup.ts'],
    // Browser tests share one Chromium and one built site; running files in parallel
    // on a 2-core machine only makes them flaky.
    fileParallelism: false,
    testTimeout: 30_000,
    // Long enough for a beforeAll that runs `npm run build` on a slow machine.
    hookTimeout: 600_000,
  },
});

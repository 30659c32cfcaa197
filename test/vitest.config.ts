import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests share one Chromium and one built site; running files in parallel
    // on a 2-core machine only makes them flaky.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 600_000,
  },
});

/**
 * Gives the test run one folder for the site builds the browser tests and site
 * checks share (see test/browser/build.ts). Nothing is built here, so a run of unit
 * tests alone pays nothing; the folder goes when the run ends (KEEP_TEST_BUILDS=1
 * keeps it, to look at what the tests saw).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-test-run-'));
  project.provide('atlasTestRun', dir);
  return () => {
    if (process.env['KEEP_TEST_BUILDS'] === '1') console.log(`test builds kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
}

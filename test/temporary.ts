/**
 * Folders a test writes into, under the system's temporary folder, removed
 * afterwards so that test runs do not pile folders up there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

const make = (prefix: string): { folder: string; remove: () => void } => {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
};

/** A fresh folder, removed when the running test ends. Call it inside a test. */
export function temporaryFolder(prefix: string): string {
  const { folder, remove } = make(prefix);
  onTestFinished(remove);
  return folder;
}

/** A fresh folder, removed after the tests of the suite (or file) it is made in. Call it while tests are collected. */
export function suiteTemporaryFolder(prefix: string): string {
  const { folder, remove } = make(prefix);
  afterAll(remove);
  return folder;
}

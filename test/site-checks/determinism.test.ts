/**
 * Two builds of the same sources give a byte-identical dist/: every file, hashed.
 * The two builds (the run's shared one and one of this file's own) run in different
 * folders, so a build that depends on where the checkout lives (absolute paths) fails too.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildInto, builtSite, runSnapshot } from '../browser/build.ts';

function hashes(dist: string): Map<string, string> {
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  return new Map(
    files
      .map((file) => [relative(dist, file).split(sep).join('/'), createHash('sha256').update(readFileSync(file)).digest('hex')] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('deterministic build', () => {
  it('gives byte-identical dist/ from two builds', { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-determinism-'));
    scratch.push(dir);
    // The run's shared build and one more, in another folder, from the same copy of the sources.
    const [first, second] = await Promise.all([builtSite('root'), runSnapshot().then((snapshot) => buildInto(join(dir, 'second'), 'root', snapshot))]);
    expect(second.dist).not.toBe(first.dist);
    const a = hashes(first.dist);
    const b = hashes(second.dist);
    expect(a.size).toBeGreaterThan(0);
    const differences: string[] = [];
    for (const file of new Set([...a.keys(), ...b.keys()])) {
      if (!a.has(file)) differences.push(`${file}: only in the second build`);
      else if (!b.has(file)) differences.push(`${file}: only in the first build`);
      else if (a.get(file) !== b.get(file)) differences.push(`${file}: contents differ`);
    }
    expect(differences).toEqual([]);
  });
});

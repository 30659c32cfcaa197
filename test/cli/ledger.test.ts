/**
 * `npm run ledger` as the build runs it after the ingest: new URLs appended, a plan
 * file that has not changed not parsed again, and the cache never keeping alive a
 * URL whose plan is gone.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../temporary.ts';
import { runCli } from './run.ts';

const seeds = new URL('../../content/sources/', import.meta.url);

function ledger(root: string, args: readonly string[] = []) {
  const result = spawnSync(process.execPath, ['scripts/ledger/cli.ts', '--plans', join(root, 'content', 'plans'), '--ledger', join(root, 'urls.txt'), '--cache', join(root, 'cache', 'ledger'), ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ingest(root: string, ...names: string[]): void {
  for (const name of names) copyFileSync(new URL(name, seeds), join(root, 'sources', name));
  const result = runCli('ingest', ['--sources', join(root, 'sources'), '--content', join(root, 'content'), '--cache', join(root, 'cache', 'ingest')]);
  expect(result.stderr).toBe('');
}

describe('npm run ledger', () => {
  it('appends the URLs of a new plan, parsing only the plan files that changed, and ends as a run without a cache does', () => {
    const root = temporaryFolder('plan-atlas-ledger-');
    mkdirSync(join(root, 'sources'));
    ingest(root, 'taian-2024.txt', 'dalian-2018.txt');

    const first = ledger(root);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/appended \d+ new URLs/u);
    expect(first.stdout).not.toMatch(/plan files read/u);
    const written = readFileSync(join(root, 'urls.txt'), 'utf8');
    expect(written).toContain('/shandong/taian/2024/\n');
    expect(written).toContain('/liaoning/dalian/2018/1/\n');

    const again = ledger(root);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/\(0 of 2 plan files read; the others are the same files as when last read\)/u);
    expect(again.stdout).not.toMatch(/appended/u);
    expect(readFileSync(join(root, 'urls.txt'), 'utf8')).toBe(written);

    // A third plan: its file alone is parsed, and its URLs are appended.
    ingest(root, 'yingtan-2021.txt');
    const uncached = temporaryFolder('plan-atlas-ledger-fresh-');
    cpSync(join(root, 'content'), join(uncached, 'content'), { recursive: true });
    writeFileSync(join(uncached, 'urls.txt'), written);
    const third = ledger(root);
    expect(third.status).toBe(0);
    expect(third.stdout).toMatch(/\(1 of 3 plan files read;/u);
    expect(third.stdout).toMatch(/appended \d+ new URLs/u);
    const fresh = ledger(uncached);
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).not.toMatch(/plan files read/u);
    expect(readFileSync(join(root, 'urls.txt'), 'utf8')).toBe(readFileSync(join(uncached, 'urls.txt'), 'utf8'));
    expect(readFileSync(join(root, 'urls.txt'), 'utf8')).toMatch(/\/jiangxi\/yingtan\/2021\/1\/\n/u);

    // A damaged cache costs only time.
    writeFileSync(join(root, 'cache', 'ledger', 'urls.json'), '{');
    const damaged = ledger(root);
    expect(damaged.status).toBe(0);
    expect(damaged.stdout).not.toMatch(/plan files read/u);
    expect(readFileSync(join(root, 'urls.txt'), 'utf8')).toBe(readFileSync(join(uncached, 'urls.txt'), 'utf8'));
  });

  it('names a published URL whose plan file is gone, though its URLs were cached', () => {
    const root = temporaryFolder('plan-atlas-ledger-');
    mkdirSync(join(root, 'sources'));
    ingest(root, 'taian-2024.txt', 'dalian-2018.txt');
    expect(ledger(root).status).toBe(0);
    rmSync(join(root, 'content', 'plans', 'liaoning'), { recursive: true });
    const gone = ledger(root);
    expect(gone.status).toBe(1);
    expect(gone.stderr).toContain('/liaoning/dalian/2018/');
    expect(gone.stdout).toMatch(/\(0 of 1 plan files read;/u);
  });
});

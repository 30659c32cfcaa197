import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporaryFolder } from '../temporary.ts';
import { describe, expect, it } from 'vitest';
import { childrenCpuFromTimes, parseStat, parseTimesClock, runMeasured, treeOf, writeBytesFromIo } from '../../scripts/bench/measure.ts';

describe('/proc and bash parsing', () => {
  it('reads a stat line whose command holds spaces and parentheses', () => {
    const fields = ['S', '41', '41', '41', '0', '-1', '4194560', '100', '0', '0', '0', '150', '25', '0', '0', '20', '0', '3', '0', '5000', '123456789', '2048'];
    const stat = parseStat(`4242 (node (worker) x) ${fields.join(' ')}`);
    expect(stat).toEqual({ pid: 4242, parent: 41, ownTicks: 175, rssPages: 2048 });
    expect(parseStat('garbage')).toBeNull();
  });

  it('finds a root and all its descendants, not its siblings', () => {
    const stat = (pid: number, parent: number) => ({ pid, parent, ownTicks: 0, rssPages: 1 });
    const all = [stat(1, 0), stat(10, 1), stat(11, 10), stat(12, 11), stat(20, 1), stat(13, 10)];
    expect(treeOf(10, all).map((entry) => entry.pid).sort()).toEqual([10, 11, 12, 13]);
    expect(treeOf(99, all)).toEqual([]);
  });

  it('adds the children line of `times`', () => {
    expect(parseTimesClock('1m2.500s')).toBe(62.5);
    expect(childrenCpuFromTimes('0m0.010s 0m0.002s\n0m1.250s 0m0.750s\n')).toBeCloseTo(2, 6);
    expect(childrenCpuFromTimes('')).toBe(0);
  });

  it('reads write_bytes from /proc/PID/io', () => {
    expect(writeBytesFromIo('rchar: 10\nwchar: 20\nwrite_bytes: 4096\ncancelled_write_bytes: 0\n')).toBe(4096);
    expect(writeBytesFromIo('')).toBeNull();
  });
});

describe('runMeasured', () => {
  it('runs a process tree, keeps its output and exit code, and samples its memory', async () => {
    const dir = temporaryFolder('bench-measure-');
    const logFile = join(dir, 'log');
    const run = await runMeasured('bash', ['-c', 'echo hello; (sleep 0.3 & wait); exit 3'], { cwd: dir, env: process.env, logFile, intervalMs: 20 });
    expect(run.exitCode).toBe(3);
    expect(run.output).toContain('hello');
    expect(readFileSync(logFile, 'utf8')).toContain('hello');
    expect(run.peakBytes).toBeGreaterThan(0);
    expect(run.cpuSeconds).toBeGreaterThanOrEqual(0);
    expect(run.wallSeconds).toBeGreaterThan(0);
  });
});

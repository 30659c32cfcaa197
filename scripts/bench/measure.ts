/**
 * Runs one stage as a child process and measures the whole process tree it
 * starts (Astro's workers, Pagefind's Rust backend, Chromium…), with nothing but
 * bash and /proc, so it works on a fresh Debian machine without GNU time.
 *
 * - wall time: from spawn to exit
 * - CPU time: user + system. Two views, the larger is reported: bash's `times`
 *   (every descendant its parent waited for, exactly) and /proc polling (the last
 *   sample of every process seen, which also counts children that are killed and
 *   never waited for, such as Pagefind's service backend)
 * - peak memory: the largest sum of resident set sizes over the tree, sampled
 *   every `intervalMs` (a sum of RSS counts shared pages once per process, so it
 *   is an upper bound of what the tree needs)
 * - bytes written: the tree's write_bytes from /proc/PID/io (a parent inherits the
 *   counters of the children it reaps), read by the wrapping shell at the end
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

export interface StageRun {
  exitCode: number;
  wallSeconds: number;
  cpuSeconds: number;
  peakBytes: number;
  writtenBytes: number | null;
  /** The stage's stdout and stderr (its last 256 KB), for figures it prints itself. */
  output: string;
}

let pageSize: number | null = null;
function bytesPerPage(): number {
  if (pageSize === null) {
    try {
      pageSize = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
    } catch {
      pageSize = 4096;
    }
  }
  return pageSize;
}

const ticksPerSecond = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  pid: number;
  parent: number;
  ownTicks: number;
  rssPages: number;
}

/** Fields of /proc/PID/stat after the command name, which may itself hold spaces and parentheses. */
export function parseStat(line: string): ProcStat | null {
  const close = line.lastIndexOf(')');
  if (close < 0) return null;
  const pid = Number(line.slice(0, line.indexOf(' ')));
  const fields = line.slice(close + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, rss 24.
  const parent = Number(fields[1]);
  const ownTicks = Number(fields[11]) + Number(fields[12]);
  const rssPages = Number(fields[21]);
  if ([pid, parent, ownTicks, rssPages].some((value) => !Number.isFinite(value))) return null;
  return { pid, parent, ownTicks, rssPages };
}

function snapshot(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) stats.push(stat);
    } catch {
      // the process ended between readdir and read
    }
  }
  return stats;
}

/** The pids of `root` and all its descendants in one snapshot. */
export function treeOf(root: number, stats: readonly ProcStat[]): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) {
    const list = children.get(stat.parent);
    if (list) list.push(stat);
    else children.set(stat.parent, [stat]);
  }
  const tree: ProcStat[] = [];
  const rootStat = stats.find((stat) => stat.pid === root);
  if (!rootStat) return tree;
  const queue = [rootStat];
  while (queue.length > 0) {
    const next = queue.shift() as ProcStat;
    tree.push(next);
    queue.push(...(children.get(next.pid) ?? []));
  }
  return tree;
}

/** `0m1.250s` → 1.25 */
export function parseTimesClock(value: string): number {
  const match = /^(\d+)m([\d.]+)s$/.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
}

/** The second line of bash's `times`: user and system time of waited-for children. */
export function childrenCpuFromTimes(output: string): number {
  const lines = output.trim().split('\n');
  const children = lines[1]?.trim().split(/\s+/) ?? [];
  return children.reduce((sum, value) => sum + parseTimesClock(value), 0);
}

export function writeBytesFromIo(output: string): number | null {
  const match = /^write_bytes:\s*(\d+)$/m.exec(output);
  return match ? Number(match[1]) : null;
}

/**
 * Runs `command args…` in `cwd` with `env`, its output appended to `logFile`,
 * sampling the process tree every `intervalMs`.
 */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; intervalMs?: number },
): Promise<StageRun> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  log.write(`\n$ ${[command, ...args].join(' ')}\n`);
  // fd 3 carries the shell's own report, apart from the stage's output.
  const script = '"$@"; status=$?; { times; cat /proc/$$/io 2>/dev/null; } >&3; exit $status';
  const started = performance.now();
  const child = spawn('bash', ['-c', script, 'stage', command, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-256 * 1024);
  };
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let report = '';
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
    report += chunk.toString();
  });
  const lastTicks = new Map<number, number>();
  let peakPages = 0;
  const sample = (): void => {
    if (child.pid === undefined) return;
    const tree = treeOf(child.pid, snapshot());
    let pages = 0;
    for (const stat of tree) {
      pages += stat.rssPages;
      lastTicks.set(stat.pid, Math.max(lastTicks.get(stat.pid) ?? 0, stat.ownTicks));
    }
    peakPages = Math.max(peakPages, pages);
  };
  const timer = setInterval(sample, options.intervalMs ?? 100);
  sample();
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      log.end();
      const polledCpu = [...lastTicks.values()].reduce((sum, ticks) => sum + ticks, 0) / ticksPerSecond;
      resolve({
        exitCode: code ?? 1,
        wallSeconds,
        cpuSeconds: Math.max(childrenCpuFromTimes(report), polledCpu),
        peakBytes: peakPages * bytesPerPage(),
        writtenBytes: writeBytesFromIo(report),
        output,
      });
    });
  });
}

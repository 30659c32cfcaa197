/**
 * One build at a time: `npm run build` holds .cache/build.lock while it runs. A
 * second build that finds the lock held by a running process stops at once and
 * names that process; a lock whose process is gone (a killed build) is stale and is
 * taken over, with a note. The same lock (acquireLock) serves any one-at-a-time job.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';

export const buildLockFile = (root = '.'): string => resolve(root, '.cache', 'build.lock');

interface LockHolder {
  pid: number;
  host: string;
  started: string;
}

export type LockResult = { held: true; staleTakenOver: LockHolder | null } | { held: false; holder: LockHolder };

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed build whose parent died too stays a zombie until something reaps it (a
  // container without an init never does): it exists, but it is not running.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' ? { pid: holder.pid, host: String(holder.host ?? ''), started: String(holder.started ?? '') } : null;
  } catch {
    // A lock file cut short by a kill while it was written holds no process.
    return null;
  }
}

/**
 * Takes the lock `file`, or says who holds it. The holder is written to a file of its
 * own first and linked into place, so a reader never finds a lock half written.
 */
export function acquireLock(file: string): LockResult {
  mkdirSync(dirname(file), { recursive: true });
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const mine = `${file}.${process.pid}.tmp`;
  writeFileSync(mine, `${JSON.stringify(me)}\n`);
  try {
    let staleTakenOver: LockHolder | null = null;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        linkSync(mine, file);
        return { held: true, staleTakenOver };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      // A process on another host (a shared folder) cannot be checked: it is taken to be running.
      if (holder !== null && (holder.host !== me.host || isRunning(holder.pid))) return { held: false, holder };
      staleTakenOver = holder ?? { pid: 0, host: '', started: '' };
      rmSync(file, { force: true });
    }
    throw new Error(`could not take ${file}: another process took it at the same moment`);
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Gives the lock `file` back, if this process holds it. */
export function releaseLock(file: string): void {
  const holder = readHolder(file);
  if (holder?.pid === process.pid) rmSync(file, { force: true });
}

/** Takes the build lock, or says who holds it. */
export const acquireBuildLock = (root = '.'): LockResult => acquireLock(buildLockFile(root));

export const releaseBuildLock = (root = '.'): void => releaseLock(buildLockFile(root));

/**
 * Output: a generated folder (content/plans, content/reports, content/enrichment) is
 * brought to exactly the wanted files. A file is written only when its bytes change,
 * and every write is atomic (a temporary file beside it, then a rename), so a reader
 * sees the old file or the new one, never half of one; files no longer wanted are
 * deleted, and so are folders left empty.
 *
 * What a killed or failed run can leave: a folder holding some files of the new run
 * and some of the old one (each file whole), files not yet deleted, and temporary
 * `*.PID.tmp` files. Never a partly written file. The next run repairs all of it: it
 * checks every wanted file against the hash of its wanted bytes (trusting a recorded
 * stamp only when size, mtime and inode are still those it recorded after its own
 * write, and stamps are saved only after a complete run), rewrites what differs and
 * deletes everything else in the folder, temporary files included. Finding what else
 * is there reads only folders whose mtime differs from the one recorded after the last
 * complete run (any file added, removed or renamed in a folder changes its mtime); the
 * others hold what that run left, which the stamps list.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Writes `text` to `path` through a temporary file and a rename: never a half-written file. */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * A file as the file system has it: size, modification time and inode. Like make and
 * git, the caches trust that a file whose stat did not change did not change (a
 * writer here replaces a file, so even a same-size rewrite gets a new inode).
 */
export type FileStat = [size: number, mtimeMs: number, ino: number];

export const statOf = (stats: Stats): FileStat => [stats.size, stats.mtimeMs, stats.ino];

/** The stat of `path`, or null when there is no such file. */
export function fileStat(path: string): FileStat | null {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats ? statOf(stats) : null;
}

/** Two stats (or two absences) alike; a stat read back from a damaged cache is never alike. */
export const sameStat = (a: unknown, b: readonly number[] | null): boolean =>
  a === null || b === null ? a === b : Array.isArray(a) && a.length === b.length && a.every((value, index) => value === b[index]);

/** The digest of the source files a cache's entries were made by: when one changes, the entries go. */
export function codeDigest(...files: readonly URL[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * A cache file's JSON object, or null when there is no file or it is not a JSON object:
 * a missing or damaged cache costs only time, never a wrong result. What the object
 * holds is the caller's to check, entry by entry.
 */
export function readCacheFile(file: string | null | undefined): Record<string, unknown> | null {
  if (file === null || file === undefined) return null;
  try {
    const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The per-plan-file entries of a cache file written as `{ code, plans }` by the code
 * `code` names (a digest of that code, and of whatever else the entries depend on);
 * none when another code wrote it. Each entry is the caller's to check as it is used.
 */
export function cachedPlanEntries(file: string | null, code: string): Record<string, unknown> {
  const stored = readCacheFile(file);
  const plans = stored?.['plans'];
  return stored?.['code'] === code && plans !== null && typeof plans === 'object' ? (plans as Record<string, unknown>) : {};
}

/** What a file was when this program last wrote or checked it. */
export interface FileStamp {
  sha256: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

/** Path inside the folder ('/'-separated) → stamp. */
export type FileStamps = Record<string, FileStamp>;

/** What a complete run left in a folder: its files, and the mtime of every folder in it ('' is the folder itself). */
export interface FolderState {
  files: FileStamps;
  folders: Record<string, number>;
}

export interface WantedFile {
  sha256: string;
  /** The bytes, asked for only when the file must be written. */
  text: () => string;
}

export interface SyncResult {
  state: FolderState;
  written: number;
  removed: number;
}

const stampOf = (stats: Stats, hash: string): FileStamp => ({ sha256: hash, size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino });

function unchanged(target: string, wanted: WantedFile, stamp: FileStamp | undefined): FileStamp | null {
  const stats = statSync(target, { throwIfNoEntry: false });
  if (!stats?.isFile()) return null;
  if (stamp && stamp.sha256 === wanted.sha256 && stamp.size === stats.size && stamp.mtimeMs === stats.mtimeMs && stamp.ino === stats.ino) return stamp;
  return sha256(readFileSync(target)) === wanted.sha256 ? stampOf(stats, wanted.sha256) : null;
}

const parentOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/**
 * Makes `directory` hold exactly `files` (path inside it → wanted file). `previous`
 * is the state a former complete run returned for this folder (or null).
 */
export function syncFiles(directory: string, files: ReadonlyMap<string, WantedFile>, previous: FolderState | null): SyncResult {
  mkdirSync(directory, { recursive: true });
  const stamps: FileStamps = {};
  let written = 0;
  for (const path of [...files.keys()].sort()) {
    const wanted = files.get(path)!;
    const target = join(directory, path);
    const same = unchanged(target, wanted, previous?.files[path]);
    if (same) {
      stamps[path] = same;
      continue;
    }
    const text = wanted.text();
    writeFileAtomic(target, text);
    stamps[path] = stampOf(statSync(target), wanted.sha256);
    written += 1;
  }

  // What the last complete run left in each folder, for folders whose mtime says nothing changed since.
  const leftFiles = new Map<string, string[]>();
  const leftFolders = new Map<string, string[]>();
  for (const path of Object.keys(previous?.files ?? {})) leftFiles.set(parentOf(path), [...(leftFiles.get(parentOf(path)) ?? []), path]);
  for (const path of Object.keys(previous?.folders ?? {})) {
    if (path !== '') leftFolders.set(parentOf(path), [...(leftFolders.get(parentOf(path)) ?? []), path]);
  }

  let removed = 0;
  const folders: Record<string, number> = {};
  /** Returns whether the folder still exists afterwards: one left empty is removed (unless it is the root). */
  const sweep = (folder: string): boolean => {
    const absolute = folder === '' ? directory : join(directory, folder);
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (!stats?.isDirectory()) return false;
    let children: string[];
    let subfolders: string[];
    if (previous?.folders[folder] === stats.mtimeMs) {
      children = leftFiles.get(folder) ?? [];
      subfolders = leftFolders.get(folder) ?? [];
    } else {
      children = [];
      subfolders = [];
      for (const entry of readdirSync(absolute, { withFileTypes: true })) {
        const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
        (entry.isDirectory() ? subfolders : children).push(path);
      }
    }
    let kept = 0;
    // Whether this sweep removed anything here, which moves the folder's mtime.
    let changed = false;
    for (const path of children) {
      if (files.has(path)) {
        kept += 1;
        continue;
      }
      rmSync(join(directory, path), { force: true });
      removed += 1;
      changed = true;
    }
    for (const path of subfolders) {
      if (sweep(path)) kept += 1;
      else changed = true;
    }
    if (folder !== '' && kept === 0) {
      rmdirSync(absolute);
      return false;
    }
    folders[folder] = changed ? statSync(absolute).mtimeMs : stats.mtimeMs;
    return true;
  };
  sweep('');
  return { state: { files: stamps, folders }, written, removed };
}

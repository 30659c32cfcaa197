/**
 * A project tree in which the fault tests build, kill and starve `npm run build`:
 * a copy of the working tree (node_modules linked) whose sources can be switched
 * between two sets of plans, as a deployment switches between two commits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildEnv, linkNodeModules, repoRoot, snapshotTree } from '../browser/build.ts';

/** Two sets of bundled plans: a site of one plan, and of two. */
export const variants = { one: ['gaotai-2024.txt'], two: ['gaotai-2024.txt', 'yingtan-2021.txt'] } as const;
export type Variant = keyof typeof variants;

export function makeTree(tree: string): void {
  snapshotTree(tree);
  linkNodeModules(tree);
}

/**
 * Puts the variant's sources in content/sources, and a ledger with no URL yet (the
 * build records its own): a ledger that lists the other variant's plans would
 * rightly fail the build.
 */
export function useVariant(tree: string, variant: Variant): void {
  const sources = join(tree, 'content', 'sources');
  for (const name of readdirSync(sources)) if (name.endsWith('.txt')) rmSync(join(sources, name));
  for (const name of variants[variant]) copyFileSync(join(repoRoot, 'content', 'sources', name), join(sources, name));
  const ledger = join(tree, 'content', 'ledger', 'urls.txt');
  const header = readFileSync(join(repoRoot, 'content', 'ledger', 'urls.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('#') || line.trim() === '');
  writeFileSync(ledger, `${header.join('\n').trimEnd()}\n`);
}

/** Every file of a folder with the digest of its bytes, as one digest: two sites are the same when it is. */
export function siteDigest(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) hash.update(`${file}\0${createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')}\n`);
  return `${files.length}:${hash.digest('hex')}`;
}

export interface RunningBuild {
  child: ChildProcess;
  output: () => string;
  /** Resolves when the build prints a line matching `pattern` (false if it ended first). */
  printed: (pattern: RegExp) => Promise<boolean>;
  /** Resolves to the exit status (null when killed). */
  done: Promise<number | null>;
  /** Kills the build and every process it started, as a power cut or the OOM killer would. */
  kill: () => void;
}

export function startBuild(tree: string, env: Record<string, string> = {}): RunningBuild {
  // Its own process group, so that the kill reaches Astro, Pagefind and every worker.
  const child = spawn('npm', ['run', 'build'], { cwd: tree, env: buildEnv(env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const waiters: Array<{ pattern: RegExp; resolve: (seen: boolean) => void }> = [];
  const onData = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(true);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const done = new Promise<number | null>((resolve) => {
    child.on('close', (status) => {
      for (const waiter of waiters.splice(0)) waiter.resolve(false);
      resolve(status);
    });
  });
  let ended = false;
  void done.then(() => (ended = true));
  return {
    child,
    output: () => text,
    printed: (pattern) => (pattern.test(text) ? Promise.resolve(true) : ended ? Promise.resolve(false) : new Promise((resolve) => waiters.push({ pattern, resolve }))),
    done,
    kill: () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
}

/** Builds to the end; throws with the log when the build fails. */
export async function buildToEnd(tree: string, env: Record<string, string> = {}): Promise<string> {
  const build = startBuild(tree, env);
  const status = await build.done;
  if (status !== 0) throw new Error(`npm run build failed (exit ${status}) in ${tree}:\n${build.output().slice(-4000)}`);
  return build.output();
}

/** Runs a command as root would in a shell; throws with its output when it fails. */
export function sh(command: string): string {
  const result = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`\`${command}\` failed (exit ${result.status}): ${result.stderr}${result.stdout}`);
  return result.stdout;
}

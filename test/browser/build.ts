/**
 * Builds the site for tests with the real command, `npm run build`, in a copy of the
 * working tree (node_modules linked, not copied), so tests never touch the
 * developer's dist/ or content/, and a default-base and a `/atlas/` build can sit
 * side by side. Each kind of build is made at most once per test run: the run's
 * folder comes from test/browser/global-setup.ts, and every test file reuses what an
 * earlier file built there.
 *
 * TEST_DIST (default base) and TEST_DIST_ATLAS (BASE_PATH=/atlas/) point the tests
 * at a fresh build made elsewhere instead; TEST_CONTENT names its content/ folder
 * (default: the content/ beside that dist).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { inject } from 'vitest';
import { acquireLock, releaseLock } from '../../scripts/build/lock.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder that lives as long as the test run, for builds shared between test files. */
    atlasTestRun: string;
  }
}

/** Where the test builds say the site will be published (canonical links, citations, sitemap). */
export const testSiteUrl = 'https://plan-atlas.example.org';

/**
 * The two test builds. The /atlas/ one also records a moved URL in its copy of the
 * ledger (see recordTestMove), so redirects are built and checked under a base path,
 * and writes its search index in shards of at most 50 records (the bundled plans
 * then make four), with about four pages a fragment file (SEARCH_FRAGMENT_PAGES), so
 * the search page is tested over one index of a file a page and over shards of shared files,
 * and lists one plan a page on the topic, document, term and plan-list pages (and
 * a year of more than one plan by province), so those are tested in pages as a
 * national atlas has them, and whole in the default build. Both also ingest the
 * plans of test/browser/fixtures/ (addTestPlans): a short summary-and-plan written for
 * the tests, so that a region has two consecutive years and a summary's results
 * can be followed to the commitments of the year they report on; the two builds
 * hold the same plans, so what one finds the other must find too.
 */
export const testShardRecords = 50;
export const testFragmentPages = 4;
export const testPlansPerPage = 1;
export const siteKinds = {
  root: { base: '/', env: {} as Record<string, string>, given: 'TEST_DIST', move: false },
  atlas: {
    base: '/atlas/',
    env: { BASE_PATH: '/atlas/', SEARCH_SHARD_RECORDS: String(testShardRecords), SEARCH_FRAGMENT_PAGES: String(testFragmentPages), GATHERING_PAGE_PLANS: String(testPlansPerPage) } as Record<string, string>,
    given: 'TEST_DIST_ATLAS',
    move: true,
  },
} as const;

export const ledgerFile = 'content/ledger/urls.txt';

/**
 * Appends `{first plan URL}moved-for-test/ -> {first plan URL}` to the ledger of a
 * build copy: a URL that was published once and moved, as a real ledger will have.
 */
function recordTestMove(tree: string): void {
  const file = join(tree, ledgerFile);
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const first = text.split(/\r?\n/).find((line) => /^\/(?:[a-z0-9-]+\/)+$/.test(line.trim()))?.trim();
  if (first === undefined) return;
  writeFileSync(file, `${text.replace(/\n*$/, '\n')}${first}moved-for-test/ -> ${first}\n`);
}
export type SiteKind = keyof typeof siteKinds;

/** Plans written for the tests, never atlas content: added to a build copy's sources. */
export const testPlansFolder = 'test/browser/fixtures';

function addTestPlans(tree: string): void {
  for (const name of readdirSync(join(tree, testPlansFolder)).filter((file) => file.endsWith('.txt'))) {
    copyFileSync(join(tree, testPlansFolder, name), join(tree, 'content', 'sources', `test-${name}`));
  }
}

export interface BuiltSite {
  kind: SiteKind;
  /** The built site (what would be uploaded). */
  dist: string;
  /** The content/ folder the build ingested into (plans, reports). */
  content: string;
  /** The tree the build ran in (holds the ledger and other committed files as built). */
  tree: string;
  base: string;
  /** SITE_URL it was built for: absolute links under it are internal (unknown for a given dist without SITE_URL). */
  siteUrl?: string;
}

export const repoRoot = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');

/** Files of the working tree a fresh clone would have, plus work not yet committed. */
function treeFiles(): string[] {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (listed.status !== 0) {
    throw new Error(`git ls-files failed in ${repoRoot}: ${listed.stderr}. The test builds copy the working tree git knows about.`);
  }
  return listed.stdout
    .split('\0')
    // A linked node_modules (a worktree's) is listed as a file: it is linked into each copy, never copied.
    .filter((file) => file !== '' && file !== 'node_modules' && !file.startsWith('node_modules/'))
    .filter((file) => existsSync(join(repoRoot, file)));
}

/** Copies the working tree (node_modules excepted) to `target`. */
export function snapshotTree(target: string): void {
  for (const file of treeFiles()) {
    const to = join(target, file);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(repoRoot, file), to);
  }
}

/**
 * Links every installed package into the copy, but not the caches Astro and Vite
 * keep in node_modules (.astro/data-store.json, .vite): shared, they would let one
 * build see another's state, and builds from different trees race on them.
 */
const privateCaches = new Set(['.astro', '.vite', '.vite-temp', '.cache']);
export function linkNodeModules(tree: string): void {
  const modules = join(tree, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (!privateCaches.has(entry)) symlinkSync(join(repoRoot, 'node_modules', entry), join(modules, entry));
  }
}

/** The environment of a user's shell: nothing the test runner sets leaks into the build. */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(VITEST|NODE_ENV$|TEST$|MODE$|BASE_PATH$|SITE_URL$|SEARCH_SHARD_RECORDS$|SEARCH_FRAGMENT_PAGES$|GATHERING_PAGE_PLANS$|npm_)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, SITE_URL: testSiteUrl, ...extra };
}

/** Runs `npm run build` again in a built site's tree, as a user does after an edit; resolves to its log. */
export async function rebuild(site: BuiltSite, extraEnv: Record<string, string> = {}): Promise<string> {
  const log = join(site.tree, '..', 'rebuild.log');
  await run('npm', ['run', 'build'], site.tree, buildEnv({ ...siteKinds[site.kind].env, ...extraEnv }), log);
  return readFileSync(log, 'utf8');
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, log: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const text = Buffer.concat(output).toString('utf8');
      writeFileSync(log, text);
      if (code === 0) done();
      else fail(new Error(`\`${command} ${args.join(' ')}\` failed (exit ${code}) in ${cwd}; full log: ${log}\n${text.slice(-4000)}`));
    });
  });
}

/**
 * Runs `npm run build` in a fresh copy of the working tree at `dir`, or of `snapshot`
 * (a folder written by snapshotTree) so that several builds see the same sources
 * while people keep editing the tree.
 */
export async function buildInto(dir: string, kind: SiteKind, snapshot?: string): Promise<BuiltSite> {
  const tree = join(dir, 'tree');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  if (snapshot === undefined) snapshotTree(tree);
  else cpSync(snapshot, tree, { recursive: true });
  linkNodeModules(tree);
  if (siteKinds[kind].move) recordTestMove(tree);
  addTestPlans(tree);
  await run('npm', ['run', 'build'], tree, buildEnv(siteKinds[kind].env), join(dir, 'build.log'));
  const site: BuiltSite = {
    kind,
    dist: join(tree, 'dist'),
    content: join(tree, 'content'),
    tree,
    base: siteKinds[kind].base,
    siteUrl: testSiteUrl,
  };
  if (!existsSync(join(site.dist, 'index.html'))) throw new Error(`npm run build succeeded in ${tree} but wrote no dist/index.html`);
  return site;
}

let privateRunFolder: string | null = null;

function runFolder(): string {
  let provided: string | undefined;
  try {
    provided = inject('atlasTestRun');
  } catch {
    provided = undefined;
  }
  if (provided !== undefined && provided !== '') return provided;
  // Not started through test/vitest.config.ts: build privately for this file.
  privateRunFolder ??= mkdtempSync(join(tmpdir(), 'atlas-test-run-'));
  return privateRunFolder;
}

/** The site built for this test run (built now if no earlier test file built it). */
export async function builtSite(kind: SiteKind): Promise<BuiltSite> {
  const given = process.env[siteKinds[kind].given];
  if (given !== undefined && given !== '') {
    const dist = resolve(given);
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${siteKinds[kind].given}=${given} has no index.html; build it first`);
    const content = resolve(process.env['TEST_CONTENT'] ?? join(dist, '..', 'content'));
    const site: BuiltSite = { kind, dist, content, tree: resolve(dist, '..'), base: siteKinds[kind].base };
    const siteUrl = process.env['SITE_URL'];
    return siteUrl === undefined || siteUrl === '' ? site : { ...site, siteUrl };
  }
  const snapshot = await runSnapshot();
  return onceInRun(kind, () => buildInto(join(runFolder(), kind), kind, snapshot));
}

/**
 * One copy of the working tree for the run, made when first asked for: the shared
 * builds, and any test that compares a build of its own with them, build the same
 * sources even while people edit the tree.
 */
export function runSnapshot(): Promise<string> {
  return onceInRun('sources', async () => {
    const folder = join(runFolder(), 'sources');
    rmSync(folder, { recursive: true, force: true });
    snapshotTree(folder);
    return folder;
  });
}

/**
 * `make()` once per test run, whichever file asks first; test files run in
 * parallel, so the others wait for it. A failure is remembered: every later file
 * fails the same way without trying again.
 */
async function onceInRun<T>(name: string, make: () => Promise<T>): Promise<T> {
  const folder = runFolder();
  const marker = join(folder, `${name}.json`);
  const failure = join(folder, `${name}.failed.txt`);
  const lock = join(folder, `${name}.making`);
  for (;;) {
    if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as T;
    if (existsSync(failure)) throw new Error(readFileSync(failure, 'utf8'));
    if (takeLock(lock)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as T;
    const made = await make();
    writeFileSync(marker, JSON.stringify(made));
    return made;
  } catch (error) {
    writeFileSync(failure, `earlier in this run: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  } finally {
    releaseLock(lock);
  }
}

/** The project's lock (a stale one, whose worker died mid-build, is taken over); false while another holds it. */
function takeLock(lock: string): boolean {
  try {
    return acquireLock(lock).held;
  } catch {
    return false; // taken by another at the same moment: wait and try again
  }
}


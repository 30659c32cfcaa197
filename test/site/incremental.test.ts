/**
 * A rebuild after editing one source, as a user makes it (`npm run build` again in
 * the same tree): Astro renders again only the pages that depend on the edited plan
 * (its own, the regions above it, any page whose data the edit changed such as an
 * item listing one of its items as related, and the pages that gather the whole
 * atlas), verify-site parses again only the pages that changed, the search index
 * writes again only the edited plan's shard, and what the
 * rebuild leaves in dist/ is byte for byte what a clean build of the edited sources
 * writes. A change to the code builds everything again.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { astroPages } from '../../scripts/bench/pipeline.ts';
import { loadPlans } from '../../src/model/plan-files.ts';
import { shardManifestFile, type ShardManifest } from '../../src/model/search/shards.ts';
import { sourceDownloadPath } from '../../src/model/source-download.ts';
import { itemsOf, type Plan } from '../../src/model/plan.ts';
import { buildInto, rebuild, snapshotTree } from '../browser/build.ts';

const sentence = '加强督导检查，确保各项任务落到实处。';

function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return found;
}

/**
 * Files Astro rendered, from its log: `├─ /a/b/index.html (+2ms)` → `a/b/index.html`. Some
 * entries come without their time and run into the next line's clock (`├─ /404.html20:39:14`),
 * a file an endpoint writes is shown with the trailing slash of its route (`/downloads/sources/a.txt/`),
 * and under CI=true Astro colours its log.
 */
function renderedFiles(log: string): Set<string> {
  return new Set([...stripVTControlCharacters(log).matchAll(/├─ \/(\S+?)\/?(?=\d\d:\d\d:\d\d|\s|$)/g)].map((match) => match[1]!));
}

/** An edit inside an item's text: the sentence goes after the first Han characters of an item found once in a UTF-8 source. */
function editInsideAnItem(tree: string, plans: readonly Plan[]): { plan: Plan; edit: (root: string) => void } {
  for (const plan of plans) {
    const source = readFileSync(join(tree, plan.sourceFile), 'utf8');
    if (source.includes('\uFFFD')) continue;
    for (const item of itemsOf(plan.sections)) {
      const start = (item.text.match(/\p{Script=Han}{8}/u) ?? [])[0];
      if (start === undefined || source.split(start).length !== 2) continue;
      return { plan, edit: (root) => writeFileSync(join(root, plan.sourceFile), source.replace(start, `${start}${sentence}`)) };
    }
  }
  throw new Error('no item of the bundled plans can be found once in its source');
}

const fileOf = (url: string): string => `${url.slice(1)}index.html`;

describe('rebuild after an edit', () => {
  it('renders and indexes again only what depends on the edited plan, and ends where a clean build of the edit does', async () => {
    const work = mkdtempSync(join(tmpdir(), 'atlas-incremental-'));
    onTestFinished(() => rmSync(work, { recursive: true, force: true }));
    const original = join(work, 'original');
    snapshotTree(original);
    const site = await buildInto(join(work, 'rebuilt'), 'atlas', original);
    const plans = loadPlans(site.content);
    const pagesBefore = files(site.dist);
    const { plan, edit } = editInsideAnItem(site.tree, plans);
    edit(site.tree);
    const log = await rebuild(site);
    expect(log).toContain('astro-build: rebuild with the same code');
    // verify-site reads no plan whose files are as they were, and parses again only the pages the edit changed.
    const verified = /verify-site: (\d+) plan and item pages show every character of their text, in order \((?:(\d+) as they were when they last passed; )?(\d+) of (\d+) plan\(s\) not read again/u.exec(log);
    expect(verified, log).not.toBeNull();
    const [total, known, untouched, untouchedPlans] = [Number(verified![1]), Number(verified![2] ?? 0), Number(verified![3]), Number(verified![4])];
    expect(untouched).toBeGreaterThan(0);
    expect(untouchedPlans).toBeLessThan(plans.length);
    expect(known + untouched).toBeLessThan(total);
    const pagesAfter = files(site.dist);
    const editedPlan = loadPlans(site.content).find((each) => each.url === plan.url)!;
    expect([...itemsOf(editedPlan.sections)].map((item) => item.text).join('\n')).toContain(sentence);

    // The pages with a key (as the last build recorded them) include every page of a plan, an item, a region, a
    // topic, a cited document or a policy term, every plan.json and every source download.
    const keysDir = join(site.tree, '.cache', 'site', 'keys');
    const keyed = new Set(readdirSync(keysDir).flatMap((file) => Object.keys(JSON.parse(readFileSync(join(keysDir, file), 'utf8')) as object)));
    const planFiles = (each: Plan): string[] => [
      fileOf(each.url),
      `${each.url.slice(1)}plan.json`,
      sourceDownloadPath(each).slice(1),
      ...[...itemsOf(each.sections)].map((item) => fileOf(item.url)),
    ];
    const regionFiles = (each: Plan): string[] => [
      ...each.region.path.map((_, depth) => `${each.region.path.slice(0, depth + 1).join('/')}/index.html`),
      `years/${each.year}/${each.region.path[0]}/index.html`,
    ];
    for (const file of plans.flatMap((each) => [...planFiles(each), ...regionFiles(each)])) expect(keyed.has(file), file).toBe(true);
    const gathering = [...pagesBefore.keys()].filter((file) => /^(?:topics|docs|terms)\/[^/]+\/(?:\d+\/)?index\.html$/.test(file));
    // The /atlas/ build lists one plan a page: some of those pages are pages after the first.
    expect(gathering.some((file) => /\/\d+\/index\.html$/.test(file))).toBe(true);
    for (const file of gathering) expect(keyed.has(file), file).toBe(true);

    // What Astro rendered of those is the edited plan's, links to one of its pages, or changed.
    const own = new Set(planFiles(plan));
    const links = [plan.url, ...[...itemsOf(plan.sections)].map((item) => item.url)].map((url) => `href="${site.base}${url.slice(1)}"`);
    const linksToPlan = (file: string): boolean => [pagesBefore.get(file), pagesAfter.get(file)].some((page) => page !== undefined && links.some((link) => page.includes(link)));
    const changed = (file: string): boolean => !pagesBefore.get(file)?.equals(pagesAfter.get(file) ?? Buffer.alloc(0));
    const rendered = [...renderedFiles(log)].filter((file) => keyed.has(file));
    expect(rendered).toContain(fileOf(plan.url));
    for (const file of rendered) expect(own.has(file) || linksToPlan(file) || changed(file), `${file} was rendered again, unchanged`).toBe(true);
    const { kept } = astroPages(log);
    expect(kept).toBe(keyed.size - rendered.length);
    expect(kept).toBeGreaterThan(keyed.size / 2);

    // The search index: only the shard holding the edited plan is written again.
    const shards = (JSON.parse(readFileSync(join(site.dist, 'pagefind', shardManifestFile), 'utf8')) as ShardManifest).shards.length + 1;
    expect(shards).toBeGreaterThan(2);
    expect(log).toContain(`in ${shards} shards of ≤ 50 records, ${shards - 1} kept from the last build`);

    // The same edit built from scratch: every file the same, none missing, none left over.
    const edited = join(work, 'edited');
    snapshotTree(edited);
    edit(edited);
    const clean = await buildInto(join(work, 'clean'), 'atlas', edited);
    const [incremental, fresh] = [pagesAfter, files(clean.dist)];
    expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
    const differing = [...fresh].filter(([path, bytes]) => !incremental.get(path)?.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);

    // Other code: nothing of the last build is kept.
    appendFileSync(join(site.tree, 'src', 'styles', readdirSync(join(site.tree, 'src', 'styles'))[0]!), '\n');
    const afterCodeChange = await rebuild(site);
    expect(afterCodeChange).toContain('astro-build: clean build (the code, packages or deploy settings changed)');
    expect(astroPages(afterCodeChange).kept).toBe(0);
  }, 600_000);
});

/**
 * A rebuild after editing one source, as a user makes it (`npm run build` again in
 * the same tree): Astro renders again only the pages that depend on the edited plan
 * (its own, the regions above it, and any page whose data the edit changed, such as
 * an item listing one of its items as related) and keeps the rest, and what it
 * leaves in dist/ is byte for byte what a clean build of the edited sources writes.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { astroPages } from '../../scripts/bench/pipeline.ts';
import { loadPlans } from '../../scripts/content/plans.ts';
import { itemsOf } from '../../src/model/plan.ts';
import { buildInto, rebuild, snapshotTree } from '../browser/build.ts';

const edit = '加强督导检查，确保各项任务落到实处。\n';

function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return found;
}

/** Pages Astro rendered, from its log: `├─ /a/b/index.html (+2ms)` → `/a/b/`. */
function renderedPages(log: string): Set<string> {
  return new Set([...log.matchAll(/├─ (\S+)index\.html \(\+[\d.]+m?s\)/g)].map((match) => match[1]!));
}

describe('incremental rebuild', () => {
  it('renders again only the pages that depend on an edited plan, and ends where a clean build of the edit does', async () => {
    const work = mkdtempSync(join(tmpdir(), 'atlas-incremental-'));
    onTestFinished(() => rmSync(work, { recursive: true, force: true }));
    const original = join(work, 'original');
    snapshotTree(original);
    const site = await buildInto(join(work, 'rebuilt'), 'root', original);
    const before = loadPlans(site.content);
    const pagesBefore = files(site.dist);
    const plan = before.find((candidate) => [...itemsOf(candidate.sections)].length > 3)!;
    appendFileSync(join(site.tree, plan.sourceFile), edit);
    const log = await rebuild(site);
    const pagesAfter = files(site.dist);

    // What depends on the edited plan: its pages and the regions above it, and any page the edit changed.
    const dependent = new Set<string>([plan.url, ...[...itemsOf(plan.sections)].map((item) => item.url)]);
    plan.region.path.forEach((_, depth) => dependent.add(`/${plan.region.path.slice(0, depth + 1).join('/')}/`));
    const changed = (page: string): boolean => {
      const file = `${page.slice(1)}index.html`;
      return !pagesBefore.get(file)?.equals(pagesAfter.get(file) ?? Buffer.alloc(0));
    };
    const pagesUnderRegions = new Set([
      ...before.flatMap((each) => [each.url, ...[...itemsOf(each.sections)].map((item) => item.url)]),
      ...before.flatMap((each) => each.region.path.map((_, depth) => `/${each.region.path.slice(0, depth + 1).join('/')}/`)),
    ]);
    const rendered = [...renderedPages(log)].filter((page) => pagesUnderRegions.has(page));
    expect(rendered.length).toBeGreaterThan(0);
    for (const page of rendered) expect(dependent.has(page) || changed(page), `${page} was rendered again, unchanged`).toBe(true);
    const { kept } = astroPages(log);
    expect(kept).toBe(pagesUnderRegions.size - rendered.length);
    expect(kept).toBeGreaterThan(pagesUnderRegions.size / 2);

    // The same edit built from scratch: every file the same, none missing, none left over.
    const edited = join(work, 'edited');
    snapshotTree(edited);
    appendFileSync(join(edited, plan.sourceFile), edit);
    const clean = await buildInto(join(work, 'clean'), 'root', edited);
    const [incremental, fresh] = [files(site.dist), files(clean.dist)];
    expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
    const differing = [...fresh].filter(([path, bytes]) => !incremental.get(path)?.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);
  }, 600_000);
});

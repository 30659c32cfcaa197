/**
 * `node scripts/cli/verify-site.ts` as the build runs it: a site whose pages show
 * their plans' text passes; a page that loses or reorders text, or is missing,
 * fails the run and is named, whether the pages are checked in one thread or
 * split between workers. A plan whose files are the same as when it passed is not
 * read again, a page passed before with the same bytes is not parsed again, a
 * changed one always is, and --full checks every page.
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteTemporaryFolder } from '../temporary.ts';
import { loadPlans } from '../../src/model/plan-files.ts';
import { itemsOf } from '../../src/model/plan.ts';
import { planHan } from '../../scripts/site/verify-text.ts';
import { runCli } from './run.ts';

const root = suiteTemporaryFolder('plan-atlas-verify-');
const content = join(root, 'content');
const dist = join(root, 'dist');
const pageFile = (url: string): string => join(dist, url, 'index.html');
const pageOf = (text: string): string =>
  `<!doctype html><html lang="zh-CN"><head><title>t</title><style>[data-plan-text]{}</style></head><body><nav>首页 地区</nav><main data-plan-text>${text}<a data-ui href="#">链接</a></main></body></html>`;

let urls: string[] = [];
/** How many pages (plan and items) each plan has, in the order of urls. */
const pagesPerPlan: number[] = [];

beforeAll(() => {
  const sources = join(root, 'sources');
  mkdirSync(sources);
  for (const name of ['dalian-2018.txt', 'taian-2024.txt']) copyFileSync(new URL(`../../content/sources/${name}`, import.meta.url), join(sources, name));
  expect(runCli('ingest', ['--sources', sources, '--content', content, '--no-cache']).status).toBe(0);
  // The pages a faithful build writes: each shows its whole text, in order, amid interface words.
  for (const plan of loadPlans(content)) {
    pagesPerPlan.push(1 + [...itemsOf(plan.sections)].length);
    urls.push(plan.url);
    mkdirSync(join(dist, plan.url), { recursive: true });
    // The plan page's reading order is planHan's own (test/site/verify-text.test.ts checks it).
    writeFileSync(pageFile(plan.url), pageOf(planHan(plan)));
    for (const item of itemsOf(plan.sections)) {
      urls.push(item.url);
      mkdirSync(join(dist, item.url), { recursive: true });
      writeFileSync(pageFile(item.url), pageOf(`${item.label}${item.text}`));
    }
  }
});


const cache = join(root, 'cache');
const verify = (threads: number, options: string[] = ['--no-cache']) => runCli('verify-site', ['--content', content, '--dist', dist, '--threads', String(threads), ...options]);

describe('verify-site', () => {
  it('passes a site whose every plan and item page shows its text, in one thread or two', () => {
    expect(urls.length).toBeGreaterThan(40);
    for (const threads of [0, 2]) {
      const result = verify(threads);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`verify-site: ${urls.length} plan and item pages show every character of their text, in order`);
    }
  });

  it('names every page that lost text, reordered it or is missing, in page order, however the pages are split', () => {
    const [firstPlan, lastItem, middleItem] = [urls[0]!, urls.at(-1)!, urls[Math.floor(urls.length / 2) - 1]!];
    const originals = new Map([firstPlan, lastItem, middleItem].map((url) => [url, readFileSync(pageFile(url), 'utf8')]));
    try {
      // One character dropped from the plan page; two swapped on the last item page; one page gone.
      writeFileSync(pageFile(firstPlan), originals.get(firstPlan)!.replace('教育', '教'));
      const last = originals.get(lastItem)!;
      const at = last.search(/\p{Script=Han}\p{Script=Han}<a data-ui/u);
      writeFileSync(pageFile(lastItem), `${last.slice(0, at)}${last[at + 1]}${last[at]}${last.slice(at + 2)}`);
      rmSync(pageFile(middleItem));

      const results = [0, 2, 3].map((threads) => verify(threads));
      for (const result of results) {
        expect(result.status).toBe(1);
        const lines = result.stderr.trim().split('\n');
        expect(lines).toHaveLength(4);
        expect(lines[0]).toMatch(new RegExp(`^${pageFile(firstPlan)}: after \\d+ Han characters the page shows ".*" where the plan has ".*"$`, 'u'));
        expect(lines[1]).toBe(`${pageFile(middleItem)}: missing: the page for ${middleItem} was not built`);
        expect(lines[2]).toMatch(new RegExp(`^${pageFile(lastItem)}: after \\d+ Han characters`, 'u'));
        expect(lines[3]).toBe("verify-site: 3 page(s) do not show their plan's whole text");
      }
      expect(results[1]!.stderr).toBe(results[0]!.stderr);
      expect(results[2]!.stderr).toBe(results[0]!.stderr);
    } finally {
      for (const [url, html] of originals) {
        mkdirSync(join(dist, url), { recursive: true });
        writeFileSync(pageFile(url), html);
      }
    }
  });

  it('names a plan file that is not what the ingest writes, and says what to do', () => {
    const broken = join(root, 'broken');
    mkdirSync(join(broken, 'plans'), { recursive: true });
    writeFileSync(join(broken, 'plans', 'x.md'), '---\nid: [\n---\n');
    const result = runCli('verify-site', ['--content', broken, '--dist', dist, '--no-cache']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^verify-site: ${join(broken, 'plans', 'x.md')}: error \\[invalid-file\\] [\\s\\S]+\n  hint: run npm run ingest to regenerate content/plans/\n$`, 'u'));
  });

  it('refuses a --threads that is not a whole number', () => {
    const result = runCli('verify-site', ['--content', content, '--dist', dist, '--threads', 'two']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--threads must be a whole number');
  });

  it('reads no plan whose files passed last time unchanged, parses no page read again with the same bytes, and checks again a page that changed', () => {
    expect(pagesPerPlan).toHaveLength(2);
    rmSync(cache, { recursive: true, force: true });
    const first = verify(2, ['--cache', cache]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`verify-site: ${urls.length} plan and item pages show every character of their text, in order\n`);
    const second = verify(0, ['--cache', cache]);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`in order (${urls.length} of 2 plan(s) not read again: the same files as when they last passed)`);

    // A page of the first plan, rewritten in place (the same file, new bytes).
    const page = pageFile(urls[1]!);
    const original = readFileSync(page, 'utf8');
    try {
      // Its first Han character dropped.
      writeFileSync(page, original.replace(/(<main data-plan-text>[^\p{Script=Han}]*)\p{Script=Han}/u, '$1'));
      expect(readFileSync(page, 'utf8')).not.toBe(original);
      const third = verify(2, ['--cache', cache]);
      expect(third.status).toBe(1);
      expect(third.stderr).toContain(`${page}: after `);
    } finally {
      writeFileSync(page, original);
    }
    // The page put back is parsed again (the failed run kept only the pages that passed), the first plan's
    // other pages pass by their bytes, and the second plan is not read.
    const fourth = verify(0, ['--cache', cache]);
    expect(fourth.status).toBe(0);
    expect(fourth.stdout).toContain(
      `verify-site: ${urls.length} plan and item pages show every character of their text, in order (${pagesPerPlan[0]! - 1} as they were when they last passed; ${pagesPerPlan[1]} of 1 plan(s) not read again: the same files as when they last passed)`,
    );
  });

  it("reads every plan again for another site folder: a pass over one folder says nothing of another's pages", () => {
    expect(verify(0, ['--cache', cache]).status).toBe(0);
    const other = join(root, 'other-dist');
    cpSync(dist, other, { recursive: true });
    const page = join(other, urls[3]!, 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/(<main data-plan-text>[^\p{Script=Han}]*)\p{Script=Han}/u, '$1'));
    const result = runCli('verify-site', ['--content', content, '--dist', other, '--threads', '0', '--cache', cache]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${page}: after `);
  });

  it('checks every page with --full, even one changed in place with its size and time kept', () => {
    expect(verify(0, ['--cache', cache]).status).toBe(0);
    const page = pageFile(urls[2]!);
    const original = readFileSync(page, 'utf8');
    const { atime, mtime } = statSync(page);
    const at = original.search(/\p{Script=Han}\p{Script=Han}<a data-ui/u);
    try {
      // Two characters swapped: the same size; the old times put back.
      writeFileSync(page, `${original.slice(0, at)}${original[at + 1]}${original[at]}${original.slice(at + 2)}`);
      utimesSync(page, atime, mtime);
      const full = verify(0, ['--cache', cache, '--full']);
      expect(full.status).toBe(1);
      expect(full.stderr).toContain(`${page}: after `);
    } finally {
      writeFileSync(page, original);
    }
    const again = verify(0, ['--cache', cache, '--full']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`verify-site: ${urls.length} plan and item pages show every character of their text, in order\n`);
  });
});

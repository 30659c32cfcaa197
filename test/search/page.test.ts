/**
 * The search page in Chromium over the built site (dist/, built by npm run build
 * when missing): a shared search URL, a facet, sorting and the keyboard.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearchSession, type SearchSession } from '../../scripts/search/browser.ts';
import { loadPlans } from '../../scripts/search/corpus.ts';
import { itemTexts, relevantItems } from '../../scripts/search/metrics.ts';

let session: SearchSession;
const errors: string[] = [];
/** SEARCH_SITE and SEARCH_CONTENT point the test at another build, e.g. while developing. */
const site = process.env['SEARCH_SITE'] ?? 'dist';
const content = process.env['SEARCH_CONTENT'] ?? 'content';

beforeAll(async () => {
  if (!existsSync(`${site}/search/index.html`) || !existsSync(`${site}/pagefind/pagefind.js`)) {
    execFileSync('npm', ['run', 'build'], { stdio: 'pipe', env: { ...process.env, BASE_PATH: '/' } });
  }
  session = await openSearchSession(site, '/');
  session.page.on('pageerror', (error) => errors.push(String(error)));
});

afterAll(async () => {
  await session?.close();
});

async function open(query: string): Promise<void> {
  await session.page.goto(`${session.origin}/search/${query}`);
  if (query === '') return;
  await session.page.waitForFunction(() => {
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    const done = status.startsWith('没有') || (status.startsWith('找到') && document.querySelector('[data-search-results] li') !== null);
    return done;
  });
}

const resultTexts = () => session.page.$$eval('[data-search-results] li', (items) => items.map((item) => (item as HTMLElement).innerText));

describe('search page', () => {
  it('opens a shared search URL and shows every item containing the term, marked', async () => {
    const plans = loadPlans(content);
    const relevant = relevantItems(itemTexts(plans), '县管校聘');
    await open('?q=%E5%8E%BF%E7%AE%A1%E6%A0%A1%E8%81%98');
    expect(await session.page.inputValue('[data-search-input]')).toBe('县管校聘');
    const hrefs = await session.page.$$eval('[data-search-results] li > a', (links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(new Set(hrefs.slice(0, relevant.size))).toEqual(relevant);
    const marks = await session.page.$$eval('[data-search-results] li mark', (marks) => marks.map((mark) => mark.textContent));
    expect(marks.length).toBeGreaterThanOrEqual(relevant.size);
    expect(new Set(marks)).toEqual(new Set(['县管校聘']));
    expect(errors).toEqual([]);
  });

  it('narrows by a facet from the URL and writes a changed facet back to it', async () => {
    await open('?q=学前教育&year=2024');
    expect(await session.page.isChecked('[data-facet="year"] input[value="2024"]')).toBe(true);
    const texts = await resultTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain('2024年');
    await session.page.click('[data-facet="year"] input[value="2024"]');
    await session.page.waitForFunction(() => !location.search.includes('year='));
    expect(decodeURIComponent(await session.page.evaluate(() => location.search))).toBe('?q=学前教育');
  });

  it('sorts by year when asked', async () => {
    await open('?q=教师&sort=year-asc');
    const years = (await resultTexts()).map((text) => Number(/· (\d{4})年/.exec(text)?.[1]));
    expect(years.length).toBeGreaterThan(1);
    expect([...years].sort((a, b) => a - b)).toEqual(years);
    // 教师 is in every bundled plan, so the oldest plan's year comes first.
    expect(years[0]).toBe(Math.min(...loadPlans(content).map((plan) => plan.year)));
  });

  it('searches from the keyboard and moves into the results with ↓', async () => {
    await open('');
    await session.page.focus('[data-search-input]');
    await session.page.keyboard.type('县中');
    await session.page.keyboard.press('Enter');
    await session.page.waitForFunction(() => location.search.includes('q='));
    await session.page.waitForSelector('[data-search-results] li a');
    await session.page.keyboard.press('ArrowDown');
    const focused = await session.page.evaluate(() => document.activeElement?.closest('[data-search-results]') !== null);
    expect(focused).toBe(true);
  });
});

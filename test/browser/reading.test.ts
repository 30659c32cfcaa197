/**
 * Plan text a reader can read: each policy term and cited title linked once an
 * item, where it first stands, on the plan page and the item page, and a linked
 * term never broken across two lines.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itemsOf } from '../../src/model/plan.ts';
import { useSite } from './site.ts';

const visit = useSite('root');

/** A page at a site path, laid out at a reader's width: a desktop, or a phone. */
async function openAt(width: number, path: string) {
  const page = await visit.newPage();
  await page.setViewportSize({ width, height: width < 500 ? 844 : 800 });
  const response = await page.goto(visit.server.url(path));
  expect(response?.status(), path).toBe(200);
  return page;
}

describe.each([1280, 390])('links in plan text at %i px', (width) => {
  it('link a term or title once an item on the plan page, each item on its own', async () => {
    for (const plan of visit.plans) {
      const page = await openAt(width, plan.url);
      const repeated = await page.$$eval('.plan-body > *', (elements) => {
        const found: string[] = [];
        let seen = new Set<string>();
        let item = '(preamble)';
        for (const element of elements) {
          if (/^H[1-6]$/u.test(element.tagName)) {
            seen = new Set();
            item = element.id;
            continue;
          }
          for (const link of element.querySelectorAll('a.term-link')) {
            const href = link.getAttribute('href')!;
            if (seen.has(href)) found.push(`${item}: ${link.textContent}`);
            seen.add(href);
          }
        }
        return found;
      });
      expect(repeated, plan.url).toEqual([]);
      await page.close();
    }
  });

  it('link a term once on an item page that names it again and again, and keep it on one line', async () => {
    const items = visit.plans.flatMap((plan) => [...itemsOf(plan.sections)]);
    // An item naming one quoted term three times or more.
    const item = items.find((candidate) => [...candidate.text.matchAll(/“([^”]{2,8})”/gu)].some((match, _, all) => all.filter((other) => other[1] === match[1]).length >= 1 && candidate.text.split(match[1]!).length - 1 >= 3))!;
    expect(item, 'a bundled item naming a quoted term three times').toBeDefined();
    const page = await openAt(width, item.url);
    const hrefs = await page.$$eval('.item-text a.term-link', (links) => links.map((link) => link.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    const wrap = await page.$eval('.item-text a.term-link-term', (link) => getComputedStyle(link).whiteSpace);
    expect(wrap).toBe('nowrap');
  });
});

describe.each([1280, 390])('policy terms, curated at %i px', (width) => {
  it('links a quoted name of a programme as a policy term, but not a word quoted for emphasis or a manner', async () => {
    const plan = visit.plans.find((candidate) => candidate.url === '/shandong/taian/2024/')!;
    const page = await openAt(width, plan.url);
    const linked = new Set(await page.locator('.plan-body a.term-link').allInnerTexts());
    // Quoted in this plan, each as it is printed: “研究型”骨干教师, “跟进式”教学调研, “一对一”结对帮扶.
    for (const word of ['研究型', '跟进式', '一对一']) {
      expect(await page.locator('.plan-body').innerText()).toContain(`“${word}”`);
      expect(linked.has(word), word).toBe(false);
    }
    // A generic word is no policy term, quoted or not.
    expect(await page.locator('.plan-body').innerText()).toContain('数字化');
    expect(linked.has('数字化')).toBe(false);
    for (const term of ['县管校聘', '双减']) expect(linked.has(term), term).toBe(true);
    const terms = await openAt(width, '/terms/');
    const listed = new Set(await terms.locator('main a').allInnerTexts());
    expect(listed.has('研究型')).toBe(false);
    expect([...listed].some((text) => text.includes('县管校聘'))).toBe(true);
  });
});

describe.each([1280, 390])('from a plan to others at %i px', (width) => {
  it('lists its topics, its region’s other years and other regions’ plans on its main topics', async () => {
    const plans = visit.plans;
    const plan = plans.find((candidate) => plans.some((other) => other.id !== candidate.id && other.region.code === candidate.region.code))!;
    expect(plan, 'a region with plans of two years (the test plans add one)').toBeDefined();
    const others = plans.filter((other) => other.id !== plan.id && other.region.code === plan.region.code);
    const page = await openAt(width, plan.url);
    const section = page.getByRole('region', { name: '相关' });
    const years = section.getByRole('heading', { name: `${plan.region.name}的其他年份` });
    expect(await years.count()).toBe(1);
    for (const other of others) expect(await section.locator(`a[href="${visit.href(other.url)}"]`).count(), other.url).toBeGreaterThan(0);
    const topicLinks = await section.locator('a.topic-chip').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    expect(topicLinks.length).toBeGreaterThan(0);
    for (const link of topicLinks) expect(link.startsWith(visit.href('/topics/'))).toBe(true);
    // Other regions' plans on its main topic lead to plans, none of its own region.
    const elsewhere = await section.locator('h3:has-text("其他地区") + ul a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    expect(elsewhere.length).toBeGreaterThan(0);
    const ownRegion = new Set([plan, ...others].map((entry) => visit.href(entry.url)));
    for (const link of elsewhere) expect(ownRegion.has(link), link).toBe(false);
  });
});

describe.each([1280, 390])('citations for reference managers at %i px', (width) => {
  it('offer an item and a plan as RIS and BibTeX files named by their identity, at their stable URL', async () => {
    const plan = visit.plans[0]!;
    const item = [...itemsOf(plan.sections)][0]!;
    for (const [path, name] of [[item.url, `${plan.id.replaceAll('/', '-')}-${item.key.replaceAll('.', '-')}`], [plan.url, plan.id.replaceAll('/', '-')]] as const) {
      const page = await openAt(width, path);
      const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
      const ris = page.getByRole('link', { name: 'RIS', exact: true });
      const bibtex = page.getByRole('link', { name: 'BibTeX', exact: true });
      expect(await ris.getAttribute('download')).toBe(`${name}.ris`);
      expect(await bibtex.getAttribute('download')).toBe(`${name}.bib`);
      const text = async (link: typeof ris) => decodeURIComponent((await link.getAttribute('href'))!.replace(/^data:[^,]*,/u, ''));
      const risText = await text(ris);
      expect(risText.startsWith('TY  - GOVDOC\r\n')).toBe(true);
      expect(risText).toContain(`UR  - ${canonical}\r\n`);
      expect(risText.endsWith('ER  - \r\n')).toBe(true);
      const bibText = await text(bibtex);
      expect(bibText).toContain(`@misc{${name},`);
      expect(bibText).toContain(`url = {${canonical}}`);
      // The file is saved as the reader clicks: a download, not a page.
      const [download] = await Promise.all([page.waitForEvent('download'), ris.click()]);
      expect(download.suggestedFilename()).toBe(`${name}.ris`);
      // The link writes Chinese as it is, not as %XX escapes; the file saved is the citation, byte for byte.
      expect(await ris.getAttribute('href')).toContain(plan.title);
      const saved = readFileSync((await download.path())!, 'utf8');
      expect(saved).toBe(risText);
      expect(saved).toContain(path === plan.url ? `TI  - ${plan.title}\r\n` : `T2  - ${plan.title}\r\n`);
      await page.close();
    }
  });
});

describe('search within one plan', () => {
  for (const width of [1280, 390]) {
    it(`lists the plan’s items holding the words, with how often, highlights each, and leads to the item (${width} px)`, async () => {
      const plan = visit.plans.find((candidate) => candidate.url === '/shandong/taian/2024/')!;
      const word = '学前教育';
      // An item's text holds its lead phrase, which the plan page prints as the item's heading.
      const holding = [...itemsOf(plan.sections)].filter((item) => item.text.includes(word));
      const occurrences = holding.reduce((sum, item) => sum + item.text.split(word).length - 1, 0);
      expect(holding.length).toBeGreaterThan(1);
      const page = await visit.newPage();
      await page.setViewportSize({ width, height: 844 });
      await page.goto(visit.server.url(plan.url));
      const form = page.getByRole('search', { name: '在本计划中查找' });
      await form.getByRole('searchbox').fill(word);
      await form.getByRole('button', { name: '查找' }).click();
      const status = page.locator('[data-plan-find-status]');
      await expect.poll(() => status.innerText()).toBe(`本计划中 ${holding.length} 条包含“${word}”，共 ${occurrences} 处：`);
      const links = page.locator('[data-plan-find-results] a');
      expect(await links.evaluateAll((found) => found.map((link) => link.getAttribute('href')))).toEqual(holding.map((item) => `#${item.anchor}`));
      expect(await page.evaluate(() => CSS.highlights.get('plan-find')?.size)).toBe(occurrences);
      await links.first().click();
      await page.waitForURL((url) => url.hash === `#${holding[0]!.anchor}`);
      expect(await page.locator(`#${holding[0]!.anchor}`).isVisible()).toBe(true);
      // Nothing found is said as such.
      await form.getByRole('searchbox').fill('无此词语');
      await form.getByRole('button', { name: '查找' }).click();
      await expect.poll(() => status.innerText()).toBe('本计划中没有“无此词语”。');
    });
  }
});

describe('a plan page on a phone', () => {
  it('folds the plan’s facts to one line at 390 px, so the first screen reaches the text; open at 1280 px', async () => {
    const plan = visit.plans.find((candidate) => candidate.issuers.length > 0)!;
    const phone = await visit.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(visit.server.url(plan.url));
    const panel = phone.locator('details.meta-panel');
    expect(await panel.getAttribute('open')).toBeNull();
    await expect(phone.locator('.meta-panel dl').isVisible()).resolves.toBe(false);
    expect((await panel.locator('summary').innerText()).replace(/\s+/gu, ' ')).toContain(`${plan.year}年 · ${plan.kind}`);
    // The first line of the plan's text stands on the first screen.
    const firstText = phone.locator('.plan-body > *').first();
    expect((await firstText.boundingBox())!.y).toBeLessThan(844);
    // A tap opens it: nothing is lost, only folded.
    await panel.locator('summary').click();
    await expect(phone.locator('.meta-panel dl').isVisible()).resolves.toBe(true);
    expect(await phone.locator('.meta-panel dl').innerText()).toContain(plan.issuers[0]!);

    const desktop = await visit.newPage();
    await desktop.setViewportSize({ width: 1280, height: 800 });
    await desktop.goto(visit.server.url(plan.url));
    await expect(desktop.locator('.meta-panel dl').isVisible()).resolves.toBe(true);
  });
});

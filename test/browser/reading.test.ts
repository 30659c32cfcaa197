/**
 * Plan text a reader can read: each policy term and cited title linked once an
 * item, where it first stands, on the plan page and the item page, and a linked
 * term never broken across two lines.
 */
import { describe, expect, it } from 'vitest';
import { itemsOf } from '../../src/model/plan.ts';
import { useSite } from './site.ts';

const session = useSite('root');

describe('links in plan text', () => {
  it('link a term or title once an item on the plan page, each item on its own', async () => {
    for (const plan of session.plans) {
      const page = await session.open(plan.url);
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
    const items = session.plans.flatMap((plan) => [...itemsOf(plan.sections)]);
    // An item naming one quoted term three times or more.
    const item = items.find((candidate) => [...candidate.text.matchAll(/“([^”]{2,8})”/gu)].some((match, _, all) => all.filter((other) => other[1] === match[1]).length >= 1 && candidate.text.split(match[1]!).length - 1 >= 3))!;
    expect(item, 'a bundled item naming a quoted term three times').toBeDefined();
    const page = await session.open(item.url);
    const hrefs = await page.$$eval('.item-text a.term-link', (links) => links.map((link) => link.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    const wrap = await page.$eval('.item-text a.term-link-term', (link) => getComputedStyle(link).whiteSpace);
    expect(wrap).toBe('nowrap');
  });
});

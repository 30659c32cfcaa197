/**
 * node scripts/cli/verify-site.ts [--content DIR] [--dist DIR]
 *
 * Run by `npm run build` after Astro: proves that every Han character of every
 * plan reaches the built site, in order and exactly once, on the plan's page,
 * and that every item's page shows the item's whole text. Exits 1 naming the
 * page and the first text that differs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { itemsOf } from '../../src/model/plan.ts';
import { loadPlans } from '../content/plans.ts';
import { compareHan, pageHan, planHan } from '../site/verify-text.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { content: { type: 'string', default: 'content' }, dist: { type: 'string', default: 'dist' } },
  strict: true,
});

const han = (text: string): string => (text.match(/\p{Script=Han}/gu) ?? []).join('');
const problems: string[] = [];
let pages = 0;

function check(url: string, expected: string): void {
  const file = join(values.dist, url, 'index.html');
  if (!existsSync(file)) {
    problems.push(`${file}: missing: the page for ${url} was not built`);
    return;
  }
  pages += 1;
  const found = pageHan(readFileSync(file, 'utf8'));
  if (found === null) {
    problems.push(`${file}: the page marks no document text (data-plan-text)`);
    return;
  }
  const mismatch = compareHan(expected, found);
  if (mismatch) {
    problems.push(
      `${file}: after ${mismatch.offset} Han characters the page shows "${mismatch.found}" where the plan has "${mismatch.expected}"`,
    );
  }
}

for (const plan of loadPlans(values.content)) {
  check(plan.url, planHan(plan));
  for (const item of itemsOf(plan.sections)) check(item.url, han(item.label + item.text));
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`verify-site: ${problems.length} page(s) do not show their plan's whole text`);
  process.exitCode = 1;
} else {
  console.log(`verify-site: ${pages} plan and item pages show every character of their text, in order`);
}

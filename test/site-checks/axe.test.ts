/**
 * Zero serious or critical axe-core violations on the home, region, plan and item
 * pages, and the pages of commitments, of the built site, in Chromium on a desktop and on a 360 px phone.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommitmentGroup, ItemEnrichment } from '../../src/model/enrichment.ts';
import { itemList, regionUrls, walkPlan } from '../browser/content.ts';
import { useSite } from '../browser/site.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

const session = useSite('root');

const pages = (): [string, string][] => {
  const plan = walkPlan(session.plans);
  return [
    ['home', '/'],
    ['province', regionUrls(plan)[0]!],
    ['region', regionUrls(plan).at(-1)!],
    ['plan', plan.url],
    ['item', itemList(plan)[0]!.url],
    ...commitmentPages(),
  ];
};

/** The pages commitments add: their gathering page, a list, and an item and a plan that hold some. */
function commitmentPages(): [string, string][] {
  const items = JSON.parse(readFileSync(join(session.site.content, 'enrichment', 'items.json'), 'utf8')) as ItemEnrichment[];
  const groups = JSON.parse(readFileSync(join(session.site.content, 'enrichment', 'commitments.json'), 'utf8')) as CommitmentGroup[];
  const item = items.find((entry) => entry.commitments.length > 0)!;
  return [
    ['commitments', '/commitments/'],
    ['commitment list', `/commitments/${groups[0]!.slug}/`],
    ['item with commitments', item.url],
    ['plan with commitments', session.plans.find((candidate) => candidate.id === item.plan)!.url],
  ];
}

describe('accessibility (axe-core)', () => {
  for (const viewport of [
    { name: 'desktop', width: 1280, height: 800 },
    { name: '360 px phone', width: 360, height: 740 },
  ]) {
    it(`finds no serious or critical violation on home, region, plan and item pages (${viewport.name})`, async () => {
      const found: string[] = [];
      for (const [name, path] of pages()) {
        const page = await session.open(path);
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        // Injected as inline source: the page requests nothing for it.
        await page.addScriptTag({ content: axeSource });
        const violations = (await page.evaluate(
          'axe.run(document, { resultTypes: ["violations"] }).then((results) => results.violations)',
        )) as Violation[];
        for (const violation of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          const targets = violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)).join(', ');
          found.push(`${name} ${path}: ${violation.impact} ${violation.id} (${violation.help}) ×${violation.nodes.length}: ${targets}`);
        }
        await page.close();
      }
      expect(found.join('\n')).toBe('');
    });
  }
});

/**
 * Stock Pagefind over the same records, for the quality baseline only
 * (scripts/search/quality.ts): the item text as written, segmented by Pagefind
 * itself, in one Pagefind index at OUT_DIR.
 */
import { close, createIndex } from 'pagefind';
import { itemsOf } from '../../src/model/plan.ts';
import { loadPlans } from '../content/plans.ts';
import { loadTopics } from './corpus.ts';
import { planRecords, withBase } from './records.ts';

export async function writeStockIndex(options: { contentDir: string; outDir: string; base: string }): Promise<void> {
  const plans = loadPlans(options.contentDir);
  const topics = loadTopics(options.contentDir);
  const texts = new Map<string, string>();
  for (const plan of plans) {
    texts.set(withBase(options.base, plan.url), [plan.title, plan.preamble].join('\n'));
    for (const item of itemsOf(plan.sections)) texts.set(withBase(options.base, item.url), item.text);
  }
  const records = plans.flatMap((plan) => planRecords(plan, options.base, topics)).map((record) => ({ ...record, content: texts.get(record.url) ?? '' }));
  const created = await createIndex({});
  if (created.index === undefined) throw new Error(`pagefind: ${created.errors.join('; ')}`);
  for (const record of records) {
    const added = await created.index.addCustomRecord(record);
    if (added.errors.length > 0) throw new Error(`pagefind: ${record.url}: ${added.errors.join('; ')}`);
  }
  const written = await created.index.writeFiles({ outputPath: options.outDir });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await close();
}

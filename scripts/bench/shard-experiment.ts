/**
 * node scripts/bench/shard-experiment.ts CONTENT_DIR OUT_DIR [RECORDS_PER_SHARD]
 *
 * An experiment kept for the record (README, Performance): the same search
 * records as scripts/search/build-index.ts, written as several Pagefind indexes
 * of at most RECORDS_PER_SHARD records each (the first at OUT_DIR/pagefind, the
 * others under OUT_DIR/pagefind/shards/K/, listed in OUT_DIR/pagefind/shards.json),
 * one Pagefind service at a time, so the indexer's memory is bounded by a shard.
 * The browser merges them with pagefind.mergeIndex(); scripts/bench/search.ts
 * does so when shards.json exists. Measure it with scripts/bench/measure.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { close, createIndex } from 'pagefind';
import { loadPlans } from '../content/plans.ts';
import { planRecords, type SearchRecord } from '../search/records.ts';

const [content, out, size] = process.argv.slice(2);
if (content === undefined || out === undefined) {
  console.error('usage: node scripts/bench/shard-experiment.ts CONTENT_DIR OUT_DIR [RECORDS_PER_SHARD]');
  process.exit(2);
}
const perShard = Number(size ?? 10_000);
const records = loadPlans(content).flatMap((plan) => planRecords(plan, '/'));
// Even shards, a plan's records never split (a plan and its items rank together).
const count = Math.max(1, Math.ceil(records.length / perShard));
const shards: SearchRecord[][] = Array.from({ length: count }, () => []);
records.forEach((record, index) => shards[Math.min(count - 1, Math.floor((index * count) / records.length))]!.push(record));
const started = performance.now();
for (const [index, shard] of shards.entries()) {
  const { index: pagefind, errors } = await createIndex({});
  if (pagefind === undefined) throw new Error(errors.join('; '));
  for (const record of shard) await pagefind.addCustomRecord(record);
  await pagefind.writeFiles({ outputPath: index === 0 ? `${out}/pagefind` : `${out}/pagefind/shards/${index}` });
  // A new service per shard: the memory of the last one goes back to the system.
  await close();
  console.log(`shard ${index}: ${shard.length} records, ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
mkdirSync(`${out}/pagefind`, { recursive: true });
writeFileSync(`${out}/pagefind/shards.json`, `${JSON.stringify(shards.slice(1).map((_, index) => `/pagefind/shards/${index + 1}/`))}\n`);

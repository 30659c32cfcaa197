/**
 * Topic quality against the hand-labelled sample (test/enrich/fixtures/topic-labels.yaml).
 *
 *   node scripts/bench/topic-quality.ts        prints precision, recall and the misses
 *
 * Precision and recall are micro-averaged over (item, topic) pairs: precision is
 * the share of assigned topics a reader also gave, recall the share of a reader's
 * topics that were assigned. An item labelled [] that gets topics costs precision.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export const topicLabelsPath = 'test/enrich/fixtures/topic-labels.yaml';

export function parseTopicLabels(text: string): Map<string, string[]> {
  const parsed = z.record(z.string().startsWith('/'), z.array(z.string())).parse(parseYaml(text));
  return new Map(Object.entries(parsed));
}

export function loadTopicLabels(path = topicLabelsPath): Map<string, string[]> {
  return parseTopicLabels(readFileSync(path, 'utf8'));
}

export interface TopicQuality {
  items: number;
  precision: number;
  recall: number;
  f1: number;
  /** Items whose first assigned topic is one the reader gave (among items with labels and topics). */
  topOneAccuracy: number;
  /** Labelled items missing from the assignments. */
  missing: string[];
  differences: Array<{ url: string; expected: string[]; assigned: string[] }>;
}

export function topicQuality(labels: ReadonlyMap<string, readonly string[]>, assigned: ReadonlyMap<string, readonly string[]>): TopicQuality {
  let truePositives = 0;
  let assignedCount = 0;
  let expectedCount = 0;
  let topOneHits = 0;
  let topOneTotal = 0;
  const missing: string[] = [];
  const differences: TopicQuality['differences'] = [];
  for (const [url, expected] of [...labels.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const got = assigned.get(url);
    if (got === undefined) {
      missing.push(url);
      continue;
    }
    const expectedSet = new Set(expected);
    const hits = got.filter((slug) => expectedSet.has(slug)).length;
    truePositives += hits;
    assignedCount += got.length;
    expectedCount += expected.length;
    if (got.length > 0 && expected.length > 0) {
      topOneTotal += 1;
      if (expectedSet.has(got[0]!)) topOneHits += 1;
    }
    if (hits !== got.length || hits !== expected.length) differences.push({ url, expected: [...expected], assigned: [...got] });
  }
  const precision = assignedCount === 0 ? 0 : truePositives / assignedCount;
  const recall = expectedCount === 0 ? 0 : truePositives / expectedCount;
  return {
    items: labels.size - missing.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    topOneAccuracy: topOneTotal === 0 ? 0 : topOneHits / topOneTotal,
    missing,
    differences,
  };
}

export function formatTopicQuality(quality: TopicQuality): string {
  const lines = [
    `topics: ${quality.items} hand-labelled items: precision ${quality.precision.toFixed(3)}, recall ${quality.recall.toFixed(3)}, F1 ${quality.f1.toFixed(3)}, first topic right ${quality.topOneAccuracy.toFixed(3)}`,
  ];
  if (quality.missing.length > 0) lines.push(`  ${quality.missing.length} labelled item(s) not in the corpus: ${quality.missing.join(' ')}`);
  for (const difference of quality.differences) {
    lines.push(`  ${difference.url}  expected [${difference.expected.join(', ')}]  assigned [${difference.assigned.join(', ')}]`);
  }
  return lines.join('\n');
}

function main(): void {
  // Imported here so that the metric above stays free of jieba and the ingest.
  void Promise.all([import('../enrich/enrich-corpus.ts'), import('../ingest/run.ts')]).then(async ([{ enrichCorpus }, { plansFromSources }]) => {
    const started = performance.now();
    const plans = await plansFromSources();
    const enrichment = enrichCorpus(plans);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const assigned = new Map(enrichment.items.map((item) => [item.url, item.topics.map((topic) => topic.slug)] as const));
    console.log(formatTopicQuality(topicQuality(loadTopicLabels(), assigned)));
    console.log(`topics: ${enrichment.items.length} items of ${plans.length} plans enriched in ${seconds} s; ${enrichment.unassigned.length} without a topic: ${enrichment.unassigned.join(' ') || '—'}`);
  });
}

if (import.meta.main) main();

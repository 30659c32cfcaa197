import { describe, expect, it } from 'vitest';
import { enrichCorpus } from '../../scripts/enrich/enrich-corpus.ts';
import { plansFromSources } from '../../scripts/ingest/run.ts';
import { loadTopicLabels, topicQuality } from '../../scripts/bench/topic-quality.ts';

describe('topicQuality', () => {
  it('micro-averages precision and recall over (item, topic) pairs', () => {
    const labels = new Map([
      ['/a/', ['x', 'y']],
      ['/b/', []],
      ['/c/', ['z']],
    ]);
    const quality = topicQuality(labels, new Map([['/a/', ['x']], ['/b/', ['x']]]));
    expect(quality.precision).toBe(0.5);
    expect(quality.recall).toBe(0.5);
    expect(quality.missing).toEqual(['/c/']);
    expect(quality.topOneAccuracy).toBe(1);
  });
});

// The ingest run is asynchronous (extraction); a test file is a module, so it waits at the top.
const plans = await plansFromSources();

describe('topics of the five bundled plans against the hand-labelled sample', () => {
  const labels = loadTopicLabels();
  const enrichment = enrichCorpus(plans);
  const assigned = new Map(enrichment.items.map((item) => [item.url, item.topics.map((topic) => topic.slug)] as const));
  const quality = topicQuality(labels, assigned);

  it('labels at least 60 items across all five plans, every one an item of the corpus', () => {
    expect(labels.size).toBeGreaterThanOrEqual(60);
    for (const plan of plans) expect([...labels.keys()].filter((url) => url.startsWith(plan.url)).length).toBeGreaterThanOrEqual(10);
    expect(quality.missing).toEqual([]);
  });

  it('holds precision and recall thresholds (raise them as the scorer improves)', () => {
    expect(quality.precision).toBeGreaterThanOrEqual(0.85);
    expect(quality.recall).toBeGreaterThanOrEqual(0.85);
    expect(quality.topOneAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves few items without a topic', () => {
    expect(enrichment.unassigned.length).toBeLessThanOrEqual(3);
  });
});

/**
 * Commitments as golden tests: the five bundled plans and part of the genre
 * corpus, each item's commitments annotated by a reader (test/corpus/commitments/,
 * docs/commitments.md), read by the enrich stage's reader and scored as
 * `npm run commitments` scores them. Every annotation is checked against the text
 * it names, and the aims hold: precision at least 0.95 (a wrong number on a public
 * site is worse than a missing one) and recall at least 0.85.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnnotated, readAnnotations, scoreCommitments } from '../../scripts/bench/commitment-score.ts';
import { createCommitmentReader } from '../../scripts/enrich/commitment-reader.ts';
import { itemHeads } from '../../scripts/enrich/enrich-corpus.ts';
import { createParser } from '../../scripts/ingest/parser.ts';

const root = join(import.meta.dirname, '..', '..');
const annotations = readAnnotations(join(import.meta.dirname, 'commitments'));
const parser = createParser({ divisionsFile: null, tablesFile: null });
const reader = createCommitmentReader();

describe('commitment annotations', () => {
  it('cover the five bundled plans and at least ten plans of the genre corpus', () => {
    const sources = annotations.map((annotation) => annotation.source);
    expect(sources.filter((source) => source.startsWith('content/sources/'))).toHaveLength(5);
    expect(sources.filter((source) => source.startsWith('test/corpus/plans/')).length).toBeGreaterThanOrEqual(10);
  });

  it.each(annotations.map((annotation) => [annotation.file.split('/').at(-1)!, annotation] as const))('%s quotes its items exactly', (_, annotation) => {
    const outcome = parseAnnotated(annotation, parser, root);
    if ('error' in outcome) throw outcome.error;
    const items = new Map(itemHeads(outcome.document.plan, reader).map(({ item }) => [item.key, item.text]));
    for (const [key, entry] of annotation.items) {
      const text = items.get(key);
      expect(text?.startsWith(entry.starts), `item ${key}`).toBe(true);
      for (const commitment of entry.commitments) expect(text, `item ${key}: ${commitment.text}`).toContain(commitment.text);
    }
  });
});

describe('commitment extraction', () => {
  const score = scoreCommitments(annotations, parser, reader, root);

  it('is right at least 95 times in 100 and finds at least 85 in 100 of those annotated', () => {
    expect(score.all.annotated).toBeGreaterThanOrEqual(100);
    expect(score.all.right / score.all.found, score.wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(score.all.recalled / score.all.annotated, score.missed.join('\n')).toBeGreaterThanOrEqual(0.85);
  });

  it('tells results reported from commitments made at least 85 times in 100', () => {
    expect(score.reported.right / score.reported.of, score.misreported.join('\n')).toBeGreaterThanOrEqual(0.85);
  });
});

/**
 * The genre corpus as golden tests: real published plans (front parts, exactly
 * as public pages show them), each annotated by a reader, run through the ingest
 * as an editor's `npm run ingest` would run them.
 *
 * Per document: the ingest never states a fact the text does not hold (region,
 * year, a title said to be printed); what is not a bureau's plan, or hides its
 * region, is refused for that reason. Over the corpus: no crash, and the share of
 * plans accepted and of fields right stays at least where it stands (the figures
 * `npm run genre` prints are in the README).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectationOf, readCorpus, scoreDocument, scoredFields, summarizeScores, type Scored } from '../../scripts/bench/genre-score.ts';
import { createParser } from '../../scripts/ingest/parser.ts';

const directory = join(import.meta.dirname, 'plans');
const { documents, unannotated } = readCorpus(directory);
const parser = createParser({ divisionsFile: null, tablesFile: null });
const scored: Scored[] = documents.map((document) => scoreDocument(document, parser));

describe('the genre corpus', () => {
  it('has at least 60 real plans, every one annotated, from many provinces, years and kinds of site', () => {
    expect(unannotated).toEqual([]);
    expect(documents.length).toBeGreaterThanOrEqual(60);
    for (const name of readdirSync(directory).filter((file) => file.endsWith('.yaml'))) {
      expect(existsSync(join(directory, name.replace(/\.yaml$/u, '.txt'))), name).toBe(true);
    }
    const provinces = new Set(documents.flatMap(({ annotation }) => (annotation.region.code ? [annotation.region.code.slice(0, 2)] : [])));
    expect(provinces.size).toBeGreaterThanOrEqual(20);
    const years = new Set(documents.flatMap(({ annotation }) => (annotation.year === null ? [] : [annotation.year])));
    expect(Math.min(...years)).toBeLessThanOrEqual(2015);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2025);
    const sites = new Set(documents.map(({ annotation }) => annotation.source.site));
    expect([...sites].sort()).toEqual(['doc-sharing', 'mirror', 'news', 'official']);
    expect(documents.filter(({ annotation }) => !annotation.isPlan).length).toBeGreaterThanOrEqual(8);
  });
});

describe.each(scored.map((entry) => [entry.document.name, entry] as const))('%s', (_, { document, verdict }) => {
  const expectation = expectationOf(document.annotation);

  it('does not crash', () => {
    expect(verdict.kind).not.toBe('crashed');
  });

  it('states no fact the text does not hold', () => {
    if (verdict.kind !== 'accepted') return;
    // Accepted although the text lacks a fact its URL needs, or is no plan: that fact was guessed.
    expect(verdict.rightly, `accepted as ${verdict.plan.url}; wanted ${expectation.accept ? 'accepted' : expectation.codes.join(' or ')}`).toBe(true);
    expect(verdict.checks.filter((check) => check.false)).toEqual([]);
  });

  if (!expectation.accept) {
    it(`is refused as ${expectation.codes.join(' or ')}, or accepted without a false fact`, () => {
      if (verdict.kind === 'refused') {
        // A refusal for another reason than the annotated one must still be one the text shows.
        expect([...expectation.codes, 'region-unresolved', 'region-ambiguous', 'year-unknown', 'not-a-plan']).toContain(verdict.code);
      }
      expect(verdict.kind).toBe('refused');
    });
  }
});

describe('the corpus as a whole', () => {
  const score = summarizeScores(scored);

  it('accepts the plans whose region and year are printed, and refuses the rest for the right reason', () => {
    expect(score.crashes).toBe(0);
    expect(score.falseFacts).toBe(0);
    expect(score.acceptedWrongly).toBe(0);
    expect(score.printedAccepted / score.printed).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the annotated fields of accepted plans right', () => {
    const right = scoredFields.reduce((sum, field) => sum + score.fields[field].right, 0);
    const of = scoredFields.reduce((sum, field) => sum + score.fields[field].of, 0);
    expect(right / of).toBeGreaterThanOrEqual(0.9);
    expect(score.fields.region.right).toBe(score.fields.region.of);
    expect(score.fields.year.right).toBe(score.fields.year.of);
  });
});

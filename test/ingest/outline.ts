/**
 * Hand-written outlines (golden and genre fixtures) against what
 * `ingest --json` prints: metadata, every section heading, every item's key
 * and title.
 */
import { expect, it } from 'vitest';
import { planSchema, type Section } from '../../src/model/plan.ts';
import { runCli } from '../cli/run.ts';

export interface ExpectedSection {
  heading: string;
  sections?: ExpectedSection[];
  items?: Array<{ key: string; title: string | null }>;
}

export interface ExpectedPlan {
  metadata: Record<string, unknown> & { region: Record<string, unknown> };
  sections: ExpectedSection[];
}

interface Outline {
  heading: string;
  sections: Outline[];
  items: Array<{ key: string; title: string | null }>;
}

function outlineOf(sections: readonly Section[]): Outline[] {
  return sections.map((section) => ({
    heading: section.heading,
    sections: outlineOf(section.sections),
    items: section.items.map((item) => ({ key: item.key, title: item.title })),
  }));
}

function normalizeExpected(sections: readonly ExpectedSection[]): Outline[] {
  return sections.map((section) => ({
    heading: section.heading,
    sections: normalizeExpected(section.sections ?? []),
    items: section.items ?? [],
  }));
}

/** Declares the three tests of one source file against its expected outline (call inside a describe). */
export function itMatchesOutline(source: string, expected: ExpectedPlan): void {
  const result = runCli('ingest', ['--json', source]);

  it('parses through `ingest --json` into a valid model', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(planSchema.safeParse(JSON.parse(result.stdout)).success).toBe(true);
  });

  it('has the metadata a reader sees in the text', () => {
    const plan = planSchema.parse(JSON.parse(result.stdout));
    const { region, ...rest } = expected.metadata;
    expect(plan).toMatchObject(rest);
    expect(plan.region).toMatchObject(region);
  });

  it('has every section heading and every item key and title', () => {
    const plan = planSchema.parse(JSON.parse(result.stdout));
    expect(outlineOf(plan.sections)).toEqual(normalizeExpected(expected.sections));
  });
}

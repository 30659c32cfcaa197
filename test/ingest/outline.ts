/**
 * Hand-written outlines (golden and genre fixtures) against the model that
 * `ingest --json` prints: metadata, every section heading, every item's key
 * and title. The model comes from the function the CLI calls, in this process
 * (one spawn per fixture cost a second each); golden.test.ts checks that the
 * CLI prints the same.
 */
import { beforeAll, expect, it } from 'vitest';
import { planSchema, type Section } from '../../src/model/plan.ts';
import { ingestSource, loadParser } from '../../scripts/ingest/run.ts';
import { readSource } from '../../scripts/ingest/sources.ts';
import { formatAtlasError } from '../../src/model/errors.ts';

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

let parser: ReturnType<typeof loadParser> | undefined;

/**
 * What `ingest --json FILE` prints, as parsed JSON: the plan, or the error the CLI
 * would print.
 */
export async function ingestJson(source: string): Promise<{ plan: unknown } | { error: string }> {
  parser ??= loadParser(null);
  const outcome = await ingestSource(readSource(source), (await parser).parser);
  if ('error' in outcome) return { error: formatAtlasError(source, outcome.error) };
  return { plan: JSON.parse(JSON.stringify(outcome.document.plan)) as unknown };
}

/** Declares the three tests of one source file against its expected outline (call inside a describe). */
export function itMatchesOutline(source: string, expected: ExpectedPlan): void {
  let result: Awaited<ReturnType<typeof ingestJson>>;
  beforeAll(async () => {
    result = await ingestJson(source);
  });
  const json = (): unknown => ('plan' in result ? result.plan : null);

  it('parses as `ingest --json` does into a valid model', () => {
    expect('error' in result ? result.error : '').toBe('');
    expect(planSchema.safeParse(json()).success).toBe(true);
  });

  it('has the metadata a reader sees in the text', () => {
    const plan = planSchema.parse(json());
    const { region, ...rest } = expected.metadata;
    expect(plan).toMatchObject(rest);
    expect(plan.region).toMatchObject(region);
  });

  it('has every section heading and every item key and title', () => {
    const plan = planSchema.parse(json());
    expect(outlineOf(plan.sections)).toEqual(normalizeExpected(expected.sections));
  });
}

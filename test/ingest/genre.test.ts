/**
 * Plans of the genre beyond the five bundled ones: small documents written in
 * the style of published county and city education plans (notices, disclosure
 * tables, page chrome, every common numbering style), each with an outline
 * written by hand from its text. They run through the CLI as an editor runs it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { planSchema, type Section } from '../../src/model/plan.ts';
import { runCli } from '../cli/run.ts';

interface ExpectedSection {
  heading: string;
  sections?: ExpectedSection[];
  items?: Array<{ key: string; title: string | null }>;
}

interface Expectation {
  why: string;
  metadata: Record<string, unknown> & { region: Record<string, unknown> };
  sections: ExpectedSection[];
}

const fixtureDirectory = new URL('./fixtures/genre/', import.meta.url);
const fixtures = readdirSync(fixtureDirectory).filter((name) => name.endsWith('.txt')).sort();

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

describe('plans of the genre', () => {
  it('has a handful of fixtures, each with its expectation', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
    const expectations = readdirSync(fixtureDirectory).filter((name) => name.endsWith('.expect.yaml'));
    expect(expectations.sort()).toEqual(fixtures.map((name) => name.replace(/\.txt$/u, '.expect.yaml')));
  });

  describe.each(fixtures)('%s', (name) => {
    const expected = parseYaml(readFileSync(new URL(name.replace(/\.txt$/u, '.expect.yaml'), fixtureDirectory), 'utf8')) as Expectation;
    const result = runCli('ingest', ['--json', `test/ingest/fixtures/genre/${name}`]);

    it('parses into a valid model', () => {
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
  });
});

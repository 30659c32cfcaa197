/**
 * The five real plans, through the CLI as an editor runs it, against outlines
 * written by hand from their text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { planSchema, type Section } from '../../src/model/plan.ts';
import { runCli } from '../cli/run.ts';

interface GoldenSection {
  heading: string;
  sections?: GoldenSection[];
  items: Array<{ key: string; title: string | null }>;
}

interface Golden {
  source: string;
  metadata: Record<string, unknown> & { region: Record<string, unknown> };
  sections: GoldenSection[];
}

const goldenDirectory = new URL('./golden/', import.meta.url);
const goldens = readdirSync(goldenDirectory).filter((name) => name.endsWith('.yaml')).sort();

function outlineOf(sections: readonly Section[]): GoldenSection[] {
  return sections.map((section) => ({
    heading: section.heading,
    sections: outlineOf(section.sections),
    items: section.items.map((item) => ({ key: item.key, title: item.title })),
  }));
}

function normalizeGolden(sections: readonly GoldenSection[]): GoldenSection[] {
  return sections.map((section) => ({ heading: section.heading, sections: normalizeGolden(section.sections ?? []), items: section.items }));
}

describe('golden outlines of the bundled plans', () => {
  it('covers every bundled source', () => {
    const sources = readdirSync(new URL('../../content/sources/', import.meta.url)).filter((name) => name.endsWith('.txt'));
    expect(goldens.map((name) => name.replace(/\.yaml$/u, '.txt'))).toEqual(sources.sort());
  });

  describe.each(goldens)('%s', (name) => {
    const golden = parseYaml(readFileSync(new URL(name, goldenDirectory), 'utf8')) as Golden;
    const result = runCli('ingest', ['--json', golden.source]);

    it('parses through `ingest --json` into a valid model', () => {
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(planSchema.safeParse(JSON.parse(result.stdout)).success).toBe(true);
    });

    it('has the metadata read from the text', () => {
      const plan = planSchema.parse(JSON.parse(result.stdout));
      const { region, ...rest } = golden.metadata;
      expect(plan).toMatchObject(rest);
      expect(plan.region).toMatchObject(region);
    });

    it('has every section heading and every item key and title', () => {
      const plan = planSchema.parse(JSON.parse(result.stdout));
      expect(outlineOf(plan.sections)).toEqual(normalizeGolden(golden.sections));
    });
  });
});

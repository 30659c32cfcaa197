/**
 * The five real plans, through the CLI as an editor runs it, against outlines
 * written by hand from their text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { itMatchesOutline, type ExpectedPlan } from './outline.ts';

const goldenDirectory = new URL('./golden/', import.meta.url);
const goldens = readdirSync(goldenDirectory).filter((name) => name.endsWith('.yaml')).sort();

describe('golden outlines of the bundled plans', () => {
  it('covers every bundled source', () => {
    const sources = readdirSync(new URL('../../content/sources/', import.meta.url)).filter((name) => name.endsWith('.txt'));
    expect(goldens.map((name) => name.replace(/\.yaml$/u, '.txt'))).toEqual(sources.sort());
  });

  describe.each(goldens)('%s', (name) => {
    const golden = parseYaml(readFileSync(new URL(name, goldenDirectory), 'utf8')) as ExpectedPlan & { source: string };
    itMatchesOutline(golden.source, golden);
  });
});

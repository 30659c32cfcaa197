/**
 * Plans of the genre beyond the five bundled ones: small documents written in
 * the style of published county and city education plans (notices, disclosure
 * tables, page chrome, every common numbering style), each with an outline
 * written by hand from its text. They run through the CLI as an editor runs it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { itMatchesOutline, type ExpectedPlan } from './outline.ts';

const fixtureDirectory = new URL('./fixtures/genre/', import.meta.url);
const fixtures = readdirSync(fixtureDirectory).filter((name) => name.endsWith('.txt')).sort();

describe('plans of the genre', () => {
  it('has a handful of fixtures, each with its expectation', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
    const expectations = readdirSync(fixtureDirectory).filter((name) => name.endsWith('.expect.yaml'));
    expect(expectations.sort()).toEqual(fixtures.map((name) => name.replace(/\.txt$/u, '.expect.yaml')));
  });

  describe.each(fixtures)('%s', (name) => {
    const expected = parseYaml(readFileSync(new URL(name.replace(/\.txt$/u, '.expect.yaml'), fixtureDirectory), 'utf8')) as ExpectedPlan;
    itMatchesOutline(`test/ingest/fixtures/genre/${name}`, expected);
  });
});

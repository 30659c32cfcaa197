/**
 * The five real plans, parsed as `ingest --json` parses them, against outlines
 * written by hand from their text; and the CLI itself prints that same model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ingestJson, itMatchesOutline, type ExpectedPlan } from './outline.ts';
import { runCli } from '../cli/run.ts';

const goldenDirectory = new URL('./golden/', import.meta.url);
const goldens = readdirSync(goldenDirectory).filter((name) => name.endsWith('.yaml')).sort();

describe('golden outlines of the bundled plans', () => {
  it('covers every bundled source', () => {
    const sources = readdirSync(new URL('../../content/sources/', import.meta.url)).filter((name) => name.endsWith('.txt'));
    expect(goldens.map((name) => name.replace(/\.yaml$/u, '.txt'))).toEqual(sources.sort());
  });

  it('are what `npm run ingest -- --json FILE` prints, as an editor runs it', async () => {
    for (const name of goldens) {
      const { source } = parseYaml(readFileSync(new URL(name, goldenDirectory), 'utf8')) as { source: string };
      const printed = runCli('ingest', ['--json', source]);
      expect(printed.stderr, source).toBe('');
      expect(printed.status, source).toBe(0);
      expect(JSON.parse(printed.stdout), source).toEqual(await ingestJson(source).then((result) => ('plan' in result ? result.plan : result)));
    }
  });

  describe.each(goldens)('%s', (name) => {
    const golden = parseYaml(readFileSync(new URL(name, goldenDirectory), 'utf8')) as ExpectedPlan & { source: string };
    itMatchesOutline(golden.source, golden);
  });
});

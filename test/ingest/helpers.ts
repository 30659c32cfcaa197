import type { SourceLine } from '../../scripts/ingest/clean.ts';

/** Lines of a small fixture, numbered from 1, blank lines skipped as clean does. */
export function fixtureLines(text: string): SourceLine[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: index + 1, text: line.trim() }))
    .filter((line) => line.text.length > 0);
}

/**
 * Loads scripts/genre/garbles.yaml: what marks a copy as masked or garbled, for
 * the ingest to report. Validated once; a malformed table names the file and field.
 */
import { z } from 'zod';
import { parseWith } from '../../src/model/errors.ts';
import { readGenreTable } from './tables.ts';

const garblesTable = z.object({
  maskedWords: z.object({ pattern: z.string().min(1), examples: z.array(z.string().min(1)).min(1) }),
});

export interface GarbleGenre {
  /** Global: use with matchAll. */
  maskedWords: RegExp;
  maskedExamples: readonly string[];
}

let cached: GarbleGenre | undefined;

export function loadGarbles(): GarbleGenre {
  if (cached) return cached;
  const table = readGenreTable('garbles.yaml', (data) => parseWith(garblesTable, data, 'scripts/genre/garbles.yaml'));
  cached = { maskedWords: new RegExp(table.maskedWords.pattern, 'gu'), maskedExamples: table.maskedWords.examples };
  return cached;
}

/** Whether a text holds a masked figure or name (×人, XX万元): a redacted or template copy. */
export function holdsMaskedWords(text: string): boolean {
  return new RegExp(loadGarbles().maskedWords.source, 'u').test(text);
}

/**
 * What the site's pages serve of the downloads: a plan's source as published. The
 * formats of the data downloads are the model's (src/model/downloads.ts); the bulk
 * files are written by their own stage (scripts/site/downloads.ts).
 */
import { readFileSync } from 'node:fs';
import { decodeSource } from '../model/source-text.ts';
import { sourceFormat } from '../model/source-download.ts';
import type { Plan } from '../model/plan.ts';

/**
 * A plan's source as published. Text (and a saved page's markup) is re-encoded as
 * UTF-8 with a byte-order mark, because static hosts rarely send a charset for .txt
 * and a browser would otherwise guess wrong on Chinese; a PDF, Word, WPS or OFD file
 * is served byte for byte. The plan's page shows the SHA-256 of the original bytes.
 */
export function sourceResponse(plan: Pick<Plan, 'sourceFile'>): Response {
  const bytes = readFileSync(plan.sourceFile);
  if (sourceFormat(plan).binary) return new Response(new Uint8Array(bytes));
  const { text } = decodeSource(bytes);
  return new Response(`\uFEFF${text.replace(/^\uFEFF/u, '')}`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

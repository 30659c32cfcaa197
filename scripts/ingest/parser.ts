/**
 * The parser as a run uses it: the genre tables and the GB/T 2260 division index,
 * loaded once, and the two functions over them. This module is the entry
 * parser-bundle.ts makes one file of, so a failure leaves it as data (an
 * AtlasError made here), never as an exception whose class the caller could not
 * recognise.
 */
import { loadGenre } from '../genre/load.ts';
import { loadNoise } from '../genre/load-noise.ts';
import { loadGarbles } from '../genre/garbles.ts';
import { saveTableSnapshot, useTableSnapshot } from '../genre/tables.ts';
import type { DocumentSummary } from './parse-cache.ts';
import { itemsOf } from '../../src/model/plan.ts';
import { sha256 } from './output.ts';
import { ingestDocument, type IngestedDocument, type SourceDocument } from './document.ts';
import { loadDivisionIndex } from './divisions.ts';
import type { AtlasError } from '../../src/model/errors.ts';
import { asIngestError } from './identity.ts';

export type ParseOutcome = { document: IngestedDocument; summary: DocumentSummary } | { error: AtlasError };

export interface Parser {
  parse(source: SourceDocument): ParseOutcome;
}

export interface ParserFiles {
  /** Where the divisions with their slugs are kept for this version of the code (see loadDivisionIndex). */
  divisionsFile: string | null;
  /** Where the validated genre tables are kept for this version of the code (see tables.ts). */
  tablesFile: string | null;
}

/** What the rest of a run needs of a document besides its Markdown (see parse-cache.ts). */
function summarize(document: IngestedDocument): DocumentSummary {
  return {
    id: document.plan.id,
    items: [...itemsOf(document.plan.sections)].length,
    sha256: sha256(document.markdown),
    report: {
      file: document.plan.sourceFile,
      url: document.plan.url,
      encoding: document.encoding,
      inferred: document.plan.inferred,
      fromSidecar: document.fromSidecar,
      normalized: document.normalized,
      removed: document.plan.removed,
      warnings: document.warnings,
    },
  };
}

export function createParser(files: ParserFiles): Parser {
  useTableSnapshot(files.tablesFile);
  // Every table is read here, not on first use deep in a parse, so the snapshot saved below holds them all.
  const context = { genre: loadGenre(), divisions: loadDivisionIndex(files.divisionsFile) };
  loadNoise();
  loadGarbles();
  saveTableSnapshot();
  return {
    parse(source) {
      try {
        const document = ingestDocument(source, context);
        return { document, summary: summarize(document) };
      } catch (error) {
        return { error: asIngestError(error) };
      }
    },
  };
}

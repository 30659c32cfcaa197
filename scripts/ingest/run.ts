/**
 * The ingest run: a folder of sources read, extracted and parsed, one failure
 * never stopping the others, then the checks over the whole folder (a plan
 * published twice, a sidecar without its source) and, against what the last
 * complete run published, the last good plan of every source that now fails.
 * `npm run ingest`, the quality scripts and the tests all read sources through it;
 * what they do with the result (write the collections, score the plans) is theirs.
 */
import { basename, join } from 'node:path';
import { statSync } from 'node:fs';
import { compareText } from '../../src/model/order.ts';
import type { Plan } from '../../src/model/plan.ts';
import { AtlasError } from '../../src/model/errors.ts';
import { extractSource } from '../extract/extract.ts';
import { sourceExtensions } from '../extract/sniff.ts';
import { cacheKey, type DocumentSummary, type IngestCache } from './parse-cache.ts';
import type { IngestedDocument, SourceDocument } from './document.ts';
import { asIngestError, rejectDuplicates, type IngestFailure } from './identity.ts';
import { loadBundledParser } from './parser-bundle.ts';
import { display, listSourceFolder, readSource, sidecarExtension, stem } from './sources.ts';
import { keepLastGood, readPublished, type KeptPlan } from './published.ts';
import type { ParseOutcome, Parser } from './parser.ts';

export type { IngestFailure };

/** A plan of the run: what the run needs of it, its Markdown, and its model when it was parsed in this run. */
export interface RunDocument {
  summary: DocumentSummary;
  markdown: () => string;
  /** Null for a cache hit and for a last good plan kept from an earlier run. */
  document: IngestedDocument | null;
}

export interface IngestRunOptions {
  /** Unchanged sources are taken from it, parsed ones stored in it; null parses every source. */
  cache?: IngestCache | null;
  /** The content folder of the last complete run: its plans are kept for sources that fail now. Null for a run that publishes nothing. */
  content?: string | null;
  /** Warnings of loading the parser bundle (a stale code cache and the like). */
  warn?: (message: string) => void;
}

export interface IngestRun {
  /** Every plan the run publishes, by id. */
  documents: RunDocument[];
  /** By file. */
  failures: IngestFailure[];
  /** Plans of failed sources that stay published from the last complete run. */
  lastGood: KeptPlan[];
}

/**
 * The parser and what it needs, loaded on first use. With a cache, from the
 * cache's one-file bundle and with its tables kept there (parser-bundle.ts says why);
 * `saveCodeCache` keeps what V8 compiled of the bundle once the run has parsed.
 */
export async function loadParser(cache: IngestCache | null, warn: (message: string) => void = () => undefined): Promise<{ parser: Parser; saveCodeCache: () => void }> {
  const { module, saveCodeCache } = cache
    ? await loadBundledParser(cache.parserBundleFile, warn)
    : { module: await import('./parser.ts'), saveCodeCache: () => undefined };
  const parser = module.createParser(cache ? { divisionsFile: cache.divisionsFile, tablesFile: cache.tablesFile } : { divisionsFile: null, tablesFile: null });
  return { parser, saveCodeCache };
}

/** The page a source was published on, from its sidecar (relative links of a saved page resolve against it). */
function sourceUrlOf(source: SourceDocument): string | undefined {
  return source.sidecar ? (/^sourceUrl:\s*(\S+)\s*$/mu.exec(source.sidecar.text)?.[1] ?? undefined) : undefined;
}

/** One source through extraction (Word, PDF, a web page…) and the parser. */
export async function ingestSource(source: SourceDocument, parser: Parser): Promise<ParseOutcome> {
  try {
    source.extracted = await extractSource(source.file, source.bytes, sourceUrlOf(source));
  } catch (error) {
    return { error: asIngestError(error) };
  }
  return parser.parse(source);
}

export async function ingestSources(sourceDirectory: string, options: IngestRunOptions = {}): Promise<IngestRun> {
  const cache = options.cache ?? null;
  const contentDirectory = options.content ?? null;
  const { names, hasSidecar, orphanSidecars } = listSourceFolder(sourceDirectory);
  let loaded: Awaited<ReturnType<typeof loadParser>> | null = null;

  const parsed: RunDocument[] = [];
  const failures: IngestFailure[] = [];
  for (const name of names) {
    const path = join(sourceDirectory, name);
    const sidecarPath = stem(path) + sidecarExtension;
    const shown = display(path);
    const stats = cache ? { source: statSync(path), sidecar: hasSidecar(sidecarPath) ? statSync(sidecarPath) : null } : null;
    const known = cache && stats ? cache.knownKey(shown, stats.source, stats.sidecar) : null;
    const knownHit = known && cache ? cache.get(known) : null;
    if (knownHit && known && cache && stats) {
      cache.rememberSource(shown, stats.source, stats.sidecar, known);
      parsed.push({ summary: knownHit, markdown: () => cache.markdown(known), document: null });
      continue;
    }
    const source = readSource(path, hasSidecar, shown);
    const key = cache ? cacheKey(source, cache.version) : null;
    if (key && cache && stats) cache.rememberSource(source.file, stats.source, stats.sidecar, key);
    const hit = key && cache && key !== known ? cache.get(key) : null;
    if (hit && key && cache) {
      parsed.push({ summary: hit, markdown: () => cache.markdown(key), document: null });
      continue;
    }
    loaded ??= await loadParser(cache, options.warn);
    const outcome = await ingestSource(source, loaded.parser);
    if ('error' in outcome) {
      failures.push({ file: source.file, error: outcome.error });
      continue;
    }
    const { document, summary } = outcome;
    if (key && cache) cache.set(key, summary, document.markdown);
    parsed.push({ summary, markdown: () => document.markdown, document });
  }
  loaded?.saveCodeCache();

  // What the last complete run published: a new copy of it is refused, and a source that fails now keeps it.
  const published = contentDirectory === null ? [] : readPublished(contentDirectory);
  const publishedFile = new Map(published.map((plan) => [plan.id, plan.file]));
  const { kept, failures: duplicates } = rejectDuplicates(
    parsed,
    (document) => ({ id: document.summary.id, file: document.summary.report.file }),
    (id) => publishedFile.get(id) ?? null,
  );
  failures.push(...duplicates);
  for (const name of orphanSidecars) {
    failures.push({
      file: display(join(sourceDirectory, name)),
      error: new AtlasError('orphan-sidecar', `no source named ${basename(name, sidecarExtension)} (${sourceExtensions.join(' ')}) beside this sidecar`, 'rename the sidecar to match its source, or remove it'),
    });
  }
  failures.sort((a, b) => a.file.localeCompare(b.file));
  const lastGood = contentDirectory === null ? [] : await keepLastGood(contentDirectory, published, failures, new Set(kept.map((document) => document.summary.id)));
  const documents = [
    ...kept,
    ...lastGood.map((plan): RunDocument => ({
      summary: { id: plan.id, items: plan.items, sha256: plan.sha256, report: plan.report },
      markdown: () => plan.markdown,
      document: null,
    })),
  ].sort((a, b) => compareText(a.summary.id, b.summary.id));
  return { documents, failures, lastGood };
}

/**
 * The plans of a folder of sources, parsed now, for the quality scripts and tests
 * that must not depend on a previous `npm run ingest`: nothing is cached or
 * written, and the first source that fails throws its error.
 */
export async function plansFromSources(directory = 'content/sources'): Promise<Plan[]> {
  const { documents, failures } = await ingestSources(directory);
  const [first] = failures;
  if (first) {
    first.error.file ??= first.file;
    throw first.error;
  }
  return documents.map((document) => document.document!.plan);
}

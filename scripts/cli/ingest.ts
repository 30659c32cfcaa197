/**
 * npm run ingest                       ingest content/sources/ into content/plans/ and
 *                                      content/reports/ingest-report.json (npm run enrich follows)
 * npm run ingest -- --check FILE       show what was understood of one document; writes nothing
 * npm run --silent ingest -- --json FILE   print one document's parsed model as JSON
 *
 * Options for tools and tests: --sources DIR (default content/sources),
 * --content DIR (default content), --cache DIR (default .cache/ingest: a
 * document whose bytes, sidecar and ingest code are unchanged is not parsed
 * again), --no-cache. A file of the collections is written only when its bytes
 * change, and a plan whose source is gone is deleted (scripts/ingest/output.ts says
 * what a killed run can leave and why the next run repairs it).
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
// Only light modules are imported up front: a run where every document is a cache
// hit never loads the parser, the genre tables, the GB/T 2260 divisions, remark or zod.
import { compareText } from '../../src/model/order.ts';
import { extractSource } from '../extract/extract.ts';
import { sourceExtensions } from '../extract/sniff.ts';
import type { Plan, Section } from '../../src/model/plan.ts';
import { cacheKey, codeVersion, IngestCache, type DocumentSummary } from '../ingest/parse-cache.ts';
import type { IngestedDocument, SourceDocument } from '../ingest/document.ts';
import { formatAtlasError, AtlasError } from '../../src/model/errors.ts';
import { asIngestError, rejectDuplicates, type IngestFailure } from '../ingest/identity.ts';
import { sha256, syncFiles, type FolderState, type WantedFile } from '../ingest/output.ts';
import { loadBundledParser } from '../ingest/parser-bundle.ts';
import { display, isSource, listSourceFolder, readSource, sidecarExtension, stem } from '../ingest/sources.ts';
import { keepLastGood, readPublished, type KeptPlan } from '../ingest/published.ts';
import type { Parser } from '../ingest/parser.ts';

/**
 * The parser and what it needs, loaded on first use. With a cache, from the
 * cache's one-file bundle and with its tables kept there (parser-bundle.ts says why);
 * `saveCodeCache` keeps what V8 compiled of the bundle once the run has parsed.
 */
async function loadParser(cache: IngestCache | null): Promise<{ parser: Parser; saveCodeCache: () => void }> {
  const { module, saveCodeCache } = cache
    ? await loadBundledParser(cache.parserBundleFile, (message) => console.warn(`ingest: warning ${message}`))
    : { module: await import('../ingest/parser.ts'), saveCodeCache: () => undefined };
  const parser = module.createParser(cache ? { divisionsFile: cache.divisionsFile, tablesFile: cache.tablesFile } : { divisionsFile: null, tablesFile: null });
  return { parser, saveCodeCache };
}

/**
 * Hints speak of "NAME.meta.yaml"; name the real sidecar beside the failing source.
 * A failed source whose last good plan stays published says so.
 */
function printFailures(failures: readonly IngestFailure[], kept: readonly KeptPlan[] = []): void {
  for (const failure of failures) {
    const sidecar = isSource(failure.file) ? stem(failure.file) + sidecarExtension : failure.file;
    console.error(formatAtlasError(failure.file, failure.error).replaceAll('NAME.meta.yaml', sidecar));
    const last = kept.find((plan) => plan.file === failure.file);
    if (last) console.error(`  kept: its last good plan /${last.id}/ stays published until the source is fixed`);
  }
}

/** The page a source was published on, from its sidecar (relative links of a saved page resolve against it). */
function sourceUrlOf(source: SourceDocument): string | undefined {
  return source.sidecar ? (/^sourceUrl:\s*(\S+)\s*$/mu.exec(source.sidecar.text)?.[1] ?? undefined) : undefined;
}

async function ingestOne(path: string): Promise<IngestedDocument | null> {
  if (!isSource(path)) {
    console.error(`${path}: error [not-a-source] sources are ${sourceExtensions.join(' ')} files\n  hint: save the plan as published (a web page, Word, WPS, PDF or OFD file) or its text as UTF-8 .txt`);
    return null;
  }
  if (!existsSync(path)) {
    console.error(`${path}: error [not-found] no such file\n  hint: check the path; sources live in content/sources/`);
    return null;
  }
  const source = readSource(path);
  try {
    source.extracted = await extractSource(source.file, source.bytes, sourceUrlOf(source));
  } catch (error) {
    printFailures([{ file: source.file, error: asIngestError(error) }]);
    return null;
  }
  const outcome = (await loadParser(null)).parser.parse(source);
  if ('error' in outcome) {
    printFailures([{ file: source.file, error: outcome.error }]);
    return null;
  }
  return outcome.document;
}

function outline(sections: readonly Section[], indent: string, lines: string[]): void {
  for (const section of sections) {
    if (section.heading) lines.push(`${indent}${section.heading}  #${section.anchor}`);
    const inner = section.heading ? `${indent}  ` : indent;
    for (const item of section.items) lines.push(`${inner}${item.key.padEnd(6)} ${item.title ?? `(${item.label}…)`}  ${item.url}`);
    outline(section.sections, inner, lines);
  }
}

/** How far a region's evidence can be trusted, by where it was found. */
const regionConfidence: Record<Plan['region']['source'], string> = {
  sidecar: 'given by an editor',
  title: 'printed in the title',
  issuer: 'printed as the issuer',
  notice: 'printed in the covering notice',
  heading: 'printed in the heading atop the text',
  body: 'inferred: the text names it repeatedly, no title or issuer does',
};

function titleEvidence(plan: Plan, fromSidecar: readonly string[]): string {
  if (fromSidecar.includes('title')) return 'given by an editor';
  if (plan.printedTitle !== null) return 'printed as the title';
  if (!plan.titleInferred) return 'as the covering notice names what it issues';
  return 'built from region, year and kind: the text prints no title';
}

function describe(document: IngestedDocument, items: number): string {
  const plan: Plan = document.plan;
  const mark = (field: string): string =>
    plan.inferred.includes(field) ? '  (inferred)' : document.fromSidecar.includes(field) ? '  (sidecar)' : '';
  const region = plan.region;
  const hierarchy = [region.province, region.prefecture, region.name].filter((name, index, all) => name && all.indexOf(name) === index);
  const lines = [
    plan.sourceFile,
    `  url           ${plan.url}`,
    `  title         ${plan.title}${mark('title')} — ${titleEvidence(plan, document.fromSidecar)}`,
    `  kind          ${plan.kind}${mark('kind')}`,
    `  year          ${plan.year}${plan.years.length > 1 ? ` (covers ${plan.years.join(', ')})` : ''}${mark('year')}`,
    `  region        ${region.name} ${region.code} (${hierarchy.join(' › ')}; ${region.level}) from ${region.source}: ${region.evidence}${mark('region')} — ${regionConfidence[region.source]}`,
    `  issuers       ${plan.issuers.join('；') || '—'}${mark('issuers')}`,
    `  文号          ${plan.docNumber ?? '—'}${mark('docNumber')}`,
    `  issued on     ${plan.issuedOn ?? '—'}${mark('issuedOn')}`,
    `  published on  ${plan.publishedOn ?? '—'}${mark('publishedOn')}`,
    `  encoding      ${document.encoding}`,
    `  inferred      ${plan.inferred.join(', ') || 'nothing'}`,
    `  from sidecar  ${document.fromSidecar.join(', ') || 'nothing'}`,
    `  removed       ${plan.removed.length} piece(s) of web-page noise`,
    ...plan.removed.map((removed) => `    line ${String(removed.line).padEnd(5)} [${removed.rule}] ${removed.text}`),
    `  outline       ${items} items`,
  ];
  outline(plan.sections, '    ', lines);
  if (document.warnings.length > 0) {
    lines.push('  warnings');
    for (const warning of document.warnings) lines.push(`    line ${warning.line}: ${warning.message}`);
  }
  return lines.join('\n');
}

/** A document of this run: its summary, and its Markdown when it has to be written. */
interface RunDocument {
  summary: DocumentSummary;
  markdown: () => string;
}

async function ingestAll(sourceDirectory: string, contentDirectory: string, cacheDirectory: string | null): Promise<number> {
  const started = performance.now();
  const { names, hasSidecar, orphanSidecars } = listSourceFolder(sourceDirectory);
  const cache = cacheDirectory ? new IngestCache(cacheDirectory, codeVersion(process.cwd())) : null;
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
      parsed.push({ summary: knownHit, markdown: () => cache.markdown(known) });
      continue;
    }
    const source = readSource(path, hasSidecar, shown);
    const key = cache ? cacheKey(source, cache.version) : null;
    if (key && cache && stats) cache.rememberSource(source.file, stats.source, stats.sidecar, key);
    const hit = key && cache && key !== known ? cache.get(key) : null;
    if (hit && key && cache) {
      parsed.push({ summary: hit, markdown: () => cache.markdown(key) });
      continue;
    }
    try {
      source.extracted = await extractSource(source.file, source.bytes, sourceUrlOf(source));
    } catch (error) {
      failures.push({ file: source.file, error: asIngestError(error) });
      continue;
    }
    loaded ??= await loadParser(cache);
    const outcome = loaded.parser.parse(source);
    if ('error' in outcome) {
      failures.push({ file: source.file, error: outcome.error });
      continue;
    }
    const { document, summary } = outcome;
    if (key && cache) cache.set(key, summary, document.markdown);
    parsed.push({ summary, markdown: () => document.markdown });
  }
  loaded?.saveCodeCache();
  // What the last complete run published: a new copy of it is refused, and a source that fails now keeps it.
  const published = readPublished(contentDirectory);
  const publishedFile = new Map(published.map((plan) => [plan.id, plan.file]));
  const { kept, failures: duplicates } = rejectDuplicates(
    parsed,
    (document) => ({ id: document.summary.id, file: document.summary.report.file }),
    (id) => publishedFile.get(id) ?? null,
  );
  failures.push(...duplicates);
  failures.sort((a, b) => a.file.localeCompare(b.file));
  const lastGood = await keepLastGood(contentDirectory, published, failures, new Set(kept.map((document) => document.summary.id)));
  const documents = [
    ...kept,
    ...lastGood.map((plan): RunDocument => ({
      summary: { id: plan.id, items: plan.items, sha256: plan.sha256, report: plan.report },
      markdown: () => plan.markdown,
    })),
  ].sort((a, b) => compareText(a.summary.id, b.summary.id));
  for (const name of orphanSidecars) {
    failures.push({
      file: display(join(sourceDirectory, name)),
      error: new AtlasError('orphan-sidecar', `no source named ${basename(name, sidecarExtension)} (${sourceExtensions.join(' ')}) beside this sidecar`, 'rename the sidecar to match its source, or remove it'),
    });
  }

  const keptUrl = (file: string): string | null => {
    const plan = lastGood.find((each) => each.file === file);
    return plan ? `/${plan.id}/` : null;
  };
  const report = {
    plans: documents.map((document) => document.summary.report),
    failures: failures.map((failure) => ({
      file: failure.file,
      code: failure.error.code,
      line: failure.error.line,
      message: failure.error.message,
      hint: failure.error.hint,
      kept: keptUrl(failure.file),
    })),
  };
  const reportText = `${JSON.stringify(report, null, 2)}\n`;
  const collections: Record<string, Map<string, WantedFile>> = {
    plans: new Map(documents.map((document) => [`${document.summary.id}.md`, { sha256: document.summary.sha256, text: document.markdown }])),
    reports: new Map([['ingest-report.json', { sha256: sha256(reportText), text: () => reportText }]]),
  };
  // Staging folders of runs before output was written file by file.
  for (const entry of existsSync(contentDirectory) ? readdirSync(contentDirectory) : []) {
    if (entry.startsWith('.staging-')) rmSync(join(contentDirectory, entry), { recursive: true, force: true });
  }
  const stamps: Record<string, FolderState> = {};
  let written = 0;
  let removedFiles = 0;
  for (const [folder, files] of Object.entries(collections)) {
    const result = syncFiles(join(contentDirectory, folder), files, cache?.stamps(contentDirectory, folder) ?? null);
    stamps[folder] = result.state;
    written += result.written;
    removedFiles += result.removed;
  }
  cache?.save(contentDirectory, stamps);

  const items = documents.reduce((sum, document) => sum + document.summary.items, 0);
  const removed = documents.reduce((sum, document) => sum + document.summary.report.removed.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const fromCache = cache ? ` (${cache.misses} parsed, ${cache.hits} unchanged from ${display(cache.directory)})` : '';
  console.log(
    `ingest: ${documents.length} plans, ${items} items from ${display(sourceDirectory)}${fromCache} in ${seconds} s; ` +
      `${written} file(s) written, ${removedFiles} removed; removed ${removed} pieces of web-page noise (see ${display(join(contentDirectory, 'reports', 'ingest-report.json'))})`,
  );
  for (const document of documents) {
    for (const warning of document.summary.report.warnings) console.warn(`${document.summary.report.file}:${warning.line}: warning ${warning.message}`);
  }
  if (failures.length > 0) {
    printFailures(failures, lastGood);
    const keptNote = lastGood.length > 0 ? `; ${lastGood.length} of them keep their last good plan published` : '';
    console.error(`ingest: ${failures.length} document(s) failed; the others were written${keptNote}`);
    return 1;
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      check: { type: 'string' },
      json: { type: 'string' },
      sources: { type: 'string', default: 'content/sources' },
      content: { type: 'string', default: 'content' },
      cache: { type: 'string', default: '.cache/ingest' },
      'no-cache': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.check !== undefined) {
    const document = await ingestOne(values.check);
    if (!document) return 1;
    const { itemsOf } = await import('../../src/model/plan.ts');
    console.log(describe(document, [...itemsOf(document.plan.sections)].length));
    return 0;
  }
  if (values.json !== undefined) {
    const document = await ingestOne(values.json);
    if (!document) return 1;
    process.stdout.write(`${JSON.stringify(document.plan, null, 2)}\n`);
    return 0;
  }
  return ingestAll(values.sources, values.content, values['no-cache'] ? null : values.cache);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`ingest: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}

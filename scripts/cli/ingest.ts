/**
 * npm run ingest                       ingest content/sources/ into content/plans/
 * npm run ingest -- --check FILE       show what was understood of one document; writes nothing
 * npm run --silent ingest -- --json FILE   print one document's parsed model as JSON
 *
 * Options for tools and tests: --sources DIR (default content/sources),
 * --content DIR (default content), --cache DIR (default .cache/ingest: a
 * document whose bytes, sidecar and ingest code are unchanged is not parsed
 * again), --no-cache.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { itemsOf, type Plan, type Section } from '../../src/model/plan.ts';
import { enrichCorpus } from '../enrich/enrich.ts';
import { enrichmentDirectory, enrichmentFiles } from '../enrich/files.ts';
import { loadGenre } from '../genre/load.ts';
import { codeVersion, IngestCache } from '../ingest/cache.ts';
import { ingestCorpus, type IngestFailure } from '../ingest/corpus.ts';
import { loadDivisionIndex } from '../ingest/divisions.ts';
import { ingestDocument, type IngestedDocument, type SourceDocument } from '../ingest/document.ts';
import { formatIngestError, IngestError } from '../ingest/errors.ts';
import { replaceCollections } from '../ingest/output.ts';

const sourceExtension = '.txt';
const sidecarExtension = '.meta.yaml';

function display(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown.startsWith('..') ? path : shown;
}

function readSource(path: string): SourceDocument {
  const sidecarPath = path.slice(0, -sourceExtension.length) + sidecarExtension;
  return {
    file: display(path),
    bytes: readFileSync(path),
    sidecar: existsSync(sidecarPath) ? { file: display(sidecarPath), text: readFileSync(sidecarPath, 'utf8') } : null,
  };
}

function context() {
  return { genre: loadGenre(), divisions: loadDivisionIndex() };
}

/** Hints speak of "NAME.meta.yaml"; name the real sidecar beside the failing source. */
function printFailures(failures: readonly IngestFailure[]): void {
  for (const failure of failures) {
    const sidecar = failure.file.replace(/\.txt$/u, sidecarExtension);
    console.error(formatIngestError(failure.file, failure.error).replaceAll('NAME.meta.yaml', sidecar));
  }
}

function ingestOne(path: string): IngestedDocument | null {
  if (!path.endsWith(sourceExtension)) {
    console.error(`${path}: error [not-a-source] sources are ${sourceExtension} files\n  hint: save the plan's text as UTF-8 ${sourceExtension}`);
    return null;
  }
  if (!existsSync(path)) {
    console.error(`${path}: error [not-found] no such file\n  hint: check the path; sources live in content/sources/`);
    return null;
  }
  const source = readSource(path);
  try {
    return ingestDocument(source, context());
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    printFailures([{ file: source.file, error }]);
    return null;
  }
}

function outline(sections: readonly Section[], indent: string, lines: string[]): void {
  for (const section of sections) {
    if (section.heading) lines.push(`${indent}${section.heading}  #${section.anchor}`);
    const inner = section.heading ? `${indent}  ` : indent;
    for (const item of section.items) lines.push(`${inner}${item.key.padEnd(6)} ${item.title ?? `(${item.label}…)`}  ${item.url}`);
    outline(section.sections, inner, lines);
  }
}

function describe(document: IngestedDocument): string {
  const plan: Plan = document.plan;
  const mark = (field: string): string =>
    plan.inferred.includes(field) ? '  (inferred)' : document.fromSidecar.includes(field) ? '  (sidecar)' : '';
  const region = plan.region;
  const hierarchy = [region.province, region.prefecture, region.name].filter((name, index, all) => name && all.indexOf(name) === index);
  const lines = [
    plan.sourceFile,
    `  url           ${plan.url}`,
    `  title         ${plan.title}${mark('title')}`,
    `  kind          ${plan.kind}${mark('kind')}`,
    `  year          ${plan.year}${plan.years.length > 1 ? ` (covers ${plan.years.join(', ')})` : ''}${mark('year')}`,
    `  region        ${region.name} ${region.code} (${hierarchy.join(' › ')}; ${region.level}) from ${region.source}: ${region.evidence}${mark('region')}`,
    `  issuers       ${plan.issuers.join('；') || '—'}${mark('issuers')}`,
    `  文号          ${plan.docNumber ?? '—'}${mark('docNumber')}`,
    `  issued on     ${plan.issuedOn ?? '—'}${mark('issuedOn')}`,
    `  published on  ${plan.publishedOn ?? '—'}${mark('publishedOn')}`,
    `  encoding      ${document.encoding}`,
    `  inferred      ${plan.inferred.join(', ') || 'nothing'}`,
    `  from sidecar  ${document.fromSidecar.join(', ') || 'nothing'}`,
    `  removed       ${plan.removed.length} piece(s) of web-page noise`,
    ...plan.removed.map((removed) => `    line ${String(removed.line).padEnd(5)} [${removed.rule}] ${removed.text}`),
    `  outline       ${[...itemsOf(plan.sections)].length} items`,
  ];
  outline(plan.sections, '    ', lines);
  if (document.warnings.length > 0) {
    lines.push('  warnings');
    for (const warning of document.warnings) lines.push(`    line ${warning.line}: ${warning.message}`);
  }
  return lines.join('\n');
}

function ingestAll(sourceDirectory: string, contentDirectory: string, cacheDirectory: string | null): number {
  const started = performance.now();
  const names = existsSync(sourceDirectory) ? readdirSync(sourceDirectory).filter((name) => name.endsWith(sourceExtension)).sort() : [];
  const orphanSidecars = existsSync(sourceDirectory)
    ? readdirSync(sourceDirectory).filter((name) => name.endsWith(sidecarExtension) && !names.includes(name.slice(0, -sidecarExtension.length) + sourceExtension))
    : [];
  const cache = cacheDirectory ? new IngestCache(cacheDirectory) : null;
  const { documents, failures } = ingestCorpus(
    names.map((name) => readSource(join(sourceDirectory, name))),
    context(),
    cache ? { cache, version: codeVersion(process.cwd()) } : null,
  );
  for (const name of orphanSidecars) {
    failures.push({
      file: display(join(sourceDirectory, name)),
      error: new IngestError('orphan-sidecar', `no ${basename(name, sidecarExtension)}${sourceExtension} beside this sidecar`, 'rename the sidecar to match its source, or remove it'),
    });
  }

  const plans = new Map(documents.map((document) => [`${document.plan.id}.md`, document.markdown]));
  const report = {
    plans: documents.map((document) => ({
      file: document.plan.sourceFile,
      url: document.plan.url,
      encoding: document.encoding,
      inferred: document.plan.inferred,
      fromSidecar: document.fromSidecar,
      normalized: document.normalized,
      removed: document.plan.removed,
      warnings: document.warnings,
    })),
    failures: failures.map((failure) => ({ file: failure.file, code: failure.error.code, line: failure.error.line, message: failure.error.message, hint: failure.error.hint })),
  };
  // Enrich and link need the whole corpus: topics, cited documents, policy terms, related items.
  const enrichStarted = performance.now();
  const enrichment = enrichCorpus(documents.map((document) => document.plan));
  const enrichmentPrefix = `${enrichmentDirectory}/`;
  const enriched = new Map([...enrichmentFiles(enrichment)].map(([path, text]) => [path.slice(enrichmentPrefix.length), text]));
  const enrichSeconds = ((performance.now() - enrichStarted) / 1000).toFixed(2);

  replaceCollections(
    contentDirectory,
    new Map([
      ['plans', plans],
      [enrichmentDirectory, enriched],
      ['reports', new Map([['ingest-report.json', `${JSON.stringify(report, null, 2)}\n`]])],
    ]),
  );

  const items = documents.reduce((sum, document) => sum + [...itemsOf(document.plan.sections)].length, 0);
  const removed = documents.reduce((sum, document) => sum + document.plan.removed.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const parsed = cache ? ` (${cache.misses} parsed, ${cache.hits} unchanged from ${display(cache.directory)})` : '';
  console.log(`ingest: ${documents.length} plans, ${items} items from ${display(sourceDirectory)}${parsed} in ${seconds} s; removed ${removed} pieces of web-page noise (see ${display(join(contentDirectory, 'reports', 'ingest-report.json'))})`);
  console.log(
    `enrich: ${enrichment.topics.length} topics, ${enrichment.documents.length} cited documents, ${enrichment.terms.length} policy terms in ${enrichSeconds} s`,
  );
  if (enrichment.unassigned.length > 0) {
    console.log(`enrich: ${enrichment.unassigned.length} item(s) fit no topic: ${enrichment.unassigned.join(' ')}`);
  }
  for (const document of documents) {
    for (const warning of document.warnings) console.warn(`${document.plan.sourceFile}:${warning.line}: warning ${warning.message}`);
  }
  if (failures.length > 0) {
    printFailures(failures);
    console.error(`ingest: ${failures.length} document(s) failed; the others were written`);
    return 1;
  }
  return 0;
}

function main(argv: string[]): number {
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
    const document = ingestOne(values.check);
    if (!document) return 1;
    console.log(describe(document));
    return 0;
  }
  if (values.json !== undefined) {
    const document = ingestOne(values.json);
    if (!document) return 1;
    process.stdout.write(`${JSON.stringify(document.plan, null, 2)}\n`);
    return 0;
  }
  return ingestAll(values.sources, values.content, values['no-cache'] ? null : values.cache);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`ingest: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}

/**
 * npm run ingest                       ingest content/sources/ into content/plans/ and
 *                                      content/reports/ingest-report.json (npm run enrich follows)
 * npm run ingest -- --check FILE       show what was understood of one document; writes nothing
 *                                      but the parser it loads, to the cache (--no-cache: not that)
 * npm run --silent ingest -- --json FILE   print one document's parsed model as JSON
 *
 * Options for tools and tests: --sources DIR (default content/sources),
 * --content DIR (default content), --cache DIR (default .cache/ingest: a
 * document whose bytes, sidecar and ingest code are unchanged is not parsed
 * again), --no-cache. A file of the collections is written only when its bytes
 * change, and a plan whose source is gone is deleted (scripts/ingest/output.ts says
 * what a killed run can leave and why the next run repairs it).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
// Only light modules are imported up front: a run where every document is a cache
// hit never loads the parser, the genre tables, the GB/T 2260 divisions, remark or zod.
import { sourceExtensions } from '../extract/sniff.ts';
import type { Plan, Section } from '../../src/model/plan.ts';
import { codeVersion, IngestCache } from '../ingest/parse-cache.ts';
import type { IngestedDocument } from '../ingest/document.ts';
import { formatAtlasError, formatError, AtlasError } from '../../src/model/errors.ts';
import type { IngestFailure } from '../ingest/identity.ts';
import { sha256, syncFiles, type FolderState, type WantedFile } from '../ingest/output.ts';
import { display, isSource, readSource, sidecarExtension, stem } from '../ingest/sources.ts';
import type { KeptPlan } from '../ingest/published.ts';
import { ingestSource, ingestSources, loadParser } from '../ingest/run.ts';

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

/**
 * One document, parsed with the cache's one-file parser and region index when there
 * is a cache (loading the parser from its modules is most of a --check's time), and
 * without reading or writing any cached document: a check always parses afresh.
 */
async function ingestOne(path: string, cacheDirectory: string | null): Promise<IngestedDocument | null> {
  if (!isSource(path)) {
    printFailures([{ file: path, error: new AtlasError('not-a-source', `sources are ${sourceExtensions.join(' ')} files`, 'save the plan as published (a web page, Word, WPS, PDF or OFD file) or its text as UTF-8 .txt') }]);
    return null;
  }
  if (!existsSync(path)) {
    printFailures([{ file: path, error: new AtlasError('not-found', 'no such file', 'check the path; sources live in content/sources/') }]);
    return null;
  }
  const source = readSource(path);
  const cache = cacheDirectory ? new IngestCache(cacheDirectory, codeVersion(process.cwd())) : null;
  const { parser, saveCodeCache } = await loadParser(cache, (message) => console.error(`ingest: ${message}`));
  const outcome = await ingestSource(source, parser);
  saveCodeCache();
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
  body: 'inferred from the places the text names (counted above), as no title or issuer names one',
  publisher: 'inferred from the page\'s 发布机构 or 信息来源, the bureau its place in the site names, or the government whose portal published a text that speaks for its level, as the text itself names no region',
};

function titleEvidence(plan: Plan, fromSidecar: readonly string[]): string {
  if (fromSidecar.includes('title')) return 'given by an editor';
  if (plan.printedTitle !== null && plan.title === plan.printedTitle) return 'printed as the title';
  if (plan.printedTitle !== null && plan.printedTitle.includes(plan.title)) return 'printed as the title, without the title marks or the site\'s tag around it';
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

async function ingestAll(sourceDirectory: string, contentDirectory: string, cacheDirectory: string | null): Promise<number> {
  const started = performance.now();
  const cache = cacheDirectory ? new IngestCache(cacheDirectory, codeVersion(process.cwd())) : null;
  const { documents, failures, lastGood } = await ingestSources(sourceDirectory, {
    cache,
    content: contentDirectory,
    warn: (message) => console.warn(`ingest: warning ${message}`),
  });

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
  const cacheDirectory = values['no-cache'] ? null : values.cache;
  if (values.check !== undefined) {
    const document = await ingestOne(values.check, cacheDirectory);
    if (!document) return 1;
    const { itemsOf } = await import('../../src/model/plan.ts');
    console.log(describe(document, [...itemsOf(document.plan.sections)].length));
    return 0;
  }
  if (values.json !== undefined) {
    const document = await ingestOne(values.json, cacheDirectory);
    if (!document) return 1;
    process.stdout.write(`${JSON.stringify(document.plan, null, 2)}\n`);
    return 0;
  }
  return ingestAll(values.sources, values.content, cacheDirectory);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`ingest: ${formatError(error)}`);
  process.exitCode = 2;
}

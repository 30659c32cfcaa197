/**
 * One document through every ingest stage: read → clean → layout → parse → metadata →
 * region → structure → model → Markdown, then the nothing-lost check.
 * Pure apart from the genre tables and the division index it is given.
 */
import { createHash } from 'node:crypto';
import type { DocumentKind, Genre } from '../genre/load.ts';
import { planSchema, type Plan } from '../../src/model/plan.ts';
import { cleanSource, type SourceLine } from './clean.ts';
import type { DivisionIndex } from './divisions.ts';
import { AtlasError } from '../../src/model/errors.ts';
import { planMarkdown } from './markdown.ts';
import { namedByPublisher, readMetadata } from './metadata.ts';
import { parseDocument, type ParsedDocument, type ParseWarning } from './parse.ts';
import { decodeSource, type SourceEncoding } from '../../src/model/source-text.ts';
import type { Extracted, SourceFormat } from '../extract/types.ts';
import { yearConflict } from './year-conflict.ts';
import { resolveRegion } from './region.ts';
import { parseSidecar, type Sidecar } from './sidecar.ts';
import { buildSections } from './structure.ts';
import { admitPlan, headingOf } from './admission.ts';
import { joinBrokenNumbers, joinBrokenTitles, joinLoneLabels, splitFlattenedLines } from './flattened-lines.ts';
import { readScript, restorePrinted } from './script.ts';
import { holdsMaskedWords, loadGarbles } from '../genre/garbles.ts';
import { markdownBodyText, verifyNothingLost } from './verify.ts';

export interface SourceDocument {
  /** Path as shown to people, e.g. content/sources/taian-2024.txt. */
  file: string;
  bytes: Uint8Array;
  sidecar: { file: string; text: string } | null;
  /** The text a web page, Word, WPS, PDF or OFD file gave (scripts/extract/); absent for plain text, which is decoded here. */
  extracted?: Extracted | null;
}

export interface IngestedDocument {
  plan: Plan;
  markdown: string;
  /** How the text was read: its encoding, or the format it was extracted from. */
  encoding: SourceEncoding | `extracted from ${SourceFormat}`;
  normalized: Record<string, number>;
  warnings: ParseWarning[];
  /** Fields an editor's sidecar supplied. */
  fromSidecar: string[];
}

export interface IngestContext {
  genre: Genre;
  divisions: DivisionIndex;
}

const joinLines = (lines: readonly SourceLine[]): string => lines.map((line) => line.text).join('\n');

function sidecarOf(source: SourceDocument): Sidecar {
  if (!source.sidecar) return {};
  try {
    return parseSidecar(source.sidecar.text);
  } catch (error) {
    if (error instanceof AtlasError) error.file = source.sidecar.file;
    throw error;
  }
}

function kindNamed(name: string, genre: Genre, sidecarFile: string | null): DocumentKind {
  const kind = genre.kinds.find((candidate) => candidate.name === name);
  if (kind) return kind;
  const error = new AtlasError(
    'sidecar-field',
    `the sidecar's "kind" is ${name}, which is not a known kind`,
    `use one of: ${genre.kinds.map((candidate) => candidate.name).join(', ')} (or add it to scripts/genre/kinds.yaml)`,
  );
  error.file = sidecarFile;
  throw error;
}

/** A title for a document that prints none, from the template of its kind (scripts/genre/kinds.yaml). */
function inferredTitle(regionName: string, years: readonly number[], kind: DocumentKind, genre: Genre): string {
  const [first, last] = [String(years[0]), String(years.at(-1))];
  // A two-year template needs two years; a document that names one gets the plain title.
  const template = years.length > 1 || !kind.builtTitle.includes('{firstYear}') ? kind.builtTitle : genre.fallbackKind.builtTitle;
  return template.replaceAll('{region}', regionName).replaceAll('{firstYear}', first).replaceAll('{year}', last).replaceAll('{kind}', kind.name);
}

/**
 * The outline, from lines split where a flattened page ran its headings
 * together; a plan with no outline then is tried once more with its run-in
 * enumerations (一是…二是…) split too, and once more at a lone outline opening
 * (…。 一、… 1.…, a flattened excerpt), before its paragraphs stand as items.
 */
function parseLaidOut(lines: readonly SourceLine[], genre: Genre): ParsedDocument {
  const joined = joinBrokenTitles(joinBrokenNumbers(lines), genre);
  const parsed = parseDocument(joinLoneLabels(splitFlattenedLines(joined, genre), genre), genre);
  if (!parsed.paragraphs) return parsed;
  for (const options of [{ runIn: true }, { opening: true }]) {
    const retried = parseDocument(joinLoneLabels(splitFlattenedLines(joined, genre, options), genre), genre);
    if (!retried.paragraphs) return retried;
  }
  return parsed;
}

/** Fields that hold the document's words, not identities, URLs, table names or an editor's sidecar values. */
const identityKeys = new Set(['id', 'url', 'anchor', 'key', 'kind', 'kindSlug', 'region', 'sourceFile', 'sourceSha256', 'sourceUrl', 'issuedOn', 'publishedOn', 'inferred', 'rule']);

/** The plan with the document's words as printed (see script.ts); built titles and sidecar values stay as they are. */
function asPrinted(plan: Plan, restore: (text: string) => string, sidecar: Sidecar): Plan {
  const restored = restorePrinted(plan, restore, identityKeys);
  return {
    ...restored,
    title: sidecar.title !== undefined || plan.titleInferred ? plan.title : restored.title,
    issuers: sidecar.issuers ?? restored.issuers,
    docNumber: sidecar.docNumber ?? restored.docNumber,
    publisher: sidecar.publisher ?? restored.publisher,
  };
}

export function ingestDocument(source: SourceDocument, context: IngestContext): IngestedDocument {
  const { genre, divisions } = context;
  const sidecar = sidecarOf(source);
  const sha256 = createHash('sha256').update(source.bytes).digest('hex');
  if (sidecar.sha256 !== undefined && sidecar.sha256 !== sha256) {
    const error = new AtlasError(
      'source-changed',
      `the source's bytes are not those that were added (SHA-256 ${sha256.slice(0, 12)}…, the sidecar records ${sidecar.sha256.slice(0, 12)}…)`,
      'sources are kept exactly as published: restore the original file, or add the new version with npm run add and remove this one',
    );
    throw error;
  }
  const decoded = source.extracted
    ? { text: source.extracted.text, encoding: `extracted from ${source.extracted.format}` as const }
    : decodeSource(source.bytes);
  const script = readScript(decoded.text);
  const cleaned = cleanSource(script.text);
  // What the extractor left out of the text (site chrome, running headers, page numbers) is reported like web-page noise.
  const extractedRemovals = (source.extracted?.removed ?? []).map((part) => ({ line: 1, text: part.page ? `${part.text} (page ${part.page})` : part.text, rule: part.rule }));
  const parsed = parseLaidOut(cleaned.lines, genre);
  if (sidecar.kind === undefined) admitPlan(cleaned.lines, parsed, genre);
  const heading = headingOf(cleaned.lines, genre);
  const metadata = readMetadata(parsed, cleaned.facts, genre, heading);

  const notice = joinLines(parsed.notice);
  // Lines that head only the first part of what the notice issues open the text (see readMetadata).
  const preamble = joinLines(metadata.titleHeadsAPart ? [...parsed.titleLines, ...parsed.preamble] : parsed.preamble);
  const body = [preamble, parsed.firstPartHeading?.text ?? '', ...parsed.firstPartIntro.map((line) => line.text), ...parsed.outline.map(function text(node): string {
    return [node.line.text, ...node.body.map((line) => line.text), ...node.children.map(text)].join('\n');
  })].join('\n');

  const sidecarRegion = sidecar.region === undefined ? null : /^\d{6}$/u.test(sidecar.region) ? { code: sidecar.region } : { name: sidecar.region };
  const region = resolveRegion(
    {
      sidecar: sidecarRegion,
      title: metadata.title,
      issuers: metadata.issuers,
      notice,
      heading: metadata.title === null ? heading : null,
      body,
      organs: genre.organSuffixes.filter((organ) => organ.includes('教')),
      publisher: metadata.publisher,
    },
    divisions,
  );

  const kind = sidecar.kind === undefined ? metadata.kind : kindNamed(sidecar.kind, genre, source.sidecar?.file ?? null);
  const years = sidecar.year === undefined ? metadata.years : [...new Set([...metadata.years, sidecar.year])].sort();
  const year = sidecar.year ?? metadata.years.at(-1);
  // Where the hints below tell an editor to put the year.
  const sidecarFile = `${source.file.replace(/\.[^./]+$/u, '')}.meta.yaml`;
  if (sidecar.year === undefined && metadata.planYearUnprinted) {
    throw new AtlasError(
      'year-unknown',
      `the title names the year of its summary only (${metadata.years.join('、')}年…总结): the year of the plan it adds is not printed`,
      `add "year: ${metadata.years[0]! + 1}" (the year planned, if that is what the text means) to a sidecar ${sidecarFile}`,
    );
  }
  if (year === undefined) {
    throw new AtlasError(
      'year-unknown',
      'the document names no year in its title, headings or dates',
      `add "year: 2024" (the year planned) to a sidecar ${sidecarFile}`,
    );
  }

  if (sidecar.year === undefined) {
    const conflict = yearConflict(cleaned.lines, year, years, genre);
    if (conflict !== null) {
      throw new AtlasError(
        'year-conflict',
        conflict.message,
        `document-sharing and template sites put another year on a text: find the plan as its bureau published it, or give the year it plans in a sidecar ${sidecarFile} (year: …)`,
        conflict.line,
      );
    }
  }

  const id = [...region.path, String(year), ...(kind.canonical ? [] : [kind.slug]), ...(sidecar.variant ? [sidecar.variant] : [])].join('/');
  const url = `/${id}/`;
  const { sections } = buildSections(parsed.outline, url, genre, parsed.firstPartHeading, parsed.firstPartIntro);

  const title = sidecar.title ?? metadata.title ?? inferredTitle(region.name, years, kind, genre);
  const inferred = [
    ...(sidecar.title === undefined && metadata.title === null ? ['title'] : []),
    ...(sidecar.kind === undefined && metadata.kindInferred ? ['kind'] : []),
    ...(sidecar.year === undefined && metadata.yearInferred ? ['year'] : []),
    ...(region.source === 'body' || region.source === 'publisher' ? ['region'] : []),
  ];

  const fromText: Plan = {
    id,
    url,
    title,
    titleInferred: sidecar.title === undefined && metadata.title === null,
    printedTitle: metadata.printedTitle,
    kind: kind.name,
    kindSlug: kind.slug,
    year,
    years,
    region,
    // Named in full where the page's 发布机构 does (市教育局 → 潜江市教育局); the region was read from the names as printed.
    issuers: sidecar.issuers ?? metadata.issuers.map((issuer) => namedByPublisher(issuer, metadata.publisher)),
    docNumber: sidecar.docNumber ?? metadata.docNumber,
    issuedOn: sidecar.issuedOn ?? metadata.issuedOn,
    publishedOn: sidecar.publishedOn ?? metadata.publishedOn,
    publisher: sidecar.publisher ?? metadata.publisher,
    sourceUrl: sidecar.sourceUrl ?? null,
    sourceFile: source.file,
    sourceSha256: sha256,
    notice,
    preamble,
    sections,
    closing: joinLines(parsed.closing),
    inferred,
    removed: [...extractedRemovals, ...cleaned.removed],
  };
  const candidate = script.traditional ? asPrinted(fromText, script.restore, sidecar) : fromText;
  const checked = planSchema.safeParse(candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AtlasError(
      'model-invalid',
      `the parsed plan does not fit the model at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
      'this is a bug in Plan Atlas or a gap in scripts/genre/*.yaml; please report it with this file',
    );
  }
  const plan = checked.data;
  const markdown = planMarkdown(plan);
  const printedLines = script.traditional ? cleaned.lines.map((line) => ({ ...line, text: script.restore(line.text) })) : cleaned.lines;
  verifyNothingLost(printedLines, [plan.notice, plan.printedTitle ?? '', markdownBodyText(markdown)]);
  const extractionWarnings = [
    ...(source.extracted?.review ? [{ line: 1, message: source.extracted.review }] : []),
    ...(source.extracted && source.extracted.attachments.length > 0
      ? [{ line: 1, message: `the page links ${source.extracted.attachments.length} attachment(s) (附件), where the plan itself may be: ${source.extracted.attachments.map((attachment) => attachment.href).join(' ')}` }]
      : []),
  ];
  const printedText = printedLines.map((line) => line.text).join('\n');
  // Each masked word with what follows it (X个, XX万元), as a reader finds it.
  const masked = [...printedText.matchAll(loadGarbles().maskedWords)].map((match) => printedText.slice(match.index, match.index + match[0].length + 2));
  const maskedWarnings = masked.length > 0
    ? [{ line: printedLines.find((line) => holdsMaskedWords(line.text))?.line ?? 1, message: `the text holds ${masked.length} masked figure(s) or name(s) (${[...new Set(masked)].slice(0, 3).join(' ')} …): a redacted or template copy, whose figures are not the plan's` }]
    : [];
  const scriptWarnings = script.traditional
    ? [{ line: 1, message: `printed in traditional characters: read in simplified form, published as printed${script.ambiguous.map(({ read, printed, restored }) => `; ${read} is printed as ${printed.join(' and ')}, shown as ${restored}`).join('')}` }]
    : [];

  return {
    plan,
    markdown,
    encoding: decoded.encoding,
    normalized: cleaned.normalized,
    warnings: [...extractionWarnings, ...scriptWarnings, ...maskedWarnings, ...parsed.warnings],
    fromSidecar: Object.keys(sidecar).sort(),
  };
}

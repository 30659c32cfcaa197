/**
 * The genre benchmark: the ingest over a corpus of real published plans (front
 * parts, exactly as public pages show them, noise included), each annotated by
 * a person who read it, and a score per field.
 *
 * The annotation says what the text itself holds: the region (or why it cannot
 * be known), the year planned, the kind, the printed title (or none), 文号, date,
 * the first section and items. From it follows what the ingest should do: accept
 * a plan whose region and year are printed; refuse, for the right reason, what
 * is not a bureau's plan or lacks a fact its URL needs; and never state a fact
 * the text does not hold.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { itemsOf, type Plan } from '../../src/model/plan.ts';
import type { Parser } from '../ingest/parser.ts';
import { decodeSource } from '../../src/model/source-text.ts';

const nullableText = z.string().nullable();

export const annotationSchema = z.object({
  source: z.object({
    url: z.string().url(),
    site: z.enum(['official', 'mirror', 'doc-sharing', 'news']),
    query: z.string(),
    retrieved: z.string(),
  }),
  isPlan: z.boolean(),
  region: z.object({
    name: nullableText,
    code: z.string().regex(/^\d{6}$/u).nullable(),
    level: z.enum(['province', 'prefecture', 'county']).nullable(),
    evidence: nullableText.optional(),
    /**
     * Why the region cannot be known from the text: masked (hidden on purpose: XX县, 某市),
     * not-printed (no place is named as the plan's own: only a nickname such as 首都 or 龙江, or a
     * name inside a cited title), ambiguous (a printed name fits several divisions and nothing
     * settles which).
     */
    unknown: z.enum(['masked', 'not-printed', 'ambiguous']).nullable(),
  }),
  year: z.number().int().nullable(),
  /**
   * Why the year cannot be known when year is null: not-printed (the text names none),
   * conflict (the year printed is contradicted by the text, as when a site put a new
   * year on an old plan: the party meetings it cites are of another time).
   */
  yearUnknown: z.enum(['not-printed', 'conflict']).optional(),
  kind: z.string(),
  title: nullableText,
  docNumber: nullableText,
  date: nullableText,
  outline: z.enum(['numbered', 'run-in', 'paragraphs', 'cut']),
  firstSection: nullableText,
  firstItems: z.array(z.string()).default([]),
  noise: z.array(z.string()).default([]),
  notes: z.string().optional(),
});
export type Annotation = z.infer<typeof annotationSchema>;

export interface CorpusDocument {
  name: string;
  file: string;
  bytes: Buffer;
  annotation: Annotation;
}

/** The annotated documents of a corpus folder, and the texts that have no annotation yet. */
export function readCorpus(directory: string): { documents: CorpusDocument[]; unannotated: string[] } {
  const names = readdirSync(directory).filter((name) => name.endsWith('.txt')).sort();
  const documents: CorpusDocument[] = [];
  const unannotated: string[] = [];
  for (const name of names) {
    const base = name.slice(0, -'.txt'.length);
    const annotationFile = join(directory, `${base}.yaml`);
    if (!existsSync(annotationFile)) {
      unannotated.push(join(directory, name));
      continue;
    }
    const checked = annotationSchema.safeParse(parseYaml(readFileSync(annotationFile, 'utf8')));
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new Error(`${annotationFile}: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'does not fit the annotation schema'}`);
    }
    documents.push({ name: base, file: join(directory, name), bytes: readFileSync(join(directory, name)), annotation: checked.data });
  }
  return { documents, unannotated };
}

/** What the ingest should do with a document, from its annotation. */
export type Expectation = { accept: true } | { accept: false; codes: string[] };

export function expectationOf(annotation: Annotation): Expectation {
  if (!annotation.isPlan) return { accept: false, codes: ['not-a-plan'] };
  const codes: string[] = [];
  if (annotation.region.code === null) {
    codes.push(annotation.region.unknown === 'masked' ? 'region-masked' : annotation.region.unknown === 'ambiguous' ? 'region-ambiguous' : 'region-unresolved');
  }
  if (annotation.year === null) codes.push(annotation.yearUnknown === 'conflict' ? 'year-conflict' : 'year-unknown');
  return codes.length === 0 ? { accept: true } : { accept: false, codes };
}

/** Fields scored on accepted plans, each right, wrong, or not annotated. */
export const scoredFields = ['region', 'year', 'kind', 'title', 'docNumber', 'date', 'firstSection', 'firstItem'] as const;
export type ScoredField = (typeof scoredFields)[number];

/** Pinyin a converter put after characters (总结(jié)): the ingest removes it as noise, so comparisons leave it out. */
const pinyinGloss = /[(（][a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,6}[)）]/gu;
const squeeze = (text: string): string => text.replace(pinyinGloss, '').replace(/[\s\u3000]+/gu, '').replace(/[，]/gu, ',').replace(/[：]/gu, ':').replace(/[（]/gu, '(').replace(/[）]/gu, ')');

/** Two printed strings are the same when they differ only in white space and the width of , : ( ). */
const same = (a: string | null, b: string | null): boolean => a !== null && b !== null && squeeze(a) === squeeze(b);

/** One line holds the other (a heading printed with or without its closing sentence). */
const holds = (a: string | null, b: string | null): boolean => {
  if (a === null || b === null) return false;
  const [x, y] = [squeeze(a), squeeze(b)];
  return x.length > 0 && y.length > 0 && (x.startsWith(y) || y.startsWith(x));
};

export interface FieldCheck {
  field: ScoredField;
  right: boolean;
  /** A fact stated that the text does not hold (worse than a missing one). */
  false: boolean;
  expected: string;
  got: string;
}

/** The first numbered heading at the top of the outline: a section's, or an item's in a plan of items only. */
function firstSectionOf(plan: Plan): string | null {
  const first = plan.sections[0];
  if (!first) return null;
  if (first.label !== '') return first.heading;
  const nested = first.sections[0];
  if (nested) return nested.heading;
  const item = first.items[0];
  return item && item.label !== '' ? item.heading : null;
}

/** The first item printed with a label (a paragraph published as an item has none). */
function firstItemOf(plan: Plan): string | null {
  for (const item of itemsOf(plan.sections)) return item.label === '' ? null : item.heading;
  return null;
}

/**
 * Checks an accepted plan's fields against the annotation. A title is right when
 * it is printed in the text (the plan's own title line, where the annotation may
 * name the covering notice's), and false when it is said to be printed but is not.
 */
export function checkFields(plan: Plan, annotation: Annotation, text: string): FieldCheck[] {
  const printed = (title: string): boolean => squeeze(text).includes(squeeze(title));
  const checks: FieldCheck[] = [];
  const add = (field: ScoredField, right: boolean, isFalse: boolean, expected: unknown, got: unknown): void => {
    checks.push({ field, right, false: isFalse, expected: String(expected), got: String(got) });
  };
  const regionRight = annotation.region.code === plan.region.code;
  add('region', regionRight, !regionRight, annotation.region.code ?? `unknown (${annotation.region.unknown})`, `${plan.region.code} ${plan.region.name}`);
  const yearRight = annotation.year === plan.year;
  add('year', yearRight, !yearRight, annotation.year, plan.year);
  if (annotation.kind !== 'other') add('kind', annotation.kind === plan.kind, false, annotation.kind, plan.kind);
  if (annotation.title === null) {
    // No title line printed: the site may build one, but must say it did, or take one the text prints (a notice's quote).
    const right = plan.titleInferred || printed(plan.title);
    add('title', right, !right, 'none printed', plan.titleInferred ? `${plan.title} (built)` : plan.title);
  } else {
    const right = !plan.titleInferred && (same(plan.title, annotation.title) || printed(plan.title));
    add('title', right, !plan.titleInferred && !printed(plan.title), annotation.title, plan.titleInferred ? `${plan.title} (built)` : plan.title);
  }
  const docRight = annotation.docNumber === null ? plan.docNumber === null : same(plan.docNumber, annotation.docNumber);
  add('docNumber', docRight, !docRight && plan.docNumber !== null, annotation.docNumber, plan.docNumber);
  const dateRight = annotation.date === plan.issuedOn || (annotation.date === null && plan.issuedOn === null);
  add('date', dateRight, !dateRight && plan.issuedOn !== null, annotation.date, plan.issuedOn);
  if (annotation.outline === 'numbered' && annotation.firstSection !== null) {
    add('firstSection', holds(firstSectionOf(plan), annotation.firstSection), false, annotation.firstSection, firstSectionOf(plan));
  }
  const firstItem = annotation.firstItems[0];
  if (annotation.outline === 'numbered' && firstItem !== undefined) {
    add('firstItem', holds(firstItemOf(plan), firstItem), false, firstItem, firstItemOf(plan));
  }
  return checks;
}

export type Verdict =
  | { kind: 'accepted'; rightly: true; checks: FieldCheck[]; plan: Plan }
  | { kind: 'accepted'; rightly: false; checks: FieldCheck[]; plan: Plan; expected: string[] }
  | { kind: 'refused'; rightly: boolean; code: string; message: string; expected: Expectation }
  | { kind: 'crashed'; message: string };

export interface Scored {
  document: CorpusDocument;
  verdict: Verdict;
}

export function scoreDocument(document: CorpusDocument, parser: Parser): Scored {
  const expectation = expectationOf(document.annotation);
  let outcome: ReturnType<Parser['parse']>;
  try {
    outcome = parser.parse({ file: document.file, bytes: document.bytes, sidecar: null });
  } catch (error) {
    return { document, verdict: { kind: 'crashed', message: error instanceof Error ? error.message : String(error) } };
  }
  if ('error' in outcome) {
    if (outcome.error.code === 'internal') return { document, verdict: { kind: 'crashed', message: outcome.error.message } };
    const rightly = !expectation.accept && expectation.codes.includes(outcome.error.code);
    return { document, verdict: { kind: 'refused', rightly, code: outcome.error.code, message: outcome.error.message, expected: expectation } };
  }
  const plan = outcome.document.plan;
  const checks = checkFields(plan, document.annotation, decodeSource(document.bytes).text);
  if (expectation.accept) return { document, verdict: { kind: 'accepted', rightly: true, checks, plan } };
  return { document, verdict: { kind: 'accepted', rightly: false, checks, plan, expected: expectation.codes } };
}

export interface CorpusScore {
  documents: number;
  crashes: number;
  /** Plans whose region and year are printed. */
  printed: number;
  printedAccepted: number;
  refusedRightly: number;
  refusedWrongly: number;
  /** Accepted although they should have been refused: each states a fact the text does not hold. */
  acceptedWrongly: number;
  /** Facts given that the text does not hold, over accepted documents. */
  falseFacts: number;
  fields: Record<ScoredField, { right: number; of: number }>;
}

export function summarizeScores(scored: readonly Scored[]): CorpusScore {
  const fields = Object.fromEntries(scoredFields.map((field) => [field, { right: 0, of: 0 }])) as CorpusScore['fields'];
  const score: CorpusScore = { documents: scored.length, crashes: 0, printed: 0, printedAccepted: 0, refusedRightly: 0, refusedWrongly: 0, acceptedWrongly: 0, falseFacts: 0, fields };
  for (const { document, verdict } of scored) {
    const expectation = expectationOf(document.annotation);
    if (expectation.accept) score.printed += 1;
    if (verdict.kind === 'crashed') {
      score.crashes += 1;
      continue;
    }
    if (verdict.kind === 'refused') {
      if (verdict.rightly) score.refusedRightly += 1;
      else score.refusedWrongly += 1;
      continue;
    }
    if (!verdict.rightly) score.acceptedWrongly += 1;
    else score.printedAccepted += 1;
    for (const check of verdict.checks) {
      if (check.false) score.falseFacts += 1;
      if (!verdict.rightly) continue;
      fields[check.field].of += 1;
      if (check.right) fields[check.field].right += 1;
    }
  }
  return score;
}

const percent = (right: number, of: number): string => (of === 0 ? '—' : `${((100 * right) / of).toFixed(1)} %`);

export function formatScore(score: CorpusScore): string {
  const totalRight = scoredFields.reduce((sum, field) => sum + score.fields[field].right, 0);
  const totalOf = scoredFields.reduce((sum, field) => sum + score.fields[field].of, 0);
  const lines = [
    `documents                         ${score.documents}`,
    `crashes                           ${score.crashes}`,
    `region and year printed, accepted ${score.printedAccepted} of ${score.printed} (${percent(score.printedAccepted, score.printed)})`,
    `refused for the right reason      ${score.refusedRightly}`,
    `refused wrongly                   ${score.refusedWrongly}`,
    `accepted but should be refused    ${score.acceptedWrongly}`,
    `facts the text does not hold      ${score.falseFacts}`,
    `fields right                      ${totalRight} of ${totalOf} (${percent(totalRight, totalOf)})`,
    ...scoredFields.map((field) => `  ${field.padEnd(31)} ${score.fields[field].right} of ${score.fields[field].of} (${percent(score.fields[field].right, score.fields[field].of)})`),
  ];
  return lines.join('\n');
}

/** One line per document that is not fully right, for the editor to read. */
export function formatProblems(scored: readonly Scored[]): string[] {
  const lines: string[] = [];
  for (const { document, verdict } of scored) {
    if (verdict.kind === 'crashed') lines.push(`${document.name}: CRASH ${verdict.message.split('\n')[0]}`);
    else if (verdict.kind === 'refused' && !verdict.rightly) {
      const wanted = verdict.expected.accept ? 'accepted' : verdict.expected.codes.join(' or ');
      lines.push(`${document.name}: refused [${verdict.code}], wanted ${wanted}: ${verdict.message.slice(0, 160)}`);
    } else if (verdict.kind === 'accepted') {
      if (!verdict.rightly) lines.push(`${document.name}: accepted as ${verdict.plan.url}, wanted ${verdict.expected.join(' or ')}`);
      for (const check of verdict.checks) {
        if (!check.right) lines.push(`${document.name}: ${check.false ? 'FALSE ' : ''}${check.field}: wanted ${check.expected}; got ${check.got}`);
      }
    }
  }
  return lines;
}

/**
 * Scores the commitment reader against hand annotations (test/corpus/commitments/):
 * each file names a plan's source and lists, by item key, the commitments a careful
 * reader finds there. A commitment read is right when one annotated in the same item
 * has its kind and, for figures, its quantity, range end and unit, or, for deadlines
 * and offices, overlapping words. Precision and recall are counted over all of them;
 * bound, indicator and reported are scored over the ones matched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AtlasError, parseWith } from '../../src/model/errors.ts';
import { commitmentBounds, commitmentKinds, type CommitmentKind } from '../../src/model/enrichment.ts';
import type { Parser } from '../ingest/parser.ts';
import { isReported, type CommitmentReader, type ReadCommitment } from '../enrich/commitment-reader.ts';
import { itemHeads } from '../enrich/enrich-corpus.ts';

const annotatedSchema = z.object({
  kind: z.enum(commitmentKinds),
  text: z.string().min(1),
  quantity: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().optional(),
  bound: z.enum(commitmentBounds).optional(),
  indicator: z.string().optional(),
  reported: z.boolean().optional(),
});
export type AnnotatedCommitment = z.infer<typeof annotatedSchema>;

const annotationSchema = z.object({
  source: z.string().min(1),
  /** A sidecar the source is read with, as an editor would give one (year: 2016 for a text whose printed year the ingest refuses). */
  sidecar: z.string().min(1).optional(),
  items: z.array(z.object({ key: z.string(), starts: z.string().min(1), commitments: z.array(annotatedSchema) })),
  doubtful: z.array(z.object({ key: z.string(), text: z.string(), why: z.string() })).nullish(),
});

export interface AnnotatedPlan {
  file: string;
  source: string;
  sidecar?: string;
  items: Map<string, { starts: string; commitments: AnnotatedCommitment[] }>;
  /** Spans a reader could not decide: a commitment read there counts neither way. */
  doubtful: Map<string, string[]>;
}

export function readAnnotations(directory: string): AnnotatedPlan[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const file = join(directory, name);
      const data = parseWith(annotationSchema, parseYaml(readFileSync(file, 'utf8')), file);
      const doubtful = new Map<string, string[]>();
      for (const entry of data.doubtful ?? []) doubtful.set(entry.key, [...(doubtful.get(entry.key) ?? []), entry.text]);
      return { file, source: data.source, ...(data.sidecar === undefined ? {} : { sidecar: data.sidecar }), items: new Map(data.items.map((item) => [item.key, { starts: item.starts, commitments: item.commitments }])), doubtful };
    });
}

const unitOf = (unit: string | null | undefined): string => (unit ?? '').replace('％', '%');
const overlaps = (a: string, b: string): boolean => a.includes(b) || b.includes(a);

export function sameCommitment(found: ReadCommitment, annotated: AnnotatedCommitment): boolean {
  if (found.kind !== annotated.kind) return false;
  if (found.kind === 'deadline' || found.kind === 'responsible') return overlaps(found.text, annotated.text);
  return found.quantity === annotated.quantity && (found.max ?? undefined) === annotated.max && unitOf(found.unit) === unitOf(annotated.unit);
}

/** An indicator is right when both name none, or one is the other with words before it (义务教育大班额比例 ⊇ 大班额比例). */
export function sameIndicator(found: string | null, annotated: string | undefined): boolean {
  if (!found || !annotated) return !found && !annotated;
  return found.endsWith(annotated) || annotated.endsWith(found);
}

export interface Tally {
  found: number;
  right: number;
  annotated: number;
  recalled: number;
}

export interface CommitmentScore {
  plans: number;
  byKind: Record<CommitmentKind, Tally>;
  all: Tally;
  bound: { right: number; of: number };
  indicator: { right: number; of: number };
  reported: { right: number; of: number };
  /** Read but not annotated, and annotated but not read, each as "file key: text". */
  wrong: string[];
  missed: string[];
  /** Matched, but read as a result where the annotation says a commitment, or the other way. */
  misreported: string[];
  /** Targets matched whose indicator differs from the annotation's. */
  misread: string[];
}

const emptyTally = (): Tally => ({ found: 0, right: 0, annotated: 0, recalled: 0 });

/** The ingest's outcome for an annotated plan's source, read with the annotation's sidecar if it gives one. */
export function parseAnnotated(annotated: AnnotatedPlan, parser: Parser, sourceRoot = '.'): ReturnType<Parser['parse']> {
  const sourceFile = join(sourceRoot, annotated.source);
  const sidecar = annotated.sidecar === undefined ? null : { file: `${annotated.file} (sidecar:)`, text: annotated.sidecar };
  return parser.parse({ file: sourceFile, bytes: readFileSync(sourceFile), sidecar });
}

export function scoreCommitments(plans: readonly AnnotatedPlan[], parser: Parser, reader: CommitmentReader, sourceRoot = '.'): CommitmentScore {
  const byKind = Object.fromEntries(commitmentKinds.map((kind) => [kind, emptyTally()])) as Record<CommitmentKind, Tally>;
  const score: CommitmentScore = { plans: plans.length, byKind, all: emptyTally(), bound: { right: 0, of: 0 }, indicator: { right: 0, of: 0 }, reported: { right: 0, of: 0 }, wrong: [], missed: [], misreported: [], misread: [] };
  for (const annotated of plans) {
    const outcome = parseAnnotated(annotated, parser, sourceRoot);
    if ('error' in outcome) throw new AtlasError('commitments-source', `${annotated.file}: its source ${annotated.source} is refused by the ingest (${outcome.error.message})`, 'annotate plans the ingest accepts');
    const heads = itemHeads(outcome.document.plan, reader);
    const keys = new Set(heads.map(({ item }) => item.key));
    for (const [key, entry] of annotated.items) {
      const item = heads.find(({ item: candidate }) => candidate.key === key)?.item;
      if (!keys.has(key) || !item?.text.startsWith(entry.starts)) {
        throw new AtlasError('commitments-drift', `${annotated.file}: item ${key} no longer starts with “${entry.starts}”`, 'the ingest now splits this plan differently: annotate its items again');
      }
    }
    for (const { item, head } of heads) {
      const expected = annotated.items.get(item.key)?.commitments ?? [];
      const doubtful = annotated.doubtful.get(item.key) ?? [];
      const found = reader.read(item.text).map((commitment) => ({ ...commitment, reported: isReported(commitment, head.reported) }));
      const unmatched = [...expected];
      for (const commitment of found) {
        const index = unmatched.findIndex((candidate) => sameCommitment(commitment, candidate));
        if (index < 0) {
          if (doubtful.some((text) => overlaps(text, commitment.text))) continue;
          byKind[commitment.kind].found += 1;
          score.wrong.push(`${annotated.source} ${item.key}: ${commitment.kind} ${commitment.text}`);
          continue;
        }
        const [match] = unmatched.splice(index, 1);
        byKind[commitment.kind].found += 1;
        byKind[commitment.kind].right += 1;
        if (commitment.bound !== null) {
          score.bound.of += 1;
          if (commitment.bound === (match!.bound ?? 'exact')) score.bound.right += 1;
        }
        if (commitment.kind === 'target') {
          score.indicator.of += 1;
          if (sameIndicator(commitment.indicator, match!.indicator)) score.indicator.right += 1;
          else score.misread.push(`${annotated.source} ${item.key}: ${commitment.text} measures ${commitment.indicator ?? '(none)'}, annotated ${match!.indicator ?? '(none)'}`);
        }
        score.reported.of += 1;
        if (commitment.reported === (match!.reported ?? false)) score.reported.right += 1;
        else score.misreported.push(`${annotated.source} ${item.key}: ${commitment.text} read as ${commitment.reported ? 'reported' : 'committed'}`);
      }
      for (const commitment of expected) {
        byKind[commitment.kind].annotated += 1;
        if (!unmatched.includes(commitment)) byKind[commitment.kind].recalled += 1;
      }
      for (const commitment of unmatched) score.missed.push(`${annotated.source} ${item.key}: ${commitment.kind} ${commitment.text}`);
    }
  }
  for (const tally of Object.values(byKind)) {
    score.all.found += tally.found;
    score.all.right += tally.right;
    score.all.annotated += tally.annotated;
    score.all.recalled += tally.recalled;
  }
  return score;
}

const ratio = (part: number, whole: number): string => (whole === 0 ? '—' : (part / whole).toFixed(3));

export function formatCommitmentScore(score: CommitmentScore): string {
  const row = (name: string, tally: Tally): string =>
    `${name.padEnd(12)}${String(tally.found).padStart(6)}${String(tally.annotated).padStart(10)}${ratio(tally.right, tally.found).padStart(11)}${ratio(tally.recalled, tally.annotated).padStart(8)}`;
  return [
    `plans annotated   ${score.plans}`,
    `kind           read annotated  precision  recall`,
    ...commitmentKinds.map((kind) => row(kind, score.byKind[kind])),
    row('all', score.all),
    `bound right       ${score.bound.right} of ${score.bound.of} (${ratio(score.bound.right, score.bound.of)})`,
    `indicator right   ${score.indicator.right} of ${score.indicator.of} targets (${ratio(score.indicator.right, score.indicator.of)})`,
    `reported right    ${score.reported.right} of ${score.reported.of} (${ratio(score.reported.right, score.reported.of)})`,
  ].join('\n');
}

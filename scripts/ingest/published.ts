/**
 * What the last complete ingest published, read back from its report and its
 * plan files, so that a later bad input never takes a published plan down: a
 * source that now fails (emptied, unreadable, no longer parseable) keeps its
 * last good plan on the site, and a second copy of a published plan is refused
 * while the first stays.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportEntry } from './parse-cache.ts';
import type { IngestFailure } from './identity.ts';
import { sha256 } from './output.ts';

export interface PublishedPlan {
  id: string;
  /** The source file it was published from, as the report names it. */
  file: string;
  report: ReportEntry;
}

/** A plan kept from the last run because its source failed in this one. */
export interface KeptPlan extends PublishedPlan {
  markdown: string;
  sha256: string;
  items: number;
}

const idOfUrl = (url: string): string => url.replace(/^\/|\/$/gu, '');

/**
 * The plans the last run's report lists. A report that is missing or that this
 * version cannot read gives none: the run then behaves as a first run.
 */
export function readPublished(contentDirectory: string): PublishedPlan[] {
  const path = join(contentDirectory, 'reports', 'ingest-report.json');
  if (!existsSync(path)) return [];
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return [];
  }
  const plans = (report as { plans?: unknown }).plans;
  if (!Array.isArray(plans)) return [];
  return plans.flatMap((entry: unknown) => {
    const { file, url } = (entry ?? {}) as { file?: unknown; url?: unknown };
    return typeof file === 'string' && typeof url === 'string' ? [{ id: idOfUrl(url), file, report: entry as ReportEntry }] : [];
  });
}

/**
 * For each failed source that had a published plan whose identity no document of
 * this run claims, that plan as its file holds it now. A file that no longer
 * fits the model (written by an older version) cannot be kept: the site could
 * not load it.
 */
export async function keepLastGood(
  contentDirectory: string,
  published: readonly PublishedPlan[],
  failures: readonly IngestFailure[],
  claimed: ReadonlySet<string>,
): Promise<KeptPlan[]> {
  const failed = new Set(failures.map((failure) => failure.file));
  const kept: KeptPlan[] = [];
  if (failed.size === 0) return kept;
  // Loaded only when a source failed: a run where all is well never loads the model's schemas (zod, YAML).
  const { itemsOf } = await import('../../src/model/plan.ts');
  const { planFromMarkdown } = await import('../../src/model/plan-files.ts');
  for (const plan of published) {
    if (!failed.has(plan.file) || claimed.has(plan.id)) continue;
    const path = join(contentDirectory, 'plans', `${plan.id}.md`);
    if (!existsSync(path)) continue;
    const markdown = readFileSync(path, 'utf8');
    let items: number;
    try {
      items = [...itemsOf(planFromMarkdown(markdown).sections)].length;
    } catch {
      continue;
    }
    kept.push({ ...plan, markdown, sha256: sha256(markdown), items });
  }
  return kept;
}

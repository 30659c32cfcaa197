/**
 * Reads the generated plans collection back: content/plans/**.md, each the
 * Plan of src/model/plan.ts in YAML frontmatter (written by
 * scripts/ingest/markdown.ts). One reader for every later stage: search index,
 * ledger, site checks, benchmarks.
 *
 * Parsed with js-yaml, the parser Astro's content layer reads the same files
 * with: about five times faster than `yaml` on these frontmatters (2.7 s → 0.6 s
 * for 1,000 plans), and every later stage reads the whole collection.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, load as parseYaml } from 'js-yaml';
import { planSchema, type Plan } from './plan.ts';
import { compareText } from './order.ts';
import { AtlasError } from './errors.ts';

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/u;

/** The frontmatter between the first two `---` lines of a Markdown file. */
export function frontmatterOf(markdown: string): string {
  const match = frontmatterPattern.exec(markdown);
  if (!match) throw new AtlasError('invalid-file', 'the plan file has no YAML frontmatter', 'run npm run ingest to regenerate content/plans/');
  return match[1] as string;
}

/** The frontmatter as parsed YAML, not yet validated. */
export function frontmatterData(markdown: string): unknown {
  // The core schema has no timestamps: a hand-written 2024-03-26 stays the string the model means.
  return parseYaml(frontmatterOf(markdown), { schema: CORE_SCHEMA });
}

/** The Markdown after the frontmatter. */
export function bodyOf(markdown: string): string {
  return markdown.slice(frontmatterPattern.exec(markdown)?.[0].length ?? 0);
}

export function planFromMarkdown(markdown: string): Plan {
  return planSchema.parse(frontmatterData(markdown));
}

/** Every Markdown file of a plans folder, sorted; none when the folder does not exist. */
export function planFiles(plansDirectory: string): string[] {
  if (!existsSync(plansDirectory)) return [];
  return readdirSync(plansDirectory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** One plan file; an error names the file and says to run the ingest again. */
export function readPlanFile(file: string): Plan {
  try {
    return planFromMarkdown(readFileSync(file, 'utf8'));
  } catch (error) {
    const named = error instanceof AtlasError ? error : new AtlasError('invalid-file', (error as Error).message, 'run npm run ingest to regenerate content/plans/');
    named.file ??= file;
    throw named;
  }
}

/** Every plan in a plans folder, in a stable order (by id); none when the folder does not exist. */
export function readPlans(plansDirectory: string): Plan[] {
  return planFiles(plansDirectory)
    .map(readPlanFile)
    .sort((a, b) => compareText(a.id, b.id));
}

/** Every plan the ingest wrote under a content folder. */
export function loadPlans(contentDirectory: string): Plan[] {
  return readPlans(join(contentDirectory, 'plans'));
}

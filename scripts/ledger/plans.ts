/**
 * Reads the published URLs (plans and items) from the generated collection.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { itemsOf, planSchema, type Plan } from '../../src/model/plan.ts';

/** The frontmatter between the first two `---` lines of a Markdown file. */
export function frontmatterOf(markdown: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/u.exec(markdown);
  if (!match) throw new Error('no YAML frontmatter');
  return match[1] as string;
}

export function planFromMarkdown(markdown: string): Plan {
  return planSchema.parse(parseYaml(frontmatterOf(markdown)));
}

/** Every URL a plan publishes: its own and each item's. */
export function urlsOfPlan(plan: Plan): string[] {
  return [plan.url, ...[...itemsOf(plan.sections)].map((item) => item.url)];
}

function markdownFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export function readPlans(directory: string): Plan[] {
  return markdownFiles(directory).map((file) => {
    try {
      return planFromMarkdown(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  });
}

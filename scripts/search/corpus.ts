/**
 * Reads what the ingest wrote (content/plans/**.md, the Plan in frontmatter) and,
 * when the enrichment step has run, the topics of each item.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { planSchema, type Plan } from '../../src/model/plan.ts';
import type { TopicsByUrl } from './records.ts';

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export function frontmatter(markdown: string, file: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(markdown);
  if (match === null) throw new Error(`${file}: no YAML frontmatter; run npm run ingest to regenerate content/plans/`);
  return parse(match[1]!);
}

/** Every plan, in a stable order (by id). */
export function loadPlans(contentDir: string): Plan[] {
  const plans = markdownFiles(join(contentDir, 'plans')).map((file) => {
    const result = planSchema.safeParse(frontmatter(readFileSync(file, 'utf8'), file));
    if (!result.success) throw new Error(`${file}: frontmatter is not a Plan: ${result.error.message}`);
    return result.data;
  });
  return plans.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Topic assignments are read leniently, since the enrichment step owns their shape:
 * any JSON file in content/enrichment/ holding `{ items: { [itemUrl]: { topics: [...] } } }`
 * or `[{ url, topics }]`, where a topic is a name or `{ name }`.
 */
const topicRef = z.union([z.string(), z.object({ name: z.string() }).loose()]);
const itemTopics = z.object({ topics: z.array(topicRef) }).loose();
const enrichmentFile = z.union([
  z.object({ items: z.record(z.string(), itemTopics) }).loose(),
  z.array(itemTopics.extend({ url: z.string() })),
]);

export function loadTopics(contentDir: string): TopicsByUrl {
  const dir = join(contentDir, 'enrichment');
  const topics = new Map<string, string[]>();
  if (!existsSync(dir)) return topics;
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
    const parsed = enrichmentFile.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    if (!parsed.success) continue;
    const entries = Array.isArray(parsed.data)
      ? parsed.data.map((entry) => [entry.url, entry.topics] as const)
      : Object.entries(parsed.data.items).map(([url, entry]) => [url, entry.topics] as const);
    for (const [url, refs] of entries) {
      const names = refs.map((ref) => (typeof ref === 'string' ? ref : ref.name));
      topics.set(url, [...new Set([...(topics.get(url) ?? []), ...names])]);
    }
  }
  return topics;
}

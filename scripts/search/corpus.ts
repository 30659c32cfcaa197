/**
 * The topics of each item, when the enrichment step has run. (The plans
 * themselves are read by scripts/content/plans.ts.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { TopicsByUrl } from './records.ts';

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

/**
 * The link targets as the site uses them: read from content/enrichment/links.json
 * (written by the enrich stage) and turned into page URLs under the site's base.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { gatheringPath, type GatheringSection } from './gathering-pages.ts';
import { loadTitleRules } from './documents.ts';
import type { LinkTargets } from './linker.ts';
import { parseWith } from './errors.ts';

const linksFileSchema = z.object({
  documents: z.record(z.string(), z.string()),
  terms: z.record(z.string(), z.string()),
  blockers: z.array(z.string()),
});

/** `/atlas/` + docs/slug/ → /atlas/docs/slug/; the base always ends with a slash. */
export function pageUrl(base: string, section: GatheringSection, slug: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${gatheringPath(section, slug).slice(1)}`;
}

export function linkTargetsFrom(file: z.infer<typeof linksFileSchema>, base: string): Omit<LinkTargets, 'titleRules'> {
  return {
    documents: new Map(Object.entries(file.documents).map(([key, slug]) => [key, pageUrl(base, 'docs', slug)] as const)),
    terms: new Map(Object.entries(file.terms).map(([term, slug]) => [term, pageUrl(base, 'terms', slug)] as const)),
    blockers: file.blockers,
  };
}

/** No enrichment yet (ingest not run) means nothing to link, not an error. */
export function loadLinkTargets(base = '/', contentDirectory = 'content'): LinkTargets {
  const path = join(contentDirectory, 'enrichment', 'links.json');
  const titleRules = loadTitleRules();
  if (!existsSync(path)) return { documents: new Map(), terms: new Map(), blockers: [], titleRules };
  const links = parseWith(linksFileSchema, JSON.parse(readFileSync(path, 'utf8')), path, { hint: 'it is not what the enrich stage writes: run npm run enrich to write it again' });
  return { ...linkTargetsFrom(links, base), titleRules };
}

/**
 * The content loader of the plans collection: content/plans/**.md as written by
 * `npm run ingest`, each entry the Plan of its frontmatter (validated by the
 * collection's schema) and its Markdown body. Unlike Astro's glob() loader it
 * does not render the body into the data store: the plan page renders it
 * (src/markdown/plan-body.ts), so each plan's text is stored twice, not four
 * times (frontmatter, body, HTML and heading metadata), and the store stays a
 * fifth of the size.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { AtlasError, formatError } from '../model/errors.ts';
import { bodyOf, frontmatterData, planFiles } from '../model/plan-files.ts';

/** A plan file the ingest did not write as it is; Astro prints the message, so it carries the hint. */
function notWhatIngestWrites(file: string, message: string): AtlasError {
  const error = new AtlasError('invalid-plan-file', message, 'run npm run ingest to regenerate content/plans/');
  error.file = file;
  return error;
}

async function syncPlans(directory: string, { store, parseData, generateDigest }: LoaderContext): Promise<void> {
  const seen = new Set<string>();
  // The entries Astro kept from the last build (it keeps the store between builds), by file: an
  // unchanged file is known by its digest, before its YAML is read; any other is parsed and stored.
  const stored = new Map(store.entries().map(([id, entry]) => [entry.filePath, { id, digest: entry.digest }] as const));
  for (const file of planFiles(directory)) {
    const markdown = readFileSync(file, 'utf8');
    const filePath = relative(process.cwd(), file);
    const digest = generateDigest(markdown);
    const last = stored.get(filePath);
    if (last !== undefined && last.digest === digest && !seen.has(last.id)) {
      seen.add(last.id);
      continue;
    }
    let frontmatter: unknown;
    try {
      frontmatter = frontmatterData(markdown);
    } catch (error) {
      throw new Error(`${filePath}: ${(error as Error).message}`, { cause: error });
    }
    const id = String((frontmatter as { id?: unknown } | null)?.id ?? '');
    if (id === '') throw new Error(formatError(notWhatIngestWrites(filePath, 'the frontmatter has no id')));
    if (seen.has(id)) throw new Error(formatError(notWhatIngestWrites(filePath, `a second plan with id ${id}`)));
    seen.add(id);
    const data = await parseData({ id, data: frontmatter as Record<string, unknown>, filePath });
    store.set({ id, data, body: bodyOf(markdown), filePath, digest });
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
}

export function plansLoader(directory: string): Loader {
  return {
    name: 'plan-atlas-plans',
    load: async (context) => {
      await syncPlans(directory, context);
      // astro dev: a new ingest shows up without a restart.
      const root = resolve(directory);
      context.watcher?.add(root);
      context.watcher?.on('all', (_event, path) => {
        if (resolve(path).startsWith(root)) void syncPlans(directory, context);
      });
    },
  };
}

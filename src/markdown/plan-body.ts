/**
 * A plan's Markdown body as HTML: stable heading ids, permalinks and item-page
 * links, cited documents and policy terms linked. Rendered when the plan page is
 * built, not when the collection is loaded, so the rendered HTML never enters
 * Astro's data store (at 1,000 plans it was 25 MB of the store's 77 MB, written
 * and read back on every build).
 */
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { loadLinkTargets } from '../model/link-targets.ts';
import type { Plan } from '../model/plan.ts';
import { basePath } from '../model/deploy.ts';
import rehypeLinkTerms from './rehype-link-terms.ts';
import rehypePermalinks from './rehype-permalinks.ts';
import remarkHeadingIds from './remark-heading-ids.ts';

function createProcessor(base: string) {
  // No GFM and no smart quotes: the plans' text is kept as printed.
  return unified()
    .use(remarkParse)
    .use(remarkHeadingIds)
    .use(remarkRehype)
    .use(rehypePermalinks, { base })
    .use(rehypeLinkTerms, { targets: () => loadLinkTargets(base) })
    .use(rehypeStringify);
}

let processor: ReturnType<typeof createProcessor> | undefined;

export async function renderPlanBody(plan: Plan, markdown: string): Promise<string> {
  processor ??= createProcessor(basePath());
  // rehype-permalinks reads item URLs from the frontmatter where Astro's Markdown pipeline puts it.
  const file = await processor.process({ value: markdown, data: { astro: { frontmatter: plan } } });
  return String(file);
}

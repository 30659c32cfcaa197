/**
 * The bare baseline the scale issue measures the pipeline against: the same
 * pages (one per plan, one per item, at the same URLs) with the same text in a
 * trivial template, built by plain Astro and indexed by stock Pagefind. It is a
 * throw-away Astro project in a temp dir whose node_modules is a link to the
 * repo's, so both builds use the very same Astro and Pagefind.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { itemsOf, type Plan, type Section } from '../../src/model/plan.ts';

export interface BarePage {
  /** Site-relative path without slashes at either end, e.g. shandong/taian/2024/7 */
  path: string;
  title: string;
  paragraphs: string[];
}

function sectionParagraphs(sections: readonly Section[], out: string[]): void {
  for (const section of sections) {
    if (section.heading) out.push(section.heading);
    if (section.text) out.push(...section.text.split('\n'));
    for (const item of section.items) out.push(item.heading, ...item.text.split('\n'));
    sectionParagraphs(section.sections, out);
  }
}

/** The text a reader gets from the pipeline's pages, minus everything the site adds around it. */
export function barePages(plans: readonly Plan[]): BarePage[] {
  const pages: BarePage[] = [];
  const trim = (url: string): string => url.replace(/^\/+|\/+$/g, '');
  for (const plan of plans) {
    const paragraphs = plan.preamble ? plan.preamble.split('\n') : [];
    sectionParagraphs(plan.sections, paragraphs);
    pages.push({ path: trim(plan.url), title: plan.title, paragraphs });
    for (const item of itemsOf(plan.sections)) {
      pages.push({ path: trim(item.url), title: `${item.heading} — ${plan.title}`, paragraphs: item.text.split('\n') });
    }
  }
  return pages;
}

const page = `---
import { readFileSync } from 'node:fs';
export function getStaticPaths() {
  // Read from the project root (the build's cwd): the bundled page lives elsewhere.
  const pages = JSON.parse(readFileSync('pages.json', 'utf8'));
  return pages.map((page) => ({ params: { path: page.path }, props: page }));
}
const { title, paragraphs } = Astro.props;
---
<html lang="zh-CN">
  <head><meta charset="utf-8"><title>{title}</title></head>
  <body><main><h1>{title}</h1>{paragraphs.map((text) => <p>{text}</p>)}</main></body>
</html>
`;

/** Writes the project; returns its directory. Build it with `astro build` and `pagefind --site dist` inside it. */
export function writeBareProject(directory: string, pages: readonly BarePage[], nodeModules: string): string {
  mkdirSync(join(directory, 'src', 'pages'), { recursive: true });
  writeFileSync(join(directory, 'package.json'), `${JSON.stringify({ name: 'atlas-bare-baseline', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(directory, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  writeFileSync(join(directory, 'pages.json'), JSON.stringify(pages));
  writeFileSync(join(directory, 'src', 'pages', '[...path].astro'), page);
  symlinkSync(nodeModules, join(directory, 'node_modules'), 'dir');
  return directory;
}

/**
 * /downloads/sources/NAME.txt: each plan's source as published. Text (and a saved
 * page's markup, as NAME.html.txt) is re-encoded as UTF-8 with a byte-order mark,
 * because static hosts rarely send a charset for .txt and a browser would otherwise
 * guess wrong on Chinese; a PDF, Word, WPS or OFD file is served byte for byte. The
 * plan's page shows the SHA-256 of the original bytes.
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { decodeSource } from '../../../model/source-text.ts';
import { sourceDownloadPath, sourceFormat } from '../../../site/atlas-model.ts';
import { atlas } from '../../../site/atlas.ts';
import { pageKeys } from '../../../site/page-keys.ts';
import { pagesToRender } from '../../../model/unchanged-pages.ts';

export const getStaticPaths = (async () => {
  const { plans } = await atlas();
  const pages = plans.map((plan) => {
    const file = sourceDownloadPath(plan).split('/').at(-1) as string;
    return { params: { file }, props: { sourceFile: plan.sourceFile, binary: sourceFormat(plan).binary }, file: `downloads/sources/${file}`, key: pageKeys.source(plan) };
  });
  // A rebuild writes again only the sources whose bytes changed (src/model/unchanged-pages.ts).
  return pagesToRender('source-downloads', pages);
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { sourceFile, binary } = props as { sourceFile: string; binary: boolean };
  if (binary) return new Response(new Uint8Array(readFileSync(sourceFile)));
  const { text } = decodeSource(readFileSync(sourceFile));
  return new Response(`\uFEFF${text.replace(/^\uFEFF/u, '')}`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

/**
 * Runs searches in Chromium against a built index, for the quality suite and the
 * benchmark: a static server over the site, a blank zh-CN page at the base path,
 * and the query module (src/model/search/*.ts, types stripped) served beside it so
 * the browser runs exactly the code the search page bundles.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { stripTypeScriptTypes } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from '../browser/chromium.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

export { chromiumPath };

/** The module path the page imports the query code from. */
export const queryModulePath = '__search/query.ts';

const blankPage = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>search</title></head><body></body></html>';

export function serve(siteDir: string, base: string): Promise<Server> {
  // The search modules the site's page runs live in the shared layer; the harness serves them to the page as they are.
  const moduleDir = new URL('../../src/model/search/', import.meta.url).pathname;
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!path.startsWith(base)) {
      response.writeHead(404).end();
      return;
    }
    const local = path.slice(base.length);
    if (local === '__search/') {
      response.writeHead(200, { 'content-type': types['.html']! }).end(blankPage);
      return;
    }
    if (local.startsWith('__search/') && local.endsWith('.ts')) {
      const file = join(moduleDir, normalize(local.slice('__search/'.length)));
      if (!file.startsWith(moduleDir) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': types['.js']! }).end(stripTypeScriptTypes(readFileSync(file, 'utf8')));
      return;
    }
    let file = join(siteDir, normalize(local));
    if (!file.startsWith(siteDir)) {
      response.writeHead(404).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Source of an async expression run in the page that imports `url` as `module`.
 * A string, not a function: test runners rewrite `import()` inside functions.
 */
export function browserImport(url: string, body: string): string {
  return `(async () => { const module = await import(${JSON.stringify(url)}); ${body} })()`;
}

export interface SearchPage {
  page: Page;
  origin: string;
  close: () => Promise<void>;
}

/** Opens the blank page at `${base}__search/` over `siteDir`, with Pagefind initialised as `window.pagefind`, its shards merged. */
export async function openSearchPage(siteDir: string, base: string, context?: Pick<BrowserContext, 'newPage'>): Promise<SearchPage> {
  const server = await serve(normalize(siteDir), base);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const own = context === undefined ? await launchChromium() : null;
  const page = await (context ?? (own as NonNullable<typeof own>).context).newPage();
  await page.goto(`${origin}${base}__search/`);
  // The shards of the index merged as the search page merges them (shards.ts).
  const merge = `const shards = await import(${JSON.stringify(`${base}__search/shards.ts`)}); await shards.mergeShards(module, ${JSON.stringify(`${base}pagefind/`)});`;
  await page.evaluate(browserImport(`${base}pagefind/pagefind.js`, `await module.init(); ${merge} globalThis.pagefind = module;`));
  return {
    page,
    origin,
    close: async () => {
      await page.close();
      await own?.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

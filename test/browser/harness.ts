/**
 * The browser harness: Debian's Chromium driven by playwright-core, a static file
 * server of our own over a built site, and page guards that fail a test when a page
 * reaches for another host or logs an error — the site must work offline, from any
 * static host, under any base path.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumFlags, chromiumPath, launchChromium, requireChromium, type Chromium } from '../../scripts/browser/chromium.ts';
import { normalizeBase } from '../../src/model/deploy.ts';

export { chromiumFlags, chromiumPath, launchChromium, requireChromium, type Chromium };

/** Normalises a base path to `/` or `/segment/…/`, as the site does. */
export const basePath = normalizeBase;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The base path the site is served under, `/` or `/atlas/`. */
  base: string;
  /** Absolute URL of a site-relative path (`/shandong/` → `http://127.0.0.1:PORT/atlas/shandong/`). */
  url: (sitePath: string) => string;
  close: () => Promise<void>;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * Serves `dir` under `base` on 127.0.0.1 the way common static hosts do: a folder
 * answers with its index.html, a folder without its trailing slash is redirected to
 * it, and anything missing gets the site's 404.html with status 404.
 */
export async function serveSite(dir: string, base = '/'): Promise<StaticServer> {
  const root = resolve(dir);
  const prefix = basePath(base);
  const notFound = join(root, '404.html');
  const server: Server = createServer((request, response) => {
    void (async () => {
      const method = request.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const send = async (status: number, file: string | null, headers: Record<string, string> = {}) => {
        const body = file === null ? Buffer.from(`${status}\n`) : await readFile(file);
        response.writeHead(status, {
          'content-type': file === null ? 'text/plain; charset=utf-8' : contentType(file),
          'content-length': String(body.length),
          'cache-control': 'no-store',
          ...headers,
        });
        response.end(method === 'HEAD' ? undefined : body);
      };
      const missing = () => send(404, isFile(notFound) ? notFound : null);
      let path: string;
      try {
        path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      } catch {
        await send(400, null);
        return;
      }
      if (!path.startsWith(prefix)) {
        // `/atlas` without its slash is the site's root, as on any host.
        if (`${path}/` === prefix) await send(301, null, { location: prefix });
        else await missing();
        return;
      }
      const local = resolve(root, `.${sep}${path.slice(prefix.length)}`);
      if (local !== root && !local.startsWith(root + sep)) {
        await missing();
        return;
      }
      if (isDirectory(local)) {
        if (!path.endsWith('/')) {
          await send(301, null, { location: `${path}/` });
          return;
        }
        const index = join(local, 'index.html');
        if (isFile(index)) await send(200, index);
        else await missing();
        return;
      }
      if (isFile(local)) await send(200, local);
      else await missing();
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    base: prefix,
    url: (sitePath: string) => `${origin}${prefix}${sitePath.replace(/^\//, '')}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}


/**
 * Records everything a page must never do: a request to any host but 127.0.0.1
 * (aborted as well, so nothing leaves the machine), a console error, an uncaught
 * exception. Tests read `problems` after each test and expect it empty.
 */
export class PageGuard {
  readonly problems: string[] = [];
  /** Console errors matching one of these are expected by the running test (e.g. a 404 page's own status). */
  private allowed: RegExp[] = [];

  allowConsoleError(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  reset(): string[] {
    const found = this.problems.splice(0);
    this.allowed = [];
    return found;
  }

  async install(context: BrowserContext): Promise<void> {
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1') {
        this.problems.push(`request to another host: ${route.request().method()} ${url.href}`);
        await route.abort('blockedbyclient');
        return;
      }
      await route.continue();
    });
  }

  watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (this.allowed.some((pattern) => pattern.test(text))) return;
      const where = message.location().url;
      this.problems.push(`console error on ${page.url()}: ${text}${where === '' ? '' : ` (${where})`}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
  }
}

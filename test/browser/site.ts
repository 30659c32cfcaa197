/**
 * `useSite(kind)` sets up a test file's browser visit over a test build: the site
 * built (once per run), served on 127.0.0.1 under its base path, Chromium on a fresh
 * profile, and after every test an assertion that no page requested another host or
 * logged an error.
 */
import type { BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { loadPlans } from '../../src/model/plan-files.ts';
import type { Plan } from '../../src/model/plan.ts';
import { builtSite, type BuiltSite, type SiteKind } from './build.ts';
import { launchChromium, PageGuard, serveSite, type Chromium, type StaticServer } from './harness.ts';

export interface SiteVisit {
  readonly site: BuiltSite;
  readonly server: StaticServer;
  readonly context: BrowserContext;
  readonly guard: PageGuard;
  /** The plans the build ingested, in id order. */
  readonly plans: Plan[];
  /** A new guarded page. */
  newPage: () => Promise<Page>;
  /** A new guarded page at a site-relative path; fails unless it answers 200. */
  open: (sitePath: string) => Promise<Page>;
  /** The path of a page URL relative to the site (base removed), e.g. `/shandong/`. */
  sitePath: (url: string) => string;
  /** The href a page of this build uses for a site-relative path (`/shandong/` → `/atlas/shandong/`). */
  href: (sitePath: string) => string;
}

export function useSite(kind: SiteKind): SiteVisit {
  let site: BuiltSite | undefined;
  let server: StaticServer | undefined;
  let chromium: Chromium | undefined;
  let plans: Plan[] = [];
  const guard = new PageGuard();
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: the beforeAll of useSite() failed`);
    return value;
  };

  beforeAll(async () => {
    site = await builtSite(kind);
    plans = loadPlans(site.content);
    server = await serveSite(site.dist, site.base);
    chromium = await launchChromium();
    await guard.install(chromium.context);
  });

  afterEach(async () => {
    const pages = chromium?.context.pages() ?? [];
    // Let late console messages (e.g. from a click's navigation) arrive before judging.
    await Promise.all(pages.map((page) => page.waitForLoadState('load', { timeout: 5_000 }).catch(() => undefined)));
    await Promise.all(pages.map((page) => page.close().catch(() => undefined)));
    expect(guard.reset(), 'requests to other hosts, console errors or uncaught exceptions').toEqual([]);
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  const visit: SiteVisit = {
    get site() {
      return need(site, 'the build');
    },
    get server() {
      return need(server, 'the server');
    },
    get context() {
      return need(chromium, 'Chromium').context;
    },
    guard,
    get plans() {
      return plans;
    },
    newPage: async () => {
      const page = await visit.context.newPage();
      guard.watch(page);
      return page;
    },
    open: async (sitePath: string) => {
      const page = await visit.newPage();
      const response: Response | null = await page.goto(visit.server.url(sitePath));
      expect(response?.status(), `status of ${sitePath}`).toBe(200);
      return page;
    },
    sitePath: (url: string) => {
      const { pathname } = new URL(url);
      const base = visit.server.base;
      if (!pathname.startsWith(base)) throw new Error(`${url} is outside the base path ${base}`);
      return `/${pathname.slice(base.length)}`;
    },
    href: (sitePath: string) => `${visit.server.base}${sitePath.replace(/^\//, '')}`,
  };
  return visit;
}

/** Every file of the built sitemap, joined: the index at /sitemap.xml and each file it names. */
export async function sitemapText(visit: SiteVisit): Promise<string> {
  const index = await (await fetch(visit.server.url('/sitemap.xml'))).text();
  const files = [...index.matchAll(/<sitemap><loc>([^<]+)<\/loc><\/sitemap>/gu)].map((match) => new URL(match[1]!).pathname);
  expect(files.length, 'files named by the sitemap index').toBeGreaterThan(0);
  const texts = await Promise.all(files.map(async (path) => (await fetch(`${visit.server.origin}${path}`)).text()));
  return texts.join('\n');
}

/**
 * What a user downloads from the built site rather than reads: the data files,
 * the feed and the machine-readable citation, fetched from the served build
 * (root and /atlas/); and `npm run preview`, which serves dist/ as the README says.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemsOf, planSchema } from '../../src/model/plan.ts';
import { findLedger, ledgerUrls } from './content.ts';
import { useSite, type SiteVisit } from './site.ts';

async function download(visit: SiteVisit, sitePath: string): Promise<{ type: string; bytes: Buffer }> {
  const response = await fetch(visit.server.url(sitePath));
  expect(response.status, sitePath).toBe(200);
  return { type: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Splits RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') (field += '"'), (index += 1);
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') (row.push(field), (field = ''));
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      (row = []), (field = '');
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe.each(['root', 'atlas'] as const)('published files (%s build)', (kind) => {
  const visit = useSite(kind);
  const absolute = (sitePath: string) => new URL(visit.href(sitePath), visit.site.siteUrl).href;

  it('all items as CSV that Excel opens as UTF-8: BOM, one row per item, stable item URLs', async () => {
    const { bytes } = await download(visit, '/downloads/items.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    const items = visit.plans.flatMap((plan) => [...itemsOf(plan.sections)]);
    expect(rows).toHaveLength(items.length);
    const urlColumn = header?.indexOf('item_url') ?? -1;
    const textColumn = header?.indexOf('text') ?? -1;
    expect(new Set(rows.map((row) => row[urlColumn]))).toEqual(new Set(items.map((item) => absolute(item.url))));
    const first = items[0];
    expect(rows.find((row) => row[urlColumn] === absolute(first?.url ?? ''))?.[textColumn]).toBe(first?.text);
  });

  it('all items as JSON, and each plan as JSON in the model', async () => {
    const items = JSON.parse((await download(visit, '/downloads/items.json')).bytes.toString('utf8')) as unknown[];
    expect(items).toHaveLength(visit.plans.reduce((sum, plan) => sum + [...itemsOf(plan.sections)].length, 0));
    for (const plan of visit.plans) {
      const published = planSchema.parse(JSON.parse((await download(visit, `${plan.url}plan.json`)).bytes.toString('utf8')));
      expect(published).toEqual(plan);
    }
  });

  it("each plan's page gives its JSON, its source and the SHA-256 of the source as published; /downloads/ points there", async () => {
    for (const [index, plan] of visit.plans.entries()) {
      const page = await visit.open(plan.url);
      // At 1280 px and on a 390 px phone (where the plan's facts are folded, and open at a tap), by turns.
      if (index % 2 === 1) {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.reload();
        await page.locator('.meta-panel > summary').click();
      }
      const shown = (await page.locator('.checksum').innerText()).trim();
      expect(shown).toBe(createHash('sha256').update(readFileSync(join(visit.site.tree, plan.sourceFile))).digest('hex'));
      const links = await page.$$eval('main a', (found) => found.map((link) => (link as HTMLAnchorElement).getAttribute('href')));
      expect(links).toContain(visit.href(`${plan.url}plan.json`));
      expect(links).toContain(visit.href(`${plan.url}source.txt`));
      // The bundled texts record no page they came from: the page says so rather than invent one.
      expect(plan.sourceUrl).toBeNull();
      expect((await page.locator('.source-url').innerText()).trim()).toBe('原发布网页未知');
      await page.close();
    }
    const ledger = ledgerUrls(findLedger(visit.site.tree));
    for (const plan of visit.plans) {
      // Its source at a URL made of the plan's identity, promised by the ledger, the bytes as published read as UTF-8.
      const source = await download(visit, `${plan.url}source.txt`);
      expect(ledger).toContain(`${plan.url}source.txt`);
      const original = readFileSync(join(visit.site.tree, plan.sourceFile), 'utf8').replace(/^\uFEFF/u, '');
      expect(source.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(source.bytes.subarray(3).toString('utf8')).toBe(original);
      // Where the first builds offered it, the same bytes still, for citations made then (the bundled plans).
      const former = `/downloads/sources/${plan.sourceFile.split('/').at(-1)}`;
      if (ledger.includes(former)) expect((await download(visit, former)).bytes).toEqual(source.bytes);
    }
    expect(ledger.filter((url) => url.startsWith('/downloads/sources/')).length).toBeGreaterThanOrEqual(5);
    const downloads = await visit.open('/downloads/');
    // No table of every plan: it grew with the atlas (320 KB at 1,000 plans); the plans list leads to each.
    expect(await downloads.locator('table').count()).toBe(0);
    expect(await downloads.locator(`main a[href="${visit.href('/plans/')}"]`).count()).toBeGreaterThan(0);
  });

  it('an Atom feed with one entry per plan, linking to the plan under the base', async () => {
    const feed = (await download(visit, '/feed.xml')).bytes.toString('utf8');
    expect(feed.startsWith('<?xml')).toBe(true);
    expect(feed.match(/<entry>/gu)).toHaveLength(visit.plans.length);
    for (const plan of visit.plans) expect(feed).toContain(`href="${absolute(plan.url)}"`);
  });

  it('an item page carries JSON-LD, a canonical URL and the same URL for OpenGraph', async () => {
    const item = [...itemsOf(visit.plans[0]?.sections ?? [])][0];
    const page = await visit.open(item?.url ?? '/');
    const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
    expect(canonical).toBe(absolute(item?.url ?? ''));
    expect(await page.getAttribute('meta[property="og:url"]', 'content')).toBe(canonical);
    // The item's opening words describe it once: previews read the description when og: has none.
    expect(item?.text.startsWith((await page.getAttribute('meta[name="description"]', 'content')) ?? '\0')).toBe(true);
    expect(await page.locator('meta[property="og:description"], meta[name^="twitter:description"]').count()).toBe(0);
    const jsonLd = await page.$$eval('script[type="application/ld+json"]', (scripts) => scripts.map((script) => script.textContent ?? ''));
    expect(jsonLd.length).toBeGreaterThan(0);
    const data = jsonLd.flatMap((text) => [JSON.parse(text)].flat()) as Array<Record<string, unknown>>;
    expect(data.some((entry) => entry['url'] === canonical || JSON.stringify(entry).includes(canonical ?? '\0'))).toBe(true);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('npm run preview', () => {
  const visit = useSite('atlas');

  it('serves the built dist/ on 127.0.0.1 under the base it was built with', async () => {
    const port = await freePort();
    const preview = spawn('npm', ['run', 'preview', '--', '--port', String(port)], {
      cwd: visit.site.tree,
      env: { ...process.env, BASE_PATH: visit.site.base },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    try {
      const plan = visit.plans[0];
      const url = `http://127.0.0.1:${port}${visit.href(plan?.url ?? '/')}`;
      let response: Response | null = null;
      for (let attempt = 0; attempt < 100 && response === null; attempt += 1) {
        response = await fetch(url).catch(async () => {
          await new Promise((resolve) => setTimeout(resolve, 200));
          return null;
        });
      }
      expect(response?.status).toBe(200);
      expect(await response?.text()).toContain(plan?.title ?? '\0');
    } finally {
      if (preview.pid !== undefined) process.kill(-preview.pid, 'SIGTERM');
    }
  }, 60_000);
});

/**
 * Debian's Chromium, launched the one way this project allows: exactly these
 * switches (no background networking, no component updates, no sync: nothing
 * may leave the machine) on a fresh temporary profile. Shared by the browser
 * tests, the search-quality suite and the benchmarks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Exactly the switches we launch with (plus the profile dir and Playwright's pipe). */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Throws, never skips: a run without a browser must not pass as green. */
export function requireChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Browser tests need Debian's Chromium: ` +
        'run `apt-get update && apt-get install -y chromium` (as root), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
}

export interface Chromium {
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * Throws, never skips: without a font that covers Chinese every Han character is
 * drawn as a box, and layout and screenshots mean nothing. Asks fontconfig, which
 * Chromium itself uses to find fonts.
 */
export function requireCjkFont(env: NodeJS.ProcessEnv = process.env): void {
  const listed = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', env });
  if (listed.error) {
    throw new Error(`fc-list could not run (${listed.error.message}): browser tests need fontconfig and a CJK font; run \`apt-get install -y fontconfig fonts-noto-cjk\` (as root)`);
  }
  if (listed.stdout.trim() === '') {
    throw new Error('No font covers Chinese (fc-list :lang=zh lists none), so Chromium would draw every Han character as a box: run `apt-get install -y fonts-noto-cjk` (as root), or install another CJK font');
  }
}

/**
 * Launches Chromium with exactly our switches on a fresh temporary profile
 * (`ignoreDefaultArgs: true` drops Playwright's own switches; it still needs its
 * debugging pipe and the profile dir passed explicitly).
 */
export async function launchChromium(): Promise<Chromium> {
  requireChromium();
  requireCjkFont();
  const profile = mkdtempSync(join(tmpdir(), 'atlas-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    ignoreDefaultArgs: true,
    args: [...chromiumFlags, `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

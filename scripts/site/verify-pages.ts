/**
 * The check verify-site runs on each page, over a list of pages: pure apart from
 * reading the built files, so the CLI can split the list between worker threads.
 *
 * The check is a function of the page's bytes and the text it must show only, so
 * a page whose bytes and text passed before (by the same check code) passes again
 * without being parsed: a rebuild after one edit keeps nearly every page as it was.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { codeDigest } from '../ingest/output.ts';
import { compareHan, pageHan } from './verify-text.ts';

/** The source of the check itself: a changed check verifies every page again. */
export const checkCode = codeDigest(new URL('./verify-text.ts', import.meta.url), new URL('./verify-pages.ts', import.meta.url));

/** What a pass is remembered by: the check, the text expected and the page's bytes. */
function passKey(expected: string, bytes: Uint8Array): string {
  return createHash('sha256').update(checkCode).update('\0').update(expected).update('\0').update(bytes).digest('base64url');
}

export interface PageToVerify {
  /** The built file, e.g. dist/shandong/taian/2024/index.html. */
  file: string;
  /** The page's URL, for the message when its file is missing. */
  url: string;
  /** The Han characters the page must show, in order. */
  expected: string;
}

export interface PagesVerified {
  /** Pages found and read. */
  pages: number;
  /** One line per page that is missing or does not show its text, in the order given. */
  problems: string[];
  /** The keys of the pages that passed, for the next run. */
  passed: string[];
  /** Pages that passed as they had before, unparsed. */
  known: number;
  /** The files of the pages that are missing or do not show their text. */
  failed: string[];
}

/** Verifies `pages`; those whose key is in `passedBefore` pass unparsed. */
export function verifyPages(pages: readonly PageToVerify[], passedBefore: ReadonlySet<string> = new Set()): PagesVerified {
  const problems: string[] = [];
  const passed: string[] = [];
  const failed: string[] = [];
  let read = 0;
  let known = 0;
  for (const { file, url, expected } of pages) {
    if (!existsSync(file)) {
      problems.push(`${file}: missing: the page for ${url} was not built`);
      failed.push(file);
      continue;
    }
    read += 1;
    const bytes = readFileSync(file);
    const key = passKey(expected, bytes);
    if (passedBefore.has(key)) {
      known += 1;
      passed.push(key);
      continue;
    }
    const found = pageHan(bytes.toString('utf8'));
    if (found === null) {
      problems.push(`${file}: the page marks no document text (data-plan-text)`);
      failed.push(file);
      continue;
    }
    const mismatch = compareHan(expected, found);
    if (mismatch) {
      problems.push(`${file}: after ${mismatch.offset} Han characters the page shows "${mismatch.found}" where the plan has "${mismatch.expected}"`);
      failed.push(file);
      continue;
    }
    passed.push(key);
  }
  return { pages: read, problems, passed, known, failed };
}

/**
 * The check verify-site runs on each page, over a list of pages: pure apart from
 * reading the built files, so the CLI can split the list between worker threads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { compareHan, pageHan } from './verify-text.ts';

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
}

export function verifyPages(pages: readonly PageToVerify[]): PagesVerified {
  const problems: string[] = [];
  let read = 0;
  for (const { file, url, expected } of pages) {
    if (!existsSync(file)) {
      problems.push(`${file}: missing: the page for ${url} was not built`);
      continue;
    }
    read += 1;
    const found = pageHan(readFileSync(file, 'utf8'));
    if (found === null) {
      problems.push(`${file}: the page marks no document text (data-plan-text)`);
      continue;
    }
    const mismatch = compareHan(expected, found);
    if (mismatch) {
      problems.push(`${file}: after ${mismatch.offset} Han characters the page shows "${mismatch.found}" where the plan has "${mismatch.expected}"`);
    }
  }
  return { pages: read, problems };
}

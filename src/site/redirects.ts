/**
 * Redirect pages for moved URLs, from the ledger's "old -> new" lines. The build's
 * ledger step has already failed on any move that leads nowhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { checkLedger, isFileUrl, parseLedger } from '../model/ledger.ts';

export const ledgerPath = 'content/ledger/urls.txt';

/** Every move of the ledger whose target is live: old URL → live URL. */
export function ledgerRedirects(liveUrls: Iterable<string>, path = ledgerPath): Map<string, string> {
  if (!existsSync(path)) return new Map();
  return checkLedger(parseLedger(readFileSync(path, 'utf8')), liveUrls, path).redirects;
}

/** Moved pages, each answered by a page that sends the reader on. */
export function pageRedirects(liveUrls: Iterable<string>, path = ledgerPath): Map<string, string> {
  return new Map([...ledgerRedirects(liveUrls, path)].filter(([from]) => !isFileUrl(from)));
}

/** Moved files, each served again at its old URL (a static host cannot send a file's reader on). */
export function fileRedirects(liveUrls: Iterable<string>, path = ledgerPath): Map<string, string> {
  return new Map([...ledgerRedirects(liveUrls, path)].filter(([from]) => isFileUrl(from)));
}

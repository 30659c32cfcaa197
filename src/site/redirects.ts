/**
 * Redirect pages for moved URLs, from the ledger's "old -> new" lines. The build's
 * ledger step has already failed on any move that leads nowhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { checkLedger, parseLedger } from '../model/ledger.ts';

export const ledgerPath = 'content/ledger/urls.txt';

export function ledgerRedirects(liveUrls: Iterable<string>, path = ledgerPath): Map<string, string> {
  if (!existsSync(path)) return new Map();
  return checkLedger(parseLedger(readFileSync(path, 'utf8')), liveUrls, path).redirects;
}

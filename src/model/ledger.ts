/**
 * The URL ledger: every plan and item URL ever published, so a citation made
 * today still resolves after the parser, a sidecar or a source changes.
 *
 * Format (content/ledger/urls.txt): `#` comments, one site-relative URL per line,
 * and moves as `old -> new`. Pure functions here; scripts/ledger/cli.ts does the I/O.
 */
import { AtlasError } from './errors.ts';
import { compareText } from './order.ts';

export interface Ledger {
  /** Published URLs, sorted, unique. */
  urls: string[];
  /** Old URL → where it moved. */
  moves: Map<string, string>;
}

const ledgerFormatHint = 'each line is a site-relative URL (/shandong/taian/2024/7/) or a move "old -> new"; correct the line, never delete one';

/** A line of the ledger that is not a URL or a move: an AtlasError naming the line. */
function malformedLine(line: number, message: string): AtlasError {
  return new AtlasError('invalid-ledger', message, ledgerFormatHint, line);
}

/** A page (/shandong/taian/2024/7/) or a file beside one (/shandong/taian/2024/source.txt). */
const urlPattern = /^\/(?:[a-z0-9-]+\/)*(?:[a-z0-9][a-z0-9-]*(?:\.[a-z0-9]+)+)?$/u;

/** A file's URL, as against a page's: a moved file is served again at its old URL, not sent on by a page. */
export const isFileUrl = (url: string): boolean => !url.endsWith('/');

export function isLedgerUrl(url: string): boolean {
  return urlPattern.test(url);
}

export function parseLedger(text: string): Ledger {
  const urls = new Set<string>();
  const moves = new Map<string, string>();
  text.split(/\r?\n/u).forEach((raw, index) => {
    const line = raw.trim();
    const lineNumber = index + 1;
    if (line.length === 0 || line.startsWith('#')) return;
    const parts = line.split(/\s*->\s*/u);
    if (parts.length > 2) throw malformedLine(lineNumber, `a move has one "->": ${line}`);
    for (const url of parts) {
      if (!isLedgerUrl(url)) {
        throw malformedLine(lineNumber, `"${url}" is not a site-relative URL such as /shandong/taian/2024/7/ or /shandong/taian/2024/source.txt`);
      }
    }
    if (parts.length === 1) {
      urls.add(parts[0] as string);
      return;
    }
    const [from, to] = parts as [string, string];
    if (from === to) throw malformedLine(lineNumber, `${from} moves to itself`);
    const earlier = moves.get(from);
    if (earlier !== undefined && earlier !== to) {
      throw malformedLine(lineNumber, `${from} already moves to ${earlier}`);
    }
    moves.set(from, to);
  });
  return { urls: [...urls].sort(compareText), moves };
}

const header = [
  '# Plan Atlas URL ledger: every plan, item and source URL the site has published, one per line.',
  '# The build appends new URLs and fails when a URL here no longer resolves.',
  '# If a URL moved, record it below as "old -> new"; the site then serves a redirect page at the old URL',
  '# (a file, such as a source download, is served again there).',
  '# Never delete a line: people have cited these URLs.',
];

export function formatLedger(ledger: Ledger): string {
  const moves = [...ledger.moves.entries()].sort((a, b) => compareText(a[0], b[0]));
  const lines = [...header, '', ...ledger.urls];
  if (moves.length > 0) lines.push('', '# Moves', ...moves.map(([from, to]) => `${from} -> ${to}`));
  return `${lines.join('\n')}\n`;
}

/** Where a URL ends up after following recorded moves, or null if it leads nowhere live. */
export function resolveUrl(url: string, moves: ReadonlyMap<string, string>, live: ReadonlySet<string>): string | null {
  const seen = new Set<string>();
  let current = url;
  while (!live.has(current)) {
    if (seen.has(current)) return null;
    seen.add(current);
    const next = moves.get(current);
    if (next === undefined) return null;
    current = next;
  }
  return current;
}

export interface LedgerProblem {
  url: string;
  error: AtlasError;
}

/** How to fix a URL that no longer resolves: said once, however many URLs. */
export function missingUrlHint(url: string, ledgerPath: string): string {
  return (
    `If a URL moved, record the move by adding a line "old -> new" to ${ledgerPath}, e.g. "${url} -> /its/new/url/"; ` +
    `if its plan was withdrawn, point it at the plan's region page the same way. Never delete a line: people have cited these URLs.`
  );
}

export interface LedgerCheck {
  /** Problems that must fail the build. */
  problems: LedgerProblem[];
  /** Live URLs the ledger does not list yet. */
  added: string[];
  /** Old URL → live URL, for redirect pages. */
  redirects: Map<string, string>;
}

export function checkLedger(ledger: Ledger, liveUrls: Iterable<string>, ledgerPath = 'content/ledger/urls.txt'): LedgerCheck {
  const live = new Set(liveUrls);
  const problems: LedgerProblem[] = [];
  const redirects = new Map<string, string>();
  const known = new Set(ledger.urls);
  for (const url of ledger.urls) {
    if (live.has(url)) continue;
    if (ledger.moves.has(url)) continue;
    problems.push({ url, error: new AtlasError('url-gone', `${url} is in ${ledgerPath} but the site no longer publishes it`, missingUrlHint(url, ledgerPath)) });
  }
  for (const [from, to] of [...ledger.moves.entries()].sort((a, b) => compareText(a[0], b[0]))) {
    known.add(from);
    if (live.has(from)) {
      problems.push({ url: from, error: new AtlasError('move-of-live-url', `${from} is recorded as moved to ${to}, but the site still publishes ${from}`, `remove the move from ${ledgerPath}, or the page`) });
      continue;
    }
    const target = resolveUrl(to, ledger.moves, live);
    if (target === null) {
      problems.push({ url: from, error: new AtlasError('move-to-nowhere', `${from} moves to ${to}, which the site does not publish (nor records a move for)`, `correct the move in ${ledgerPath}`) });
      continue;
    }
    redirects.set(from, target);
  }
  const added = [...live].filter((url) => !known.has(url)).sort(compareText);
  return { problems, added, redirects };
}

/** The ledger after appending new live URLs. Nothing is ever removed. */
export function appendUrls(ledger: Ledger, added: readonly string[]): Ledger {
  return { urls: [...new Set([...ledger.urls, ...added])].sort(compareText), moves: new Map(ledger.moves) };
}

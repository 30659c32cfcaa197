import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../src/model/errors.ts';
import { appendUrls, checkLedger, isFileUrl, formatLedger, missingUrlHint, parseLedger, resolveUrl } from '../../src/model/ledger.ts';

describe('parseLedger', () => {
  it('reads URLs and moves, skipping comments and blank lines', () => {
    const ledger = parseLedger('# comment\n\n/b/2024/\n/a/2024/1/\n/a/2024/1/\n/old/ -> /b/2024/\n');
    expect(ledger.urls).toEqual(['/a/2024/1/', '/b/2024/']);
    expect([...ledger.moves]).toEqual([['/old/', '/b/2024/']]);
  });

  it('rejects what is not a site-relative URL, naming the line', () => {
    const lineOf = (text: string): unknown => {
      try {
        parseLedger(text);
      } catch (error) {
        return error instanceof AtlasError ? [error.code, error.line] : error;
      }
      return null;
    };
    expect(lineOf('/a/\nhttps://x.org/a/\n')).toEqual(['invalid-ledger', 2]);
    expect(lineOf('/a/2024\n')).toEqual(['invalid-ledger', 1]);
    expect(() => parseLedger('/a/ -> /b/ -> /c/\n')).toThrow(/one "->"/u);
    expect(() => parseLedger('/a/ -> /a/\n')).toThrow(/itself/u);
    expect(() => parseLedger('/a/ -> /b/\n/a/ -> /c/\n')).toThrow(/already moves/u);
  });
});

describe('formatLedger', () => {
  it('round-trips, sorted, with moves after the URLs', () => {
    const text = formatLedger({ urls: ['/a/', '/b/'], moves: new Map([['/z/', '/a/'], ['/y/', '/b/']]) });
    expect(text.indexOf('/y/ -> /b/')).toBeLessThan(text.indexOf('/z/ -> /a/'));
    expect(text.indexOf('\n/b/\n')).toBeLessThan(text.indexOf('/y/ -> /b/'));
    const again = parseLedger(text);
    expect(formatLedger(again)).toBe(text);
  });
});

describe('resolveUrl', () => {
  it('follows chains of moves to a live URL and gives up on cycles and dead ends', () => {
    const moves = new Map([['/a/', '/b/'], ['/b/', '/c/'], ['/x/', '/y/'], ['/y/', '/x/'], ['/d/', '/gone/']]);
    const live = new Set(['/c/']);
    expect(resolveUrl('/a/', moves, live)).toBe('/c/');
    expect(resolveUrl('/x/', moves, live)).toBeNull();
    expect(resolveUrl('/d/', moves, live)).toBeNull();
  });
});

describe('files in the ledger', () => {
  it('reads a file beside a page, and a file that moved', () => {
    const ledger = parseLedger('/a/2024/source.txt\n/downloads/sources/a-2024.txt -> /a/2024/source.txt\n');
    expect(ledger.urls).toEqual(['/a/2024/source.txt']);
    const result = checkLedger(ledger, ['/a/2024/source.txt']);
    expect(result.problems).toEqual([]);
    expect([...result.redirects]).toEqual([['/downloads/sources/a-2024.txt', '/a/2024/source.txt']]);
    expect(isFileUrl('/a/2024/source.txt')).toBe(true);
    expect(isFileUrl('/a/2024/')).toBe(false);
  });
});

describe('checkLedger', () => {
  it('passes when every ledger URL is live, and lists new live URLs', () => {
    const result = checkLedger(parseLedger('/a/\n'), ['/a/', '/b/', '/a/1/']);
    expect(result.problems).toEqual([]);
    expect(result.added).toEqual(['/a/1/', '/b/']);
  });

  it('fails on a ledger URL that no longer resolves, naming it and how to record a move', () => {
    const result = checkLedger(parseLedger('/shandong/taian/2024/7/\n'), ['/shandong/taian/2024/'], 'content/ledger/urls.txt');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.url).toBe('/shandong/taian/2024/7/');
    expect(result.problems[0]!.error.message).toBe('/shandong/taian/2024/7/ is in content/ledger/urls.txt but the site no longer publishes it');
    expect(missingUrlHint('/shandong/taian/2024/7/', 'content/ledger/urls.txt')).toContain('"/shandong/taian/2024/7/ -> /its/new/url/"');
    expect(result.problems[0]!.error.hint).toContain('"/shandong/taian/2024/7/ -> /its/new/url/"');
  });

  it('turns a recorded move into a redirect to its live end', () => {
    const result = checkLedger(parseLedger('/old/\n/old/ -> /mid/\n/mid/ -> /new/\n'), ['/new/']);
    expect(result.problems).toEqual([]);
    expect([...result.redirects]).toEqual([['/mid/', '/new/'], ['/old/', '/new/']]);
    expect(result.added).toEqual(['/new/']);
  });

  it('fails on a move that leads nowhere live or whose old URL is still published', () => {
    expect(checkLedger(parseLedger('/old/ -> /nowhere/\n'), ['/new/']).problems.map((p) => p.url)).toEqual(['/old/']);
    expect(checkLedger(parseLedger('/old/ -> /new/\n'), ['/old/', '/new/']).problems[0]!.error.message).toContain('still publishes');
  });
});

describe('appendUrls', () => {
  it('only ever adds', () => {
    const ledger = appendUrls({ urls: ['/b/', '/gone/'], moves: new Map([['/gone/', '/b/']]) }, ['/a/']);
    expect(ledger.urls).toEqual(['/a/', '/b/', '/gone/']);
    expect([...ledger.moves]).toEqual([['/gone/', '/b/']]);
  });
});

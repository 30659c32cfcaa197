/**
 * One error type: every failure a stage reports to an editor is an AtlasError
 * (code, message, hint, location) from src/model/errors.ts, printed by formatError.
 * A plain Error is allowed only where it can never reach an editor as such: an
 * invariant (a bug), code the browser runs, the benchmark and test harnesses, and
 * parsers whose errors their callers catch and wrap.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtlasError, formatError, formatWarning } from '../src/model/errors.ts';

const root = join(import.meta.dirname, '..');

/** Where a plain Error is right, and why. */
const plainErrorsAllowed: Record<string, string> = {
  'scripts/extract/word.ts': 'the compound-file reader; extractWord catches its errors and reports unreadable-word',
  'scripts/extract/xml.ts': 'the XML reader; the Word and OFD extractors catch its errors and report the file as unreadable',
  'scripts/ingest/structure.ts': 'an invariant: item keys are unique by construction',
  'scripts/build/site-folder.ts': 'caught by npm run build, which reports it with the machine hints',
  'scripts/build/lock.ts': 'caught by npm run build, which reports it with the machine hints',
  'scripts/browser/chromium.ts': 'the browser tests and the bench, not a build stage',
  'scripts/cli/bench.ts': 'the benchmark',
  'src/model/search/shards.ts': 'an invariant of the index writer, and a fetch the search page reports itself',
  'src/components/views/ItemView.astro': 'an invariant: every item route has its item',
  'src/components/views/RegionView.astro': 'an invariant: every region route has its region',
  'src/site/plans-loader.ts': "Astro's content loader, which prints the file and the hint it is given",
};

function filesThrowingPlainErrors(): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'scripts', 'src'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((file) => /\.(?:ts|astro)$/u.test(file) && !file.startsWith('scripts/bench/') && !file.startsWith('src/client/'));
  return files.filter((file) => /throw new Error\(/u.test(readFileSync(join(root, file), 'utf8')));
}

describe('one error type', () => {
  it('every stage reports through AtlasError, but where a plain Error is allowed for a stated reason', () => {
    const unexpected = filesThrowingPlainErrors().filter((file) => !(file in plainErrorsAllowed));
    expect(unexpected, 'throw an AtlasError (src/model/errors.ts) with a code and a hint instead').toEqual([]);
  });

  it('words every hint through formatError: no stage writes "hint:" itself', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'scripts', 'src'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((file) => /\.(?:ts|astro)$/u.test(file) && file !== 'src/model/errors.ts');
    // A template or string literal that prints a hint line, e.g. `…\n  hint: run npm run ingest`.
    const handWritten = files.filter((file) => /(?:\\n|['`"])\s*hint: /u.test(readFileSync(join(root, file), 'utf8')));
    expect(handWritten, 'give the problem as an AtlasError with a hint and print it with formatError').toEqual([]);
  });

  it('prints code, location, message and hint, the same way for every stage', () => {
    const error = new AtlasError('invalid-file', 'x is listed twice', 'keep one entry per term', 12);
    error.file = 'content/taxonomy/policy-terms.yaml';
    expect(formatError(error)).toBe('content/taxonomy/policy-terms.yaml:12: error [invalid-file] x is listed twice\n  hint: keep one entry per term');
    expect(formatError(new AtlasError('invalid-setting', 'GATHERING_PAGE_PLANS="x" is not a whole number ≥ 1', 'leave it unset'))).toBe(
      'error [invalid-setting] GATHERING_PAGE_PLANS="x" is not a whole number ≥ 1\n  hint: leave it unset',
    );
    expect(formatError(new Error('ENOSPC: no space left on device'))).toBe('error ENOSPC: no space left on device');
    expect(formatWarning(error)).toBe('content/taxonomy/policy-terms.yaml:12: warning [invalid-file] x is listed twice\n  hint: keep one entry per term');
    expect(formatWarning(new AtlasError('no-site-url', 'SITE_URL is not set', 'set it'))).toBe('warning [no-site-url] SITE_URL is not set\n  hint: set it');
  });
});

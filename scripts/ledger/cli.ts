/**
 * node scripts/ledger/cli.ts [--check] [--ledger FILE] [--plans DIR] [--cache DIR]
 *
 * Run by `npm run build` after ingest: appends newly published plan and item URLs
 * to the ledger, and exits non-zero naming every ledger URL that no longer
 * resolves and has no recorded move. --check reports without writing the ledger.
 * The URLs of a plan file unchanged since the last run come from --cache
 * (.cache/ledger), so a rebuild after one edit parses one plan.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appendUrls, checkLedger, formatLedger, parseLedger, type Ledger } from '../../src/model/ledger.ts';
import { AtlasError, formatError } from '../../src/model/errors.ts';
import { liveUrls } from './plans.ts';

/** Enough problems to see the pattern; a whole plan gone would otherwise print hundreds of lines. */
const shownProblems = 20;

/** The ledger file, its errors naming it. */
function readLedger(path: string): Ledger {
  try {
    return parseLedger(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof AtlasError) error.file ??= path;
    throw error;
  }
}

function main(): number {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      ledger: { type: 'string', default: 'content/ledger/urls.txt' },
      plans: { type: 'string', default: 'content/plans' },
      cache: { type: 'string', default: '.cache/ledger' },
    },
  });
  const ledgerPath = values.ledger;
  if (!existsSync(values.plans)) {
    console.error(`ledger: ${formatError(new AtlasError('no-plans', `${values.plans} does not exist`, 'run npm run ingest first'))}`);
    return 1;
  }
  const ledger: Ledger = existsSync(ledgerPath) ? readLedger(ledgerPath) : { urls: [], moves: new Map() };
  const live = liveUrls(values.plans, join(values.cache, 'urls.json'));
  const result = checkLedger(ledger, live.urls, ledgerPath);
  for (const problem of result.problems.slice(0, shownProblems)) console.error(`ledger: ${formatError(problem.error)}`);
  if (result.problems.length > shownProblems) console.error(`ledger: … and ${result.problems.length - shownProblems} more`);
  if (result.added.length > 0) {
    if (values.check) {
      console.log(`ledger: ${result.added.length} new URLs not yet in ${ledgerPath} (run without --check to append), e.g. ${result.added[0]}`);
    } else {
      writeFileSync(ledgerPath, formatLedger(appendUrls(ledger, result.added)));
      console.log(`ledger: appended ${result.added.length} new URLs to ${ledgerPath}; commit it with the plans' sources`);
    }
  }
  const total = ledger.urls.length + (values.check ? 0 : result.added.length);
  const reused = live.read < live.plans ? ` (${live.read} of ${live.plans} plan files read; the others are the same files as when last read)` : '';
  console.log(`ledger: ${total} URLs, ${result.redirects.size} moves, ${result.problems.length} problems${reused}`);
  return result.problems.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`ledger: ${formatError(error)}`);
  process.exitCode = 1;
}

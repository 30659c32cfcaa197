/**
 * node scripts/bench/search-quality.ts [--content content] [--queries test/search/queries.yaml] [--mode atlas,stock,rerank] [--json]
 *
 * Search quality in Chromium against freshly built indexes of the content, per
 * query set: recall, R-precision and MRR against what Ctrl+F finds (the items whose
 * text contains every term). Modes:
 *   atlas   our index (character-bigram tokens) and our query module — what the site ships
 *   stock   stock Pagefind: the plain text indexed and queried by Pagefind alone
 *   rerank  stock Pagefind, then the results containing the query moved first
 * A term's synonyms (content/enrichment/vocabulary.json) count as the term, for what
 * is relevant and for the atlas's query. Past the exact words, the suggestions a
 * typo or a query in pinyin gets are scored against the word meant: offered first,
 * or among the five offered.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../browser/chromium.ts';
import { parse } from 'yaml';
import { z } from 'zod';
import { writeSearchIndex } from '../search/build-index.ts';
import { browserImport, openSearchPage, queryModulePath, type SearchPage } from './search-browser.ts';
import { loadPlans } from '../../src/model/plan-files.ts';
import { itemTexts, relevantItems, scoreRanking, summarize, type QueryScore, type Summary } from './search-metrics.ts';
import { suggestions, synonymIndex } from '../../src/model/search/suggest.ts';
import type { Vocabulary } from '../../src/model/enrichment.ts';
import { readVocabulary } from '../../src/model/vocabulary.ts';

export const modes = ['atlas', 'stock', 'rerank'] as const;
export type Mode = (typeof modes)[number];

const querySet = z.object({ name: z.string(), queries: z.array(z.string().min(1)) });
export const queriesFile = z.object({
  sets: z.array(querySet),
  /** Hand-checked: for each query, item URLs that must come before any item not containing all terms. */
  expectations: z
    .array(z.object({ query: z.string(), first: z.array(z.string()), note: z.string().optional() }))
    .default([]),
  /** Past the exact words: a query nothing contains as typed (a typo) or typed in pinyin, and the word it means. */
  suggestions: z.array(z.object({ query: z.string().min(1), means: z.string().min(1), kind: z.enum(['typo', 'pinyin']) })).default([]),
});
export type QueriesFile = z.infer<typeof queriesFile>;

export function loadQueries(path: string): QueriesFile {
  return queriesFile.parse(parse(readFileSync(path, 'utf8')));
}

export interface Ranked {
  url: string;
  type: string;
}

/** Ranked records for one query in the page, item or plan, URLs with base. */
export async function rankedInBrowser(searchPage: SearchPage, mode: Mode, query: string, base: string, synonyms: ReadonlyMap<string, readonly string[]> = new Map()): Promise<Ranked[]> {
  const body = `
    const pagefind = globalThis.pagefind;
    const query = ${JSON.stringify(query)};
    const mode = ${JSON.stringify(mode)};
    const synonyms = new Map(${JSON.stringify([...synonyms])});
    let fragments;
    if (mode === 'atlas') {
      const outcome = await module.search(pagefind, query, { synonyms });
      fragments = await Promise.all(outcome.hits.map((hit) => hit.data()));
    } else {
      const response = await pagefind.search(query);
      fragments = await Promise.all(response.results.map((result) => result.data()));
    }
    const ranked = fragments.map((f) => ({ url: f.url, type: f.meta.type ?? '', text: (f.meta.text ?? '').toLowerCase() }));
    if (mode === 'rerank') {
      const terms = query.toLowerCase().split(/\\s+/).filter((t) => t.length > 0);
      const hasAll = (text) => terms.every((term) => text.includes(term));
      return [...ranked.filter((r) => hasAll(r.text)), ...ranked.filter((r) => !hasAll(r.text))].map(({ url, type }) => ({ url, type }));
    }
    return ranked.map(({ url, type }) => ({ url, type }));`;
  return searchPage.page.evaluate(browserImport(`${base}${queryModulePath}`, body)) as Promise<Ranked[]>;
}

export interface SetReport {
  name: string;
  summary: Summary;
  perQuery: { query: string; score: QueryScore }[];
}

export interface QualityReport {
  mode: Mode;
  sets: SetReport[];
  all: Summary;
  expectations: { query: string; missing: string[] }[];
}

/** How often the word a query means is offered first, and among the five offered, by kind of query. */
export interface SuggestionReport {
  kind: 'typo' | 'pinyin';
  queries: number;
  first: number;
  offered: number;
  misses: { query: string; means: string; offered: string[] }[];
}

export function measureSuggestions(queries: QueriesFile, vocabulary: Vocabulary): SuggestionReport[] {
  return (['typo', 'pinyin'] as const).map((kind) => {
    const cases = queries.suggestions.filter((entry) => entry.kind === kind);
    const results = cases.map((entry) => ({ ...entry, offered: suggestions(entry.query, vocabulary) }));
    return {
      kind,
      queries: cases.length,
      first: results.filter((result) => result.offered[0] === result.means).length,
      offered: results.filter((result) => result.offered.includes(result.means)).length,
      misses: results.filter((result) => result.offered[0] !== result.means).map(({ query, means, offered }) => ({ query, means, offered })),
    };
  });
}

const base = '/';

export async function measureQuality(contentDir: string, queries: QueriesFile, wanted: readonly Mode[]): Promise<QualityReport[]> {
  const items = itemTexts(loadPlans(contentDir));
  const synonyms = synonymIndex(readVocabulary(contentDir).synonyms);
  const work = mkdtempSync(join(tmpdir(), 'atlas-search-'));
  const browser = await launchChromium();
  const reports: QualityReport[] = [];
  try {
    for (const stock of [false, true]) {
      const siteModes = wanted.filter((mode) => (mode === 'atlas') !== stock);
      if (siteModes.length === 0) continue;
      const site = join(work, stock ? 'stock' : 'atlas');
      await writeSearchIndex({ contentDir, outDir: join(site, 'pagefind'), base, stock });
      const searchPage = await openSearchPage(site, base, browser.context);
      try {
        for (const mode of siteModes) reports.push(await measureMode(searchPage, mode, items, queries, synonyms));
      } finally {
        await searchPage.close();
      }
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  return wanted.map((mode) => reports.find((report) => report.mode === mode)!);
}

async function measureMode(
  searchPage: SearchPage,
  mode: Mode,
  items: ReturnType<typeof itemTexts>,
  queries: QueriesFile,
  synonyms: ReadonlyMap<string, readonly string[]>,
): Promise<QualityReport> {
  const strip = (url: string): string => url.slice(base.length - 1);
  const ranking = async (query: string): Promise<string[]> =>
    (await rankedInBrowser(searchPage, mode, query, base, synonyms)).filter((r) => r.type === 'item').map((r) => strip(r.url));
  const sets: SetReport[] = [];
  for (const set of queries.sets) {
    const perQuery: { query: string; score: QueryScore }[] = [];
    for (const query of set.queries) perQuery.push({ query, score: scoreRanking(await ranking(query), relevantItems(items, query, synonyms)) });
    sets.push({ name: set.name, summary: summarize(perQuery.map((q) => q.score)), perQuery });
  }
  const expectations: { query: string; missing: string[] }[] = [];
  for (const expectation of queries.expectations) {
    const ranked = await ranking(expectation.query);
    const top = new Set(ranked.slice(0, expectation.first.length));
    expectations.push({ query: expectation.query, missing: expectation.first.filter((url) => !top.has(url)) });
  }
  return { mode, sets, all: summarize(sets.flatMap((set) => set.perQuery.map((q) => q.score))), expectations };
}

const fixed = (value: number): string => value.toFixed(3);

export function formatSuggestions(reports: readonly SuggestionReport[], verbose: boolean): string {
  const lines = [`${'past the exact words'.padEnd(22)} queries  offered first  among five`];
  for (const report of reports) {
    const share = (count: number): string => (report.queries === 0 ? '—' : (count / report.queries).toFixed(3));
    lines.push(`${report.kind.padEnd(22)} ${String(report.queries).padStart(7)}  ${share(report.first).padStart(13)}  ${share(report.offered).padStart(10)}`);
    if (verbose) for (const miss of report.misses) lines.push(`  ${report.kind} ${miss.query} → ${miss.means}: offered ${miss.offered.join('、') || 'nothing'}`);
  }
  return lines.join('\n');
}

export function formatReport(reports: readonly QualityReport[], verbose: boolean): string {
  const lines: string[] = [];
  lines.push(`${'mode'.padEnd(8)} ${'query set'.padEnd(22)} queries  recall  R-prec     MRR`);
  for (const report of reports) {
    for (const set of [...report.sets, { name: 'all', summary: report.all, perQuery: [] }]) {
      const s = set.summary;
      lines.push(`${report.mode.padEnd(8)} ${set.name.padEnd(22)} ${String(s.queries).padStart(7)}  ${fixed(s.recall)}   ${fixed(s.rPrecision)}   ${fixed(s.mrr)}`);
    }
    const failed = report.expectations.filter((e) => e.missing.length > 0);
    lines.push(`${report.mode.padEnd(8)} hand-checked expectations met: ${report.expectations.length - failed.length}/${report.expectations.length}`);
    if (verbose) {
      for (const set of report.sets) {
        for (const { query, score } of set.perQuery) {
          if (score.recall < 1 || score.rPrecision < 1) {
            lines.push(`  ${report.mode} ${query}: relevant ${score.relevant}, retrieved ${score.retrieved}, recall ${fixed(score.recall)}, R-prec ${fixed(score.rPrecision)}, RR ${fixed(score.reciprocalRank)}`);
          }
        }
      }
      for (const e of failed) lines.push(`  ${report.mode} expectation ${e.query}: not first: ${e.missing.join(' ')}`);
    }
  }
  return lines.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      queries: { type: 'string', default: 'test/search/queries.yaml' },
      mode: { type: 'string', default: modes.join(',') },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
    },
  });
  const wanted = values.mode.split(',').map((mode) => z.enum(modes).parse(mode.trim()));
  const queries = loadQueries(values.queries);
  const reports = await measureQuality(values.content, queries, wanted);
  const suggested = measureSuggestions(queries, readVocabulary(values.content));
  console.log(values.json ? JSON.stringify({ reports, suggestions: suggested }, null, 2) : `${formatReport(reports, values.verbose)}\n${formatSuggestions(suggested, values.verbose)}`);
}

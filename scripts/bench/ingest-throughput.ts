/**
 * Ingest throughput: the bundled plans repeated to a corpus of at least
 * `minimumPlans` documents, parsed on one core after the one-time loads.
 */
import { createSegmenter } from '../ingest/jieba.ts';
import { loadGenre } from '../genre/load.ts';
import { loadDivisionIndex } from '../ingest/divisions.ts';
import { ingestDocument, type SourceDocument } from '../ingest/document.ts';
import { readSourceFolder } from '../ingest/sources.ts';

export interface IngestFigures {
  plans: number;
  megabytes: number;
  genreLoadMs: number;
  divisionLoadMs: number;
  /** jieba's dictionary, loaded once per run by the enrich stage when some item is not in its cache. */
  jiebaLoadMs: number;
  seconds: number;
  plansPerSecond: number;
  megabytesPerSecond: number;
}

export function benchIngest(sourceDirectory: string, minimumPlans = 200): IngestFigures {
  const sources: SourceDocument[] = readSourceFolder(sourceDirectory);
  if (sources.length === 0) throw new Error(`no sources in ${sourceDirectory}`);

  let started = performance.now();
  const genre = loadGenre();
  const genreLoadMs = performance.now() - started;
  started = performance.now();
  const divisions = loadDivisionIndex();
  const divisionLoadMs = performance.now() - started;
  started = performance.now();
  // The whole dictionary: what a run that reads many new plans loads once.
  createSegmenter({ whole: true }).cut('全面推进县管校聘改革');
  const jiebaLoadMs = performance.now() - started;
  const context = { genre, divisions };

  // One warm-up pass so that the figures measure steady throughput, not JIT start-up.
  for (const source of sources) ingestDocument(source, context);

  const rounds = Math.ceil(minimumPlans / sources.length);
  let bytes = 0;
  started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    for (const source of sources) {
      ingestDocument(source, context);
      bytes += source.bytes.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const plans = rounds * sources.length;
  const megabytes = bytes / 1024 / 1024;
  return { plans, megabytes, genreLoadMs, divisionLoadMs, jiebaLoadMs, seconds, plansPerSecond: plans / seconds, megabytesPerSecond: megabytes / seconds };
}

/**
 * The parser (parser.ts and everything it imports) as one file, made by esbuild
 * and kept in the ingest cache, with V8's code cache of it.
 *
 * A rebuild after one edit parses one document, and most of that run is starting
 * the parser. Its ~360 modules (zod alone is 95 files, yaml 72, remark and
 * micromark about 50) take about 80 ms to resolve, read and link, against about
 * 40 ms for the same code in one file. Vite pre-bundles dependencies for the
 * same reason.
 *
 * Of those 40 ms, and of the first document's parse (35 ms against 7 ms for the
 * next), most is V8 compiling functions on their first call. Node's compile cache
 * keeps only what V8 compiles up front, so the bundle is a CommonJS script run
 * through node:vm, whose code cache can be made after a run has parsed documents
 * and then holds every function they called: loading and the first parse take
 * about 18 and 21 ms with it.
 *
 * The bundle is only a faster way to load the same modules. Its file name (see
 * IngestCache.parserBundleFile) carries the version of the ingest code, so a
 * changed module or table gives a new bundle. Modules that read files beside
 * themselves (the genre tables, the division dataset) keep their own
 * import.meta.url in the bundle.
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { writeFileAtomic } from './output.ts';

export type ParserModule = typeof import('./parser.ts');

const entry = fileURLToPath(new URL('./parser.ts', import.meta.url));
const ownCode = fileURLToPath(new URL('../../', import.meta.url));

/** Bundles parser.ts into `file` (written whole or not at all). */
export async function bundleParser(file: string): Promise<void> {
  const { build } = await import('esbuild');
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await build({
      entryPoints: [entry],
      outfile: temporary,
      bundle: true,
      platform: 'node',
      // A script, not a module: see the top of this file.
      format: 'cjs',
      target: 'node24',
      // A failure is reported by the caller, once.
      logLevel: 'silent',
      plugins: [
        {
          name: 'own-module-url',
          setup(pluginBuild) {
            pluginBuild.onLoad({ filter: /\.ts$/ }, (args) => {
              if (!args.path.startsWith(ownCode) || args.path.includes('/node_modules/')) return undefined;
              const url = JSON.stringify(pathToFileURL(args.path).href);
              return { contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', url), loader: 'ts' };
            });
          },
        },
      ],
    });
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** The bundled parser, and a way to keep what V8 compiled of it for the next run. */
export interface BundledParser {
  module: ParserModule;
  /** Whether V8 took the code cache a previous run left. */
  usedCodeCache: boolean;
  /**
   * Writes the code cache when there was none or V8 refused it. Called after the
   * run's documents are parsed, so the cache holds every function they called.
   */
  saveCodeCache(): void;
}

/** The code cache of a bundle, beside it. */
export const codeCacheFile = (bundleFile: string): string => `${bundleFile}.v8cache`;

/**
 * The parser module from `file`, bundling it first when there is none. Where
 * bundling fails, `warn` says why and the modules are loaded as they are: the
 * bundle saves time, never changes what is parsed.
 */
export async function loadBundledParser(bundleFile: string, warn: (message: string) => void): Promise<BundledParser> {
  // The cache folder is given relative to the working folder (.cache/ingest); require needs a whole path.
  const file = resolve(bundleFile);
  const cacheFile = codeCacheFile(file);
  if (!existsSync(file)) {
    try {
      // A code cache is only checked against the length of its source: never keep one past its bundle.
      rmSync(cacheFile, { force: true });
      await bundleParser(file);
    } catch (error) {
      warn(`could not bundle the parser (${error instanceof Error ? error.message : String(error)}); loading its modules one by one`);
      return { module: await import('./parser.ts'), usedCodeCache: false, saveCodeCache: () => undefined };
    }
  }
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // The function Node wraps every CommonJS module in; strict, as the modules it was bundled from are.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { 'use strict'; ${readFileSync(file, 'utf8')}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  return {
    module: module.exports as ParserModule,
    usedCodeCache: cached,
    saveCodeCache: () => {
      if (!cached) writeFileAtomic(cacheFile, script.createCachedData());
    },
  };
}

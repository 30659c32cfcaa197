/**
 * The parser (parser.ts and everything it imports) as one file, made by esbuild
 * and kept in the ingest cache.
 *
 * A rebuild after one edit parses one document, and most of that run is starting
 * the parser. Its ~360 modules (zod alone is 95 files, yaml 72, remark and
 * micromark about 50) take about 80 ms to resolve, read and link, against about
 * 40 ms for the same code in one file. Vite pre-bundles dependencies for the
 * same reason.
 *
 * The bundle is only a faster way to load the same modules. Its file name (see
 * IngestCache.parserBundleFile) carries the version of the ingest code, so a
 * changed module or table gives a new bundle. Modules that read files beside
 * themselves (the genre tables, the division dataset) keep their own
 * import.meta.url in the bundle.
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
      format: 'esm',
      target: 'node24',
      // A failure is reported by the caller, once.
      logLevel: 'silent',
      // CommonJS dependencies (yaml, chardet, iconv-lite) require Node's built-in modules.
      banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
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

/**
 * The parser module from `file`, bundling it first when there is none. Where
 * bundling fails, `warn` says why and the modules are loaded as they are: the
 * bundle saves time, never changes what is parsed.
 */
export async function loadBundledParser(file: string, warn: (message: string) => void): Promise<ParserModule> {
  if (!existsSync(file)) {
    try {
      await bundleParser(file);
    } catch (error) {
      warn(`could not bundle the parser (${error instanceof Error ? error.message : String(error)}); loading its modules one by one`);
      return import('./parser.ts');
    }
  }
  return (await import(pathToFileURL(file).href)) as ParserModule;
}

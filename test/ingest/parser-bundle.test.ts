/**
 * The parser as one file: it parses as the modules do (its modules still find
 * the tables beside them), with or without V8's code cache of it, and a failed
 * bundling falls back to the modules.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteTemporaryFolder } from '../temporary.ts';
import type { SourceDocument } from '../../scripts/ingest/document.ts';
import { codeCacheFile, loadBundledParser } from '../../scripts/ingest/parser-bundle.ts';
import { createParser } from '../../scripts/ingest/parser.ts';

const folder = suiteTemporaryFolder('plan-atlas-bundle-');

const source = (name: string): SourceDocument => ({
  file: `content/sources/${name}`,
  bytes: readFileSync(new URL(`../../content/sources/${name}`, import.meta.url)),
  sidecar: null,
});

describe('the bundled parser', () => {
  it('parses every bundled plan exactly as the modules do', async () => {
    const warnings: string[] = [];
    const { module: bundled } = await loadBundledParser(join(folder, 'parser.cjs'), (message) => warnings.push(message));
    expect(warnings).toEqual([]);
    expect(readFileSync(join(folder, 'parser.cjs'), 'utf8')).toContain('function createParser(');
    const fromBundle = bundled.createParser({ divisionsFile: null, tablesFile: null });
    const fromModules = createParser({ divisionsFile: null, tablesFile: null });
    for (const name of ['taian-2024.txt', 'dalian-2018.txt', 'yingtan-2021.txt']) {
      const outcome = fromBundle.parse(source(name));
      expect('document' in outcome, name).toBe(true);
      expect(outcome).toEqual(fromModules.parse(source(name)));
    }
  });

  it('reports a failure as data, with the code and hint of the error the parser raised', async () => {
    const { module: bundled } = await loadBundledParser(join(folder, 'parser.cjs'), () => undefined);
    const outcome = bundled.createParser({ divisionsFile: null, tablesFile: null }).parse({ file: 'empty.txt', bytes: new Uint8Array(), sidecar: null });
    expect('error' in outcome && outcome.error.code).toBe('empty');
    expect('error' in outcome && outcome.error.hint).toMatch(/\S/u);
  });

  it("writes V8's code cache of the bundle when asked, and drops it when the bundle is made again", async () => {
    // Whether a later process takes the cache is tested through the CLI (test/cli/ingest.test.ts):
    // within one process V8 compiles the same source from memory and never reads the cache.
    const own = mkdtempSync(join(folder, 'code-cache-'));
    const file = join(own, 'parser.cjs');
    const first = await loadBundledParser(file, () => undefined);
    expect(first.usedCodeCache).toBe(false);
    expect(existsSync(codeCacheFile(file))).toBe(false);
    expect('document' in first.module.createParser({ divisionsFile: null, tablesFile: null }).parse(source('taian-2024.txt'))).toBe(true);
    first.saveCodeCache();
    expect(readFileSync(codeCacheFile(file)).length).toBeGreaterThan(1000);
    rmSync(file);
    await loadBundledParser(file, () => undefined);
    expect(existsSync(codeCacheFile(file))).toBe(false);
  });

  it('loads the modules one by one, and says why, when bundling fails', async () => {
    const notAFolder = join(folder, 'file');
    writeFileSync(notAFolder, '');
    const warnings: string[] = [];
    const { module: parser } = await loadBundledParser(join(notAFolder, 'parser.cjs'), (message) => warnings.push(message));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not bundle the parser/u);
    expect('document' in parser.createParser({ divisionsFile: null, tablesFile: null }).parse(source('taian-2024.txt'))).toBe(true);
  });
});

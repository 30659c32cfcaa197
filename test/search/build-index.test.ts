/**
 * writeSearchIndex sends many records to Pagefind's service at once (build-index.ts
 * says why); the index must not depend on it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteTemporaryFolder } from '../temporary.ts';
import { writeSearchIndex } from '../../scripts/search/build-index.ts';
import { searchContent } from './content.ts';

const content = searchContent();
const scratch = suiteTemporaryFolder('atlas-index-');

function digests(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    files
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}

describe('writeSearchIndex', () => {
  it('writes the same bytes with records sent one at a time and many at once, in every shard', async () => {
    const write = async (inFlight: number): Promise<Record<string, string>> => {
      const outDir = join(scratch, `in-flight-${inFlight}`);
      // Small shards, so the test covers more than one service and the manifest.
      const result = await writeSearchIndex({ contentDir: content, outDir, base: '/', shardRecords: 40, recordsInFlight: inFlight });
      expect(result.shards).toBeGreaterThan(1);
      return digests(outDir);
    };
    const oneByOne = await write(1);
    const many = await write(64);
    expect(Object.keys(oneByOne).filter((file) => file.endsWith('.pf_fragment')).length).toBeGreaterThan(40);
    expect(many).toEqual(oneByOne);
  }, 120_000);
});

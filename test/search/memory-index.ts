/**
 * The site's search index built in memory (scripts/search/build-index.ts's own
 * writer) and read by the browser's reader (scripts/search/engine.ts), for tests.
 */
import { buildIndexFiles } from '../../scripts/search/build-index.ts';
import { SearchIndex } from '../../scripts/search/engine.ts';
import type { SearchRecord } from '../../scripts/search/records.ts';

export interface MemoryIndex {
  index: SearchIndex;
  /** Paths fetched so far, in order (without the ?v= build id). */
  fetched: string[];
}

export async function memoryIndex(plans: readonly (readonly SearchRecord[])[]): Promise<MemoryIndex> {
  const files = new Map<string, Uint8Array>();
  buildIndexFiles(plans, (path, bytes) => files.set(path, bytes));
  const fetched: string[] = [];
  const index = await SearchIndex.open(async (path) => {
    const plain = path.replace(/\?v=.*$/, '');
    fetched.push(plain);
    const bytes = files.get(plain);
    if (bytes === undefined) throw new Error(`no file ${plain}`);
    return bytes;
  });
  return { index, fetched };
}

/** The one way a stage reads its cache back: whatever is in the file, a wrong answer never comes of it. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeDigest, readCacheFile } from '../../scripts/ingest/output.ts';
import { temporaryFolder } from '../temporary.ts';

describe('readCacheFile', () => {
  it('gives the stored object, and null for no file, a damaged file or JSON that is no object', () => {
    const folder = temporaryFolder('plan-atlas-cache-');
    const file = (name: string, text: string): string => {
      writeFileSync(join(folder, name), text);
      return join(folder, name);
    };
    expect(readCacheFile(file('good.json', '{"code":"x","plans":{}}\n'))).toEqual({ code: 'x', plans: {} });
    expect(readCacheFile(join(folder, 'absent.json'))).toBeNull();
    expect(readCacheFile(null)).toBeNull();
    expect(readCacheFile(file('cut.json', '{"code":"x","pla'))).toBeNull();
    for (const text of ['null', '[]', '"text"', '3']) expect(readCacheFile(file('other.json', text)), text).toBeNull();
  });
});

describe('codeDigest', () => {
  it('changes when any of the files changes, and not otherwise', () => {
    const folder = temporaryFolder('plan-atlas-code-');
    const a = new URL(`file://${join(folder, 'a.ts')}`);
    const b = new URL(`file://${join(folder, 'b.ts')}`);
    writeFileSync(a, 'export const a = 1;\n');
    writeFileSync(b, 'export const b = 2;\n');
    const before = codeDigest(a, b);
    expect(codeDigest(a, b)).toBe(before);
    writeFileSync(b, 'export const b = 3;\n');
    expect(codeDigest(a, b)).not.toBe(before);
  });
});

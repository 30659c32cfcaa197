import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteFiles } from '../../scripts/build/site-files.ts';
import { measureSite } from '../../scripts/build/hosts.ts';
import { temporaryFolder } from '../temporary.ts';

describe('siteFiles', () => {
  it('lists every file under a folder with its size and its path below it, without following links', () => {
    const dir = temporaryFolder('atlas-site-files-');
    mkdirSync(join(dir, 'shandong', 'taian'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), 'abc');
    writeFileSync(join(dir, 'shandong', 'taian', 'index.html'), '泰安');
    const elsewhere = temporaryFolder('atlas-site-files-linked-');
    writeFileSync(join(elsewhere, 'big.bin'), Buffer.alloc(5000));
    symlinkSync(elsewhere, join(dir, 'linked'));
    const files = [...siteFiles(dir)].map(({ relative, bytes }) => [relative, bytes]).sort();
    expect(files).toEqual([
      ['index.html', 3],
      ['shandong/taian/index.html', 6],
    ]);
    expect(measureSite(dir)).toEqual({ files: 2, bytes: 9, largest: { path: 'shandong/taian/index.html', bytes: 6 }, fragments: 0 });
  });

  it('lists nothing for a folder that does not exist', () => {
    expect([...siteFiles(join(temporaryFolder('atlas-site-files-'), 'no-such-folder'))]).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { sourceDownloadPath, sourceFormat } from '../../src/model/source-download.ts';
import { urlsOfPlan } from '../../scripts/ledger/plans.ts';
import type { Plan } from '../../src/model/plan.ts';

const plan = (url: string, sourceFile: string) => ({ url, sourceFile });

describe('a plan’s source download', () => {
  it('stands beside the plan, named by the plan’s identity, not by the file it was saved as', () => {
    expect(sourceDownloadPath(plan('/shandong/taian/2024/', 'content/sources/taian-2024.txt'))).toBe('/shandong/taian/2024/source.txt');
    expect(sourceDownloadPath(plan('/shandong/taian/2024/', 'content/sources/泰安市教育局2024年工作要点.txt'))).toBe('/shandong/taian/2024/source.txt');
    expect(sourceDownloadPath(plan('/fujian/2018/', 'content/sources/fujian.docx'))).toBe('/fujian/2018/source.docx');
  });

  it('offers a saved page as its markup in text, and a binary file byte for byte', () => {
    expect(sourceDownloadPath(plan('/hubei/xiangyang/2018/', 'content/sources/xiangyang.html'))).toBe('/hubei/xiangyang/2018/source.html.txt');
    expect(sourceFormat(plan('/a/', 'x.html'))).toMatchObject({ binary: false });
    expect(sourceFormat(plan('/a/', 'x.PDF'))).toMatchObject({ extension: '.pdf', binary: true });
  });

  it('is among the URLs a plan publishes, so the ledger promises it', () => {
    const urls = urlsOfPlan({ url: '/shandong/taian/2024/', sourceFile: 'content/sources/taian-2024.txt', sections: [] } as unknown as Plan);
    expect(urls).toEqual(['/shandong/taian/2024/', '/shandong/taian/2024/source.txt']);
  });
});

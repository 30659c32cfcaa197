import { describe, expect, it } from 'vitest';
import { bibtexCitation, citationFileName, citationMeta, gbtCitation, itemPlace, responsibleParties, risCitation, withAccessDate } from '../../src/site/cite.ts';
import { plan } from './fixtures.ts';

const url = 'https://plan-atlas.example/shandong/taian/2024/';

describe('gbtCitation', () => {
  it('cites a plan as an electronic resource with the publish date and an access-date placeholder', () => {
    expect(gbtCitation(plan(), url)).toBe(
      '泰安市教育局. 泰安市教育局2024年工作要点[EB/OL]. (2024-03-27)[引用日期]. https://plan-atlas.example/shandong/taian/2024/.',
    );
  });

  it('falls back to the issue date, and leaves the date out when there is none', () => {
    expect(gbtCitation(plan({ publishedOn: null }), url)).toContain('[EB/OL]. (2024-03-26)[引用日期]');
    expect(gbtCitation(plan({ publishedOn: null, issuedOn: null }), url)).toContain('[EB/OL]. [引用日期]');
  });

  it('names an item by the plan title, its label and lead phrase', () => {
    const p = plan();
    const item = p.sections[0]!.items[0]!;
    expect(gbtCitation(p, `${url}1/`, item)).toBe(
      '泰安市教育局. 泰安市教育局2024年工作要点: 1.巩固成果[EB/OL]. (2024-03-27)[引用日期]. https://plan-atlas.example/shandong/taian/2024/1/.',
    );
  });
});

describe('an item without a lead phrase', () => {
  it('is cited by its place in the plan in words and the start of its text', () => {
    const p = plan();
    const first = p.sections[0]!.items[0]!;
    const untitled = { ...first, title: null, key: '2.14', label: '14.', text: '全面推进县管校聘改革，优化教师资源配置。' };
    expect(itemPlace(untitled)).toBe('第二部分第14条');
    expect(itemPlace({ ...untitled, key: '12.3.1' })).toBe('第十二部分第3节第1条');
    expect(itemPlace({ ...untitled, key: '7' })).toBe('第7条');
    expect(gbtCitation(p, `${url}2-14/`, untitled)).toContain('泰安市教育局2024年工作要点: 第二部分第14条 全面推进县管校聘改革，优化教师资…[EB/OL]');
  });
});

describe('responsibleParties', () => {
  it('joins up to three issuers and abbreviates more with 等', () => {
    expect(responsibleParties(plan({ issuers: ['甲', '乙'] }))).toBe('甲, 乙');
    expect(responsibleParties(plan({ issuers: ['甲', '乙', '丙', '丁'] }))).toBe('甲, 乙, 丙, 等');
  });

  it('uses the publisher when no issuer is known, and names no one rather than the region', () => {
    expect(responsibleParties(plan({ issuers: [] }))).toBe('泰安市教育局');
    expect(responsibleParties(plan({ issuers: [], publisher: null }))).toBe('');
    expect(gbtCitation(plan({ issuers: [], publisher: null }), url)).toMatch(/^泰安市教育局2024年工作要点\[EB\/OL\]\. /u);
  });
});

describe('withAccessDate', () => {
  it('fills in the reader’s day', () => {
    expect(withAccessDate('X[EB/OL]. (2024-03-27)[引用日期]. U.', '2025-01-02')).toBe('X[EB/OL]. (2024-03-27)[2025-01-02]. U.');
  });
});

describe('citationMeta', () => {
  it('gives Highwire tags with one author per issuer and slashed dates', () => {
    const tags = citationMeta(plan({ issuers: ['甲', '乙'] }), url);
    expect(tags.filter((tag) => tag.name === 'citation_author').map((tag) => tag.content)).toEqual(['甲', '乙']);
    expect(tags).toContainEqual({ name: 'citation_publication_date', content: '2024/03/26' });
    expect(tags).toContainEqual({ name: 'citation_public_url', content: url });
  });

  it('falls back to the year when the plan has no date', () => {
    const tags = citationMeta(plan({ issuedOn: null, publishedOn: null }), url);
    expect(tags).toContainEqual({ name: 'citation_publication_date', content: '2024' });
  });
});

describe('RIS and BibTeX', () => {
  it('give an item as a government document in its plan, with every field the plan holds', () => {
    const p = plan();
    const item = p.sections[0]!.items[0]!;
    expect(risCitation(p, `${url}1/`, item)).toBe(
      ['TY  - GOVDOC', 'TI  - 1.巩固成果', 'T2  - 泰安市教育局2024年工作要点', 'AU  - 泰安市教育局', 'PY  - 2024', 'DA  - 2024/03/27', 'PB  - 泰安市教育局', 'CY  - 山东省泰安市', 'M1  - 泰教发〔2024〕1号', `UR  - ${url}1/`, 'LA  - zh-CN', 'ER  - ', ''].join('\r\n'),
    );
    const bibtex = bibtexCitation(p, `${url}1/`, item);
    expect(bibtex.startsWith(`@misc{${citationFileName(p, item)},\n`)).toBe(true);
    expect(bibtex).toContain('  title = {{1.巩固成果}},\n');
    // A body, not a person: in double braces so BibTeX does not split it into names.
    expect(bibtex).toContain('  author = {{泰安市教育局}},\n');
    expect(bibtex).toContain('  howpublished = {泰安市教育局2024年工作要点},\n');
    expect(bibtex).toContain(`  url = {${url}1/},\n`);
  });

  it('leave out what the plan does not say, and never make the region an author', () => {
    const p = plan({ issuers: [], publisher: null, docNumber: null, publishedOn: null, issuedOn: null });
    const ris = risCitation(p, url);
    expect(ris).not.toMatch(/^(AU|PB|M1|DA)  - /mu);
    expect(ris).toContain('TI  - 泰安市教育局2024年工作要点\r\n');
    expect(bibtexCitation(p, url)).not.toMatch(/author|publisher|number|date =/u);
  });

  it('escape what BibTeX reads as markup', () => {
    expect(bibtexCitation(plan({ title: '100% 达标 & {提升}_计划' }), url)).toContain('title = {{100\\% 达标 \\& \\{提升\\}\\_计划}}');
  });
});

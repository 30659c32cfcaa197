import { describe, expect, it } from 'vitest';
import { loadTitleRules, normalizeTitle } from '../../src/model/documents.ts';
import { createLinker } from '../../src/model/linker.ts';
import { linkTargetsFrom, pageUrl } from '../../src/model/link-targets.ts';

const titleRules = loadTitleRules();
const linker = createLinker({
  documents: new Map([[normalizeTitle('深化新时代教育评价改革总体方案', titleRules), '/docs/shxsd-1/']]),
  terms: new Map([
    ['县中', '/terms/xz/'],
    ['教育评价', '/terms/jypj/'],
    ['双减', '/terms/sj/'],
  ]),
  blockers: ['全县中小学'],
  titleRules,
});

describe('createLinker', () => {
  it('links a cited title (any variant) and terms, text unchanged', () => {
    const text = '对标《深化新时代 教育评价改革总体方案》，巩固“双减”成果，加大县中建设。';
    const segments = linker.segments(text);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments.filter((segment) => segment.href).map((segment) => [segment.text, segment.href])).toEqual([
      ['《深化新时代 教育评价改革总体方案》', '/docs/shxsd-1/'],
      ['双减', '/terms/sj/'],
      ['县中', '/terms/xz/'],
    ]);
  });

  it('never links a term inside a linked title, nor inside a blocker word', () => {
    const segments = linker.segments('《深化新时代教育评价改革总体方案》要求全县中小学推进教育评价');
    expect(segments.filter((segment) => segment.kind === 'term').map((segment) => segment.text)).toEqual(['教育评价']);
  });

  it('links each target once across the texts of one item when given what is linked already', () => {
    const linked = new Set<string>();
    const first = linker.segments('巩固“双减”成果，“双减”落地。', linked);
    const second = linker.segments('加大县中建设，深化双减。', linked);
    expect([...first, ...second].filter((segment) => segment.href).map((segment) => segment.text)).toEqual(['双减', '县中']);
    expect(first.map((segment) => segment.text).join('')).toBe('巩固“双减”成果，“双减”落地。');
    expect(linked).toEqual(new Set(['/terms/sj/', '/terms/xz/']));
  });

  it('leaves titles without a page unlinked', () => {
    expect(linker.segments('《某某方案》')).toEqual([{ text: '《某某方案》' }]);
  });

  it('returns the empty text as one segment', () => {
    expect(linker.segments('')).toEqual([{ text: '' }]);
  });
});

describe('link targets', () => {
  it('puts pages under the site base', () => {
    expect(pageUrl('/atlas', 'docs', 'abc-123456')).toBe('/atlas/docs/abc-123456/');
    const targets = linkTargetsFrom({ documents: { 甲: 'jia-1' }, terms: { 双减: 'sj-2' }, blockers: [] }, '/');
    expect(targets.documents.get('甲')).toBe('/docs/jia-1/');
    expect(targets.terms.get('双减')).toBe('/terms/sj-2/');
  });
});

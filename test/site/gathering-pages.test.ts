import { describe, expect, it } from 'vitest';
import { pageUrl } from '../../src/model/link-targets.ts';
import { defaultPlansPerPage, gatheringPath, pageCrumbs, pagePath, pagerNumbers, pagesOf, pageTitle, plansPerPage } from '../../src/model/gathering-pages.ts';
import { joinBase } from '../../src/site/url.ts';

describe('pagesOf', () => {
  it('cuts a list into pages of the given size, in order, every element once', () => {
    const list = Array.from({ length: 7 }, (_, index) => index);
    expect(pagesOf(list, 3)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(pagesOf(list, 7)).toEqual([list]);
    expect(pagesOf([], 3)).toEqual([[]]);
  });
});

describe('gatheringPath', () => {
  it('is the page the site builds and the address the linker gives item texts, under any base', () => {
    expect(gatheringPath('terms', 'xqjy-e7d52f')).toBe('/terms/xqjy-e7d52f/');
    for (const section of ['docs', 'terms', 'topics'] as const) {
      for (const base of ['/', '/atlas/']) expect(pageUrl(base, section, 'a-1')).toBe(joinBase(base, gatheringPath(section, 'a-1')));
    }
  });
});

describe('pagePath', () => {
  it('keeps the first page at the URL the page always had and numbers the rest beneath it', () => {
    expect(pagePath('/terms/xqjy-e7d52f/', 1)).toBe('/terms/xqjy-e7d52f/');
    expect(pagePath('/terms/xqjy-e7d52f/', 2)).toBe('/terms/xqjy-e7d52f/2/');
  });
});

describe('pageTitle and pageCrumbs', () => {
  it('leave page 1 as the page always was and name later pages by number, under a link to the first', () => {
    expect(pageTitle('学前教育 · 主题', 1)).toBe('学前教育 · 主题');
    expect(pageTitle('学前教育 · 主题', 3)).toBe('学前教育 · 主题 · 第 3 页');
    expect(pageCrumbs('学前教育', '/topics/preschool/', 1)).toEqual([{ label: '学前教育' }]);
    expect(pageCrumbs('学前教育', '/topics/preschool/', 3)).toEqual([{ label: '学前教育', path: '/topics/preschool/' }, { label: '第 3 页' }]);
  });
});

describe('pagerNumbers', () => {
  it('shows the first, the last and the pages near the current one, with a gap for the rest', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pagerNumbers(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
    expect(pagerNumbers(12, 12)).toEqual([1, null, 10, 11, 12]);
  });
});

describe('plansPerPage', () => {
  it('takes GATHERING_PAGE_PLANS when it is a whole number ≥ 1, the default when unset', () => {
    expect(plansPerPage({})).toBe(defaultPlansPerPage);
    expect(plansPerPage({ GATHERING_PAGE_PLANS: ' ' })).toBe(defaultPlansPerPage);
    expect(plansPerPage({ GATHERING_PAGE_PLANS: '25' })).toBe(25);
  });

  it('refuses anything else, saying how to set it', () => {
    for (const raw of ['0', '2.5', 'many']) {
      expect(() => plansPerPage({ GATHERING_PAGE_PLANS: raw })).toThrow(`GATHERING_PAGE_PLANS="${raw}" is not a whole number ≥ 1`);
    }
    // The hint is the error's own field, which Astro prints under the message as it does its own errors' hints.
    expect(() => plansPerPage({ GATHERING_PAGE_PLANS: 'many' })).toThrow(expect.objectContaining({ code: 'invalid-setting', hint: expect.stringContaining('leave it unset') }));
  });
});

import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml, sitemap, sitemapIndex, sitemapParts } from '../../src/site/feed.ts';
import { plan } from './fixtures.ts';

const absolute = (path: string): string => `https://example.org/atlas${path}`;
const options = { title: '知识库', home: absolute('/'), self: absolute('/feed.xml'), absolute };

describe('atomFeed', () => {
  it('lists plans newest first with dates from the plans, not the clock', () => {
    const older = plan({ url: '/a/2021/', year: 2021, years: [2021], publishedOn: '2021-02-01', issuedOn: null });
    const newer = plan({ title: 'A & <B>' });
    const feed = atomFeed([older, newer], options);
    expect(feed.indexOf('https://example.org/atlas/shandong/taian/2024/')).toBeLessThan(feed.indexOf('https://example.org/atlas/a/2021/'));
    expect(feed).toContain('<updated>2024-03-27T00:00:00Z</updated>');
    expect(feed).toContain('<title>A &amp; &lt;B&gt;</title>');
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/atlas/feed.xml"/>');
    expect(atomFeed([newer, older], options)).toBe(feed);
  });

  it('lists only the newest plans, and its date is the newest plan\'s whatever older plans are added', () => {
    const plans = Array.from({ length: 60 }, (_, index) => plan({ url: `/p/${index}/`, publishedOn: `2020-01-${String((index % 28) + 1).padStart(2, '0')}`, issuedOn: null }));
    const feed = atomFeed(plans, options, 10);
    expect(feed.match(/<entry>/gu)).toHaveLength(10);
    expect(feed).toContain('<updated>2020-01-28T00:00:00Z</updated>');
    expect(feed).not.toContain('2020-01-01T00:00:00Z');
    const older = plan({ url: '/old/', publishedOn: '2015-05-05', issuedOn: null });
    expect(atomFeed([...plans, older], options, 10)).toBe(feed);
  });
});

describe('sitemap', () => {
  it('lists each URL once, sorted and escaped', () => {
    const xml = sitemap(['https://e.org/b/', 'https://e.org/a/?x=1&y=2', 'https://e.org/b/']);
    expect(xml.match(/<loc>/gu)).toHaveLength(2);
    expect(xml.indexOf('/a/')).toBeLessThan(xml.indexOf('/b/'));
    expect(xml).toContain('x=1&amp;y=2');
  });

  it('cuts the URLs, each once and sorted, into files of at most the given number, named by an index', () => {
    const parts = sitemapParts(['/e/', '/a/', '/c/', '/b/', '/d/', '/a/'], 2);
    expect(parts).toEqual([['/a/', '/b/'], ['/c/', '/d/'], ['/e/']]);
    expect(sitemapParts([])).toEqual([[]]);
    const index = sitemapIndex(['https://e.org/sitemap-1.xml', 'https://e.org/sitemap-2.xml']);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index.match(/<sitemap><loc>https:\/\/e\.org\/sitemap-\d\.xml<\/loc><\/sitemap>/gu)).toHaveLength(2);
  });

  it('escapes the five XML specials it can meet', () => {
    expect(escapeXml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});

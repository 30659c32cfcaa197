import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { datesToIsoStrings } from '../../src/site/frontmatter.ts';

describe('datesToIsoStrings', () => {
  it('gives back the dates a YAML 1.1 reader (as Astro uses) turned into Date objects, at any depth', () => {
    const parsed = parse('issuedOn: 2024-03-26\npublishedOn: null\nregion: { code: "370900" }\nlist: [2021-02-01, text]\n', { version: '1.1' }) as unknown;
    expect((parsed as { issuedOn: unknown }).issuedOn).toBeInstanceOf(Date);
    expect(datesToIsoStrings(parsed)).toEqual({ issuedOn: '2024-03-26', publishedOn: null, region: { code: '370900' }, list: ['2021-02-01', 'text'] });
  });

  it('leaves strings that only look like dates alone', () => {
    expect(datesToIsoStrings({ title: '2024-03-26' })).toEqual({ title: '2024-03-26' });
  });
});

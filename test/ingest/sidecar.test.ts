import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../src/model/errors.ts';
import { parseSidecar } from '../../scripts/ingest/sidecar.ts';

function failure(text: string): AtlasError {
  try {
    parseSidecar(text);
  } catch (error) {
    if (error instanceof AtlasError) return error;
    throw error;
  }
  throw new Error('expected the sidecar to be rejected');
}

describe('parseSidecar', () => {
  it('reads the fields an editor may supply', () => {
    expect(parseSidecar('title: 大连市教育局2018年工作要点\nregion: 210200\nyear: 2018\nsourceUrl: https://example.org/a.html\n')).toEqual({
      title: '大连市教育局2018年工作要点',
      region: '210200',
      year: 2018,
      sourceUrl: 'https://example.org/a.html',
    });
  });

  it('names the line and the allowed keys when a key is unknown', () => {
    const error = failure('title: 标题\nregoin: 大连市\n');
    expect(error.code).toBe('sidecar-field');
    expect(error.message).toContain('regoin');
    expect(error.hint).toContain('region');
  });

  it('names the line of a wrong value', () => {
    const error = failure('title: 标题\nissuedOn: 2018年3月1日\n');
    expect(error.line).toBe(2);
    expect(error.message).toContain('YYYY-MM-DD');
  });

  it('reports broken YAML with its line', () => {
    const error = failure('title: [unclosed\n');
    expect(error.code).toBe('sidecar-yaml');
  });
});

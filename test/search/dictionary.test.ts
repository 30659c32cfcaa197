import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicyTerms, parsePolicyTerms } from '../../src/model/search/dictionary.ts';

describe('policy-terms dictionary', () => {
  const terms = loadPolicyTerms();

  it('lists the terms of the genre the issue names', () => {
    const names = new Set(terms.map((entry) => entry.term));
    for (const term of ['县管校聘', '双减', '五项管理', '县中', '名师工作室', '学前教育', '普惠', '课后服务', '集团化办学', '强镇筑基', '三个课堂', '五育并举', '一校一品']) {
      expect(names.has(term), term).toBe(true);
    }
  });

  it('cites a source that really prints each term', () => {
    for (const { term, source } of terms) {
      if (!source.startsWith('content/sources/')) continue;
      expect(existsSync(source), source).toBe(true);
      expect(readFileSync(source, 'utf8').includes(term), `${term} in ${source}`).toBe(true);
    }
  });

  it('rejects a duplicate or an entry without its source', () => {
    expect(() => parsePolicyTerms('- {term: 双减, source: a}\n- {term: 双减, source: b}\n')).toThrow(/twice/);
    expect(() => parsePolicyTerms('- {term: 双减}\n')).toThrow(/source/);
  });
});

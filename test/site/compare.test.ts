import { describe, expect, it } from 'vitest';
import { isYearOnYear, mostAlike, similarity, yearOnYear, type ComparedItem } from '../../src/model/compare.ts';
import { characterPairs, overlap } from '../../src/model/likeness.ts';

const item = (key: string, text: string): ComparedItem => ({ key, url: `/x/2024/${key}/`, name: `${key}.`, text });

describe('comparing a region’s plans a year apart', () => {
  const earlier = [
    item('1', '推动学前教育优质普惠。新建改扩建幼儿园10所，全市幼儿园招生报名“一网通办”覆盖率达到90%以上。'),
    item('2', '加强教师队伍建设。实施县管校聘改革，培养名师100名。'),
    item('3', '做好防溺水安全教育。开展专项行动，筑牢校园安全防线。'),
  ];
  const later = [
    item('1', '推进幼儿园优质普惠。全市幼儿园招生报名“一网通办”覆盖率达到95%以上。'),
    item('2', '深化县管校聘改革，培养名师200名，加强教师队伍建设。'),
    item('3', '建设人工智能教育实验区，开设编程课程。'),
  ];

  it('reads each later item as continuing its most similar earlier one, or as new, and the rest of the earlier as dropped', () => {
    const { later: read, dropped } = yearOnYear(earlier, later);
    expect(read.map((entry) => entry.earlier?.key ?? null)).toEqual(['1', '2', null]);
    for (const entry of read.slice(0, 2)) expect(entry.similarity).toBeGreaterThanOrEqual(0.5);
    expect(read[2]!.similarity).toBeLessThan(0.5);
    expect(dropped.map((entry) => entry.key)).toEqual(['3']);
  });

  it('measures likeness by character pairs, punctuation and figures aside, and never on a few words', () => {
    expect(characterPairs('县管校聘，2024')).toEqual(new Set(['县管', '管校', '校聘']));
    expect(similarity(characterPairs('加强教师队伍建设，培养名师'), characterPairs('培养名师，加强教师队伍建设'))).toBeGreaterThan(0.8);
    expect(similarity(characterPairs('加强党建'), characterPairs('加强党建'))).toBe(0);
    expect(similarity(characterPairs('推动学前教育优质普惠发展'), characterPairs('建设人工智能教育实验区'))).toBeLessThan(0.5);
    // A short wording still has a likeness of its own, which commitments are matched by.
    expect(overlap(characterPairs('加强党建'), characterPairs('全面加强党建工作'))).toBe(1);
    expect(mostAlike(characterPairs('培养名师，加强教师队伍建设'), [characterPairs('建设人工智能教育实验区'), characterPairs('加强教师队伍建设')])).toMatchObject({ index: 1 });
  });

  it('compares year on year only one region’s plans a year apart', () => {
    expect(isYearOnYear({ region: '370900', year: 2024 }, { region: '370900', year: 2025 })).toBe(true);
    expect(isYearOnYear({ region: '370900', year: 2023 }, { region: '370900', year: 2025 })).toBe(false);
    expect(isYearOnYear({ region: '370900', year: 2024 }, { region: '360600', year: 2025 })).toBe(false);
  });
});

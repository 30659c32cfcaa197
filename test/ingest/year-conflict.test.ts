/**
 * A year the text contradicts: the latest party meeting it cites is too old for it,
 * or held after it; its notice issues a plan of another year; it names a five-year
 * plan's start or end far from its years.
 */
import { describe, expect, it } from 'vitest';
import { loadGenre } from '../../scripts/genre/load.ts';
import { aimsYearConflict, citedMeetings, issuedYearConflict, meetingConflict, milestoneConflict } from '../../scripts/ingest/year-conflict.ts';
import { createParser } from '../../scripts/ingest/parser.ts';

const genre = loadGenre();
const lines = (text: string) => text.split('\n').map((line, index) => ({ line: index + 1, text: line }));

describe('citedMeetings', () => {
  it('reads each plenum of a list (五中、六中全会) and a congress only where it is the party\'s', () => {
    const cited = citedMeetings(lines('贯彻党的十六届五中、六中全会精神\n推进二十大类专业建设\n学习贯彻十九大精神'), genre);
    expect(cited).toEqual([
      { name: '十六届五中全会', year: 2005, line: 1 },
      { name: '十六届六中全会', year: 2006, line: 1 },
      { name: '党的十九大', year: 2017, line: 3 },
    ]);
  });
});

describe('meetingConflict', () => {
  it('accepts a year the latest meeting cited fits, a year before the next congress or just after it', () => {
    expect(meetingConflict(lines('深入学习贯彻党的二十届三中全会精神'), 2025, genre)).toBeNull();
    expect(meetingConflict(lines('迎接党的二十大胜利召开'), 2021, genre)).toBeNull();
    expect(meetingConflict(lines('贯彻十七届六中全会精神'), 2013, genre)).toBeNull();
    expect(meetingConflict(lines('没有引用任何会议'), 2030, genre)).toBeNull();
  });

  it('names the line and the meeting when the latest meeting cited is too old for the year', () => {
    const conflict = meetingConflict(lines('2017年工作思路\n贯彻党的十六届五中、六中全会精神'), 2017, genre);
    expect(conflict).toEqual({ line: 2, message: expect.stringContaining('十六届六中全会 (2006): a plan for 2017 would cite 党的十七大 (2007)') });
  });

  it('names a meeting held more than a year after the year', () => {
    expect(meetingConflict(lines('学习贯彻党的二十大精神'), 2018, genre)?.message).toContain('cites 党的二十大, held in 2022');
  });
});

describe('issuedYearConflict', () => {
  it('names the notice that issues a plan of another year, and accepts one that issues the year\'s plan or a summary with it', () => {
    const text = lines('关于印发2008年工作要点的通知\n各县（市、区）教育局：现将《温州市教育局2009年工作要点》印发给你们，请认真贯彻落实。');
    expect(issuedYearConflict(text, 2008, genre)).toEqual({ line: 2, message: 'the text is filed as of 2008, but its notice issues 《温州市教育局2009年工作要点》' });
    expect(issuedYearConflict(text, 2009, genre)).toBeNull();
    expect(issuedYearConflict(lines('现将《2023年工作总结和2024年工作要点》印发给你们'), 2024, genre)).toBeNull();
    expect(issuedYearConflict(lines('现将《全市教育工作要点》印发给你们'), 2024, genre)).toBeNull();
  });
});

describe('the ingest', () => {
  const parser = createParser({ divisionsFile: null, tablesFile: null });
  const text = '婺城区教育局2017年工作思路\n一、指导思想\n全面贯彻落实党的十六届五中、六中全会精神，推进婺城教育发展。\n二、主要任务\n1.加强学前教育。扩大资源。\n2.推进均衡发展。加强建设。';

  it('refuses a year the text contradicts, naming the line, and publishes it with the year a sidecar gives', () => {
    const refused = parser.parse({ file: 'wucheng.txt', bytes: Buffer.from(text), sidecar: null });
    if (!('error' in refused)) throw new Error(`accepted as ${refused.document.plan.url}`);
    expect(refused.error.code).toBe('year-conflict');
    expect(refused.error.line).toBe(3);
    expect(refused.error.hint).toContain('wucheng.meta.yaml (year: …)');
    const settled = parser.parse({ file: 'wucheng.txt', bytes: Buffer.from(text), sidecar: { file: 'wucheng.meta.yaml', text: 'year: 2007\n' } });
    if ('error' in settled) throw settled.error;
    expect(settled.document.plan.url).toBe('/zhejiang/jinhua/wucheng/2007/silu/');
  });
});

describe('aimsYearConflict', () => {
  it('names the statement of another year\'s aims, and accepts the year\'s own or a summary\'s year beside it', () => {
    const text = lines('教育局2025年工作安排\n2012年全区教育工作的总体要求是：以科学发展观为统领。');
    expect(aimsYearConflict(text, 2025, [2025], genre)).toEqual({ line: 2, message: 'the text is filed as of 2025, but sets out the aims of 2012 ("2012年全区教育工作的总体要求是")' });
    expect(aimsYearConflict(text, 2012, [2012], genre)).toBeNull();
    expect(aimsYearConflict(lines('2023年全县教育工作的总体要求是：稳中求进。'), 2024, [2023, 2024], genre)).toBeNull();
    // Another place's aims, or a year's without 全县/我县, say nothing of the text's own year.
    expect(aimsYearConflict(lines('学习2012年全国教育工作会议精神，全省教育工作的总体要求是'), 2025, [2025], genre)).toBeNull();
  });
});

describe('milestoneConflict', () => {
  it('refuses a year outside the five-year plan whose start the text aims for, as a template site leaves it', () => {
    const text = '2023年全县教育工作的总体要求是：坚持以党的十九大和十九届六中全会精神为指导，努力实现全县教育事业“十三五良好开局。';
    expect(milestoneConflict(lines(text), 2023, [2023], genre)?.message).toBe('the text gives 2023 as its year, but names “十三五良好开局” (2016), of a five-year plan that ran 2016–2020');
    expect(milestoneConflict(lines(text), 2016, [2016], genre)).toBeNull();
  });

  it('accepts a milestone of the plan its years are in, or a year from it', () => {
    expect(milestoneConflict(lines('2016年，全市教育实现了“十三五”良好开局。'), 2017, [2016, 2017], genre)).toBeNull();
    expect(milestoneConflict(lines('2020年是“十三五”规划收官之年'), 2021, [2021], genre)).toBeNull();
    expect(milestoneConflict(lines('为“十五五”良好开局奠定基础'), 2025, [2025], genre)).toBeNull();
    expect(milestoneConflict(lines('确保“十四五”规划顺利收官'), 2023, [2023], genre)).toBeNull();
    expect(milestoneConflict(lines('今年是十三五规划开局之年'), 2022, [2022], genre)?.line).toBe(1);
  });
});

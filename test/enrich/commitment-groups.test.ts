/**
 * The corpus-wide step of commitments: the lists of /commitments/ and the link from
 * a result a summary reports to the commitment of the year before that it answers.
 */
import { describe, expect, it } from 'vitest';
import { createCommitmentReader } from '../../scripts/enrich/commitment-reader.ts';
import { commitmentGroupSlug, gatherCommitments } from '../../scripts/enrich/commitment-groups.ts';
import type { PlanHead } from '../../scripts/enrich/enrich-corpus.ts';
import type { ItemEnrichment } from '../../src/model/enrichment.ts';

const reader = createCommitmentReader();

const plan = (id: string, year: number, years: number[], region = ['shandong', 'taian']): PlanHead => ({ id, url: `/${id}/`, title: id, region: '泰安市', regionPath: region, year, years, kind: years.length > 1 ? '工作总结和工作计划' : '工作要点' });

/** An enriched item with the commitments its text reads as, reported or not. */
function item(planId: string, key: string, text: string, reported = false): { item: ItemEnrichment; clauses: string[] } {
  const read = reader.read(text);
  return {
    item: {
      id: `/${planId}/${key}/`, url: `/${planId}/${key}/`, plan: planId, key, heading: '', name: '', topics: [], documents: [], terms: [], keywords: [], related: [], reports: reported,
      commitments: read.map(({ clause: _clause, wording: _wording, tense: _tense, ...commitment }) => ({ ...commitment, reported, group: commitmentGroupSlug(commitment, reader), plannedIn: [] })),
    },
    clauses: read.map((commitment) => commitment.wording),
  };
}

function gather(plans: PlanHead[], entries: Array<{ item: ItemEnrichment; clauses: string[] }>) {
  const items = entries.map((entry) => entry.item);
  const groups = gatherCommitments(plans, items, reader, new Map(entries.map((entry) => [entry.item.url, entry.clauses])));
  return { groups, items };
}

describe('gatherCommitments', () => {
  it('gathers targets of one measure under one list, whatever words lead up to it', () => {
    const { groups } = gather(
      [plan('a/2024', 2024, [2024]), plan('b/2024', 2024, [2024], ['jiangxi', 'yingtan'])],
      [item('a/2024', '1', '学前三年毛入园率达到92%以上'), item('b/2024', '3', '全市毛入园率达到90%'), item('b/2024', '4', '新建幼儿园5所')],
    );
    const preschool = groups.find((group) => group.indicator === '毛入园率')!;
    expect(preschool).toMatchObject({ kind: 'target', unit: '%', plans: 2 });
    expect(preschool.entries.map((entry) => entry.url)).toEqual(['/a/2024/1/', '/b/2024/3/']);
    expect(groups[0]).toBe(preschool);
    expect(groups.find((group) => group.kind === 'count')).toMatchObject({ unit: '所', plans: 1 });
  });

  it('links a result reported in a summary to the same region’s commitment of the year it reports on', () => {
    const { items } = gather(
      [plan('taian/2024', 2024, [2023, 2024]), plan('taian/2023', 2023, [2023]), plan('yingtan/2023', 2023, [2023], ['jiangxi', 'yingtan'])],
      [
        item('taian/2024', '1-1', '全市毛入园率达到91.5%，新建改扩建幼儿园12所', true),
        item('taian/2023', '5', '学前三年毛入园率达到91%以上，新建改扩建幼儿园10所，培训教师1000人次'),
        item('yingtan/2023', '2', '毛入园率达到88%，新建改扩建幼儿园9所'),
      ],
    );
    const [rate, count] = items[0]!.commitments;
    expect(rate!.plannedIn).toEqual([{ url: '/taian/2023/5/', index: 0, text: '学前三年毛入园率达到91%以上' }]);
    // Matched by wording (新建改扩建幼儿园), not by the other plan's training count of another unit.
    expect(count!.plannedIn).toEqual([{ url: '/taian/2023/5/', index: 1, text: '10所' }]);
  });

  it('compares the words that lead up to each figure of a list, not the whole clause', () => {
    const { items } = gather(
      [plan('taian/2025', 2025, [2024, 2025]), plan('taian/2024', 2024, [2024])],
      [item('taian/2025', '1-1', '全年新建改扩建中小学12所、幼儿园10所', true), item('taian/2024', '20', '新建改扩建中小学11所、幼儿园10所')],
    );
    const [schools, kindergartens] = items[0]!.commitments;
    expect(schools!.plannedIn.map((entry) => entry.text)).toEqual(['11所']);
    expect(kindergartens!.plannedIn.map((entry) => entry.text)).toEqual(['10所']);
    expect(items[1]!.commitments.every((commitment) => commitment.plannedIn.length === 0)).toBe(true);
  });

  it('does not link a result to a commitment whose wording it does not share', () => {
    const { items } = gather(
      [plan('taian/2024', 2024, [2023, 2024]), plan('taian/2023', 2023, [2023])],
      [item('taian/2024', '1-1', '完成校舍安全鉴定12所', true), item('taian/2023', '5', '新建城区幼儿园10所')],
    );
    expect(items[0]!.commitments[0]!.plannedIn).toEqual([]);
  });
});

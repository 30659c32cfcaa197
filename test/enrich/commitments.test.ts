/**
 * The commitment reader, input to output: each genre table entry read as its
 * examples say (scripts/genre/commitments.yaml), and the cases the definition
 * (docs/commitments.md) draws a line through.
 */
import { describe, expect, it } from 'vitest';
import { createCommitmentReader, isReported, loadCommitmentTable } from '../../scripts/enrich/commitment-reader.ts';

const table = loadCommitmentTable();
const reader = createCommitmentReader(table);
const read = (text: string) => reader.read(text);

describe('the genre table examples', () => {
  const figureExamples = [...table.units.examples, ...table.levelExamples, ...table.countExamples, ...table.chineseNumeralExamples, ...table.notFigureExamples];
  it.each(figureExamples.map((example) => [example.text, example] as const))('%s', (text, example) => {
    const found = read(text).filter((commitment) => commitment.kind !== 'deadline' && commitment.kind !== 'responsible');
    if (example.kind === 'none') {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    const [commitment] = found;
    if (example.kind) expect(commitment!.kind).toBe(example.kind);
    if (example.quantity !== undefined) expect(commitment!.quantity).toBe(example.quantity);
    if (example.unit !== undefined) expect(commitment!.unit).toBe(example.unit);
    if (example.bound !== undefined) expect(commitment!.bound).toBe(example.bound);
    if (example.indicator !== undefined) expect(commitment!.indicator).toBe(example.indicator);
    expect(text.slice(commitment!.start, commitment!.end)).toBe(commitment!.text);
  });

  it.each(table.indicatorExamples.map((example) => [example.text, example.indicator] as const))('%s measures %s', (text, indicator) => {
    expect(read(text).filter((commitment) => commitment.kind === 'target').map((commitment) => commitment.indicator)).toEqual([indicator]);
  });

  it.each(table.deadlines.flatMap((rule) => rule.examples))('reads the deadline in %s', (text) => {
    const deadlines = read(`${text}完成建设`).filter((commitment) => commitment.kind === 'deadline');
    expect(deadlines).toHaveLength(1);
    expect(text).toContain(deadlines[0]!.text);
  });

  it.each(table.responsible.flatMap((rule) => rule.examples))('reads the office in %s', (text) => {
    const offices = read(`做好有关工作${text}`).filter((commitment) => commitment.kind === 'responsible');
    expect(offices).toHaveLength(1);
    expect(text).toContain(offices[0]!.office!);
    expect(offices[0]!.office).not.toMatch(/[（）():：]/u);
  });

  it.each(table.sectionExamples.map((example) => [example.heading, example.kind, example.reported] as const))('%s in a %s reports results: %s', (heading, kind, reported) => {
    expect(reader.reportsResults(heading, kind)).toBe(reported);
  });

  it.each(table.tenseExamples.map((example) => [example.text, example.reported] as const))('%s is reported outside a summary: %s', (text, reported) => {
    const figures = read(text).filter((commitment) => commitment.quantity !== null);
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) expect(isReported(figure, false)).toBe(reported);
  });

  it.each(table.indicatorGroupExamples.map((example) => [example.text, example.indicator] as const))('gathers %s under %s', (text, group) => {
    expect(reader.indicatorGroup(text)).toBe(group);
  });
});

describe('reading commitments', () => {
  it('reads a target with its measure, bound and exact span', () => {
    const text = '全市幼儿园招生报名“一网通办”覆盖率达到90%以上，持续推进。';
    const [target] = read(text);
    expect(target).toMatchObject({ kind: 'target', quantity: 90, unit: '%', bound: 'at-least', indicator: '覆盖率', text: '覆盖率达到90%以上' });
    expect(text.slice(target!.start, target!.end)).toBe('覆盖率达到90%以上');
  });

  it('reads counts, money and a deadline in one clause, in text order', () => {
    const found = read('新建改扩建中小学11所、幼儿园10所，年内投资3.03亿元完成建设项目150个。');
    expect(found.map((commitment) => [commitment.kind, commitment.quantity, commitment.unit])).toEqual([
      ['count', 11, '所'],
      ['count', 10, '所'],
      ['deadline', null, null],
      ['money', 3.03, '亿元'],
      ['count', 150, '个'],
    ]);
  });

  it('reads a range and an approximate figure', () => {
    expect(read('培育3-5所市级教育教学改革典型')[0]).toMatchObject({ quantity: 3, max: 5, unit: '所' });
    expect(read('开展专题培训，约谈520余人次')[0]).toMatchObject({ quantity: 520, unit: '人次', bound: 'about' });
  });

  it('reads full-width digits and keeps the span as printed', () => {
    const [target] = read('毛入园率达到９２％');
    expect(target).toMatchObject({ quantity: 92, unit: '%', text: '毛入园率达到９２％' });
  });

  it('reads no figure inside a name, a cited title, an ordinal or a statement of what exists', () => {
    expect(read('贯彻《2021—2025年教育规划》，开好第37个教师节，推进“六个1”工程')).toEqual([]);
    expect(read('全县现有中小学56所，教师3000人')).toEqual([]);
  });

  it('keeps a target whose measure the text does not name without an indicator', () => {
    const [target] = read('确保达到100%');
    expect(target).toMatchObject({ kind: 'target', quantity: 100, indicator: null });
  });

  it('reports a figure of a summary’s section unless its clause plans it', () => {
    const [done, planned] = read('召开工委会16次；2024年计划新建幼儿园3所');
    expect(isReported(done!, true)).toBe(true);
    expect(isReported(planned!, true)).toBe(false);
    expect(isReported(done!, false)).toBe(false);
  });

  it('does not read a figure inside an office’s bracket as a count', () => {
    const found = read('建好示范区（牵头单位：3个专班）');
    expect(found.map((commitment) => commitment.kind)).toEqual(['responsible']);
  });
});

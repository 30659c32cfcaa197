/** The commitment chart's geometry: a real axis from zero, gaps for years without a commitment, dots kept apart. */
import { describe, expect, it } from 'vitest';
import { chartLayout, niceStep } from '../../src/site/commitment-chart.ts';

const point = (year: number, value: number, region = '泰安市') => ({ year, value, region, url: `/${year}/${region}/` });

describe('chartLayout', () => {
  const chart = chartLayout([point(2019, 85), point(2021, 90), point(2021, 92, '鹰潭市')], '%');

  it('draws every year from the first to the last, a year without a commitment as a gap of 0', () => {
    expect(chart.years.map((entry) => [entry.year, entry.count])).toEqual([[2019, 1], [2020, 0], [2021, 2]]);
    expect(chart.dots.filter((dot) => dot.year === 2020)).toEqual([]);
  });

  it('draws a share on its whole scale from 0 to 100%', () => {
    expect(chart.ticks.map((tick) => tick.value)).toEqual([0, 20, 40, 60, 80, 100]);
    const zero = chart.ticks[0]!.y;
    const hundred = chart.ticks.at(-1)!.y;
    const at = (value: number) => zero + (hundred - zero) * (value / 100);
    for (const dot of chart.dots) expect(dot.y).toBeCloseTo(at(dot.value));
  });

  it('spreads the dots of one year across its column', () => {
    const [first, second] = chart.dots.filter((dot) => dot.year === 2021);
    expect(first!.x).toBeLessThan(second!.x);
    const column = chart.years.find((entry) => entry.year === 2021)!;
    expect((first!.x + second!.x) / 2).toBeCloseTo(column.x);
  });

  it('puts counts on round ticks from zero past the highest figure', () => {
    const counts = chartLayout([point(2023, 11), point(2024, 37)], '所');
    expect(counts.ticks[0]!.value).toBe(0);
    expect(counts.max).toBeGreaterThanOrEqual(37);
    expect(counts.ticks.map((tick) => tick.value)).toEqual([0, 10, 20, 30, 40]);
    expect(niceStep(37)).toBe(10);
    expect(niceStep(3.03)).toBe(1);
  });
});

/**
 * The geometry of a commitment chart: every figure committed for one measure, by
 * year, on a value axis from zero. Every year from the first to the last is a
 * column whether or not any plan of it commits (a gap, not a zero), each column
 * states how many commitments it holds, and dots of one year are spread across
 * their column instead of hiding one another.
 */
import type { ChartFrame } from './chart-frame.ts';

export interface ChartPoint {
  year: number;
  region: string;
  value: number;
  url: string;
}

export interface ChartLayout extends ChartFrame {
  /** Value axis: from 0 to `max`, a tick every `step`. */
  max: number;
  years: Array<{ year: number; x: number; count: number }>;
  dots: Array<ChartPoint & { x: number; y: number }>;
}

/** A round step that cuts `range` into about five parts: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(range: number): number {
  if (range <= 0) return 1;
  const raw = range / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((step) => step >= raw)!;
}

export function chartLayout(points: readonly ChartPoint[], unit: string, size = { width: 640, height: 260 }): ChartLayout {
  const [left, right, top, bottom] = [48, 16, 12, 44];
  const { width, height } = size;
  const first = Math.min(...points.map((point) => point.year));
  const last = Math.max(...points.map((point) => point.year));
  const highest = Math.max(...points.map((point) => point.value));
  // A share is drawn on its whole scale, so 95% does not look like four times 25%.
  const share = unit === '%' && highest <= 100;
  const step = share ? 20 : niceStep(highest);
  const max = share ? 100 : Math.ceil(highest / step) * step;
  const y = (value: number): number => top + (height - top - bottom) * (1 - value / max);
  const span = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const column = (width - left - right) / span.length;
  const byYear = new Map<number, ChartPoint[]>();
  for (const point of points) byYear.set(point.year, [...(byYear.get(point.year) ?? []), point]);
  return {
    width, height, left, right, top, bottom, max,
    ticks: Array.from({ length: Math.round(max / step) + 1 }, (_, index) => ({ value: index * step, y: y(index * step) })),
    years: span.map((year) => ({ year, x: left + column * (year - first + 0.5), count: byYear.get(year)?.length ?? 0 })),
    dots: span.flatMap((year) => {
      const list = byYear.get(year) ?? [];
      return list.map((point, slot) => ({ ...point, x: left + column * (year - first) + column * ((slot + 1) / (list.length + 1)), y: y(point.value) }));
    }),
  };
}

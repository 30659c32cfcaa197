/**
 * How the site shows commitments (docs/commitments.md): a figure in words and
 * signs, the name of each list of /commitments/, and an item's text cut at the
 * spans its commitments were read from so that they can be marked.
 */
import type { Segment } from '../model/linker.ts';
import type { Commitment, CommitmentGroup, CommitmentKind } from '../model/enrichment.ts';

export { clauseAround } from '../model/enrichment.ts';

export const commitmentKindNames: Record<CommitmentKind, string> = {
  target: '目标值',
  count: '数量',
  money: '资金',
  deadline: '时限',
  responsible: '责任单位',
};

const boundSigns: Record<NonNullable<Commitment['bound']>, string> = { exact: '', 'at-least': '≥ ', 'at-most': '≤ ', about: '约 ' };

const number = (value: number): string => value.toLocaleString('zh-CN', { maximumFractionDigits: 4, useGrouping: false });

/** "≥ 90%", "3–5 所", "约 520 人次", "3.03 亿元"; a deadline or an office as printed. */
export function figureText(commitment: Pick<Commitment, 'kind' | 'quantity' | 'max' | 'unit' | 'bound' | 'text' | 'office'>): string {
  if (commitment.kind === 'responsible') return commitment.office ?? commitment.text;
  if (commitment.quantity === null) return commitment.text;
  const value = commitment.max === null ? number(commitment.quantity) : `${number(commitment.quantity)}–${number(commitment.max)}`;
  const unit = commitment.unit ?? '';
  const joined = unit === '%' || unit === '‰' ? `${value}${unit}` : `${value} ${unit}`;
  return `${boundSigns[commitment.bound ?? 'exact']}${joined}`.trim();
}

/** The name of a list of /commitments/: 毛入园率（%）, 数量（所）, 资金, 时限, 责任单位. */
export function groupName(group: Pick<CommitmentGroup, 'kind' | 'indicator' | 'unit'>): string {
  if (group.kind === 'target') return group.indicator ? `${group.indicator}（${group.unit}）` : `未写明指标的目标值（${group.unit}）`;
  if (group.kind === 'count') return `数量（${group.unit}）`;
  return commitmentKindNames[group.kind];
}

export interface MarkedSegment extends Segment {
  /** The commitment (its position among the item's) whose span this piece lies in. */
  mark?: number;
}

/**
 * Linked segments of one paragraph, cut where a commitment's span begins or ends so
 * that each piece lies wholly inside or outside it. `offset` is where the paragraph
 * starts in the item's text, in which the spans are counted.
 */
export function markSegments(segments: readonly Segment[], commitments: readonly Pick<Commitment, 'start' | 'end'>[], offset: number): MarkedSegment[] {
  const marked: MarkedSegment[] = [];
  let at = offset;
  for (const segment of segments) {
    const end = at + segment.text.length;
    const cuts = new Set<number>([at, end]);
    for (const { start, end: stop } of commitments) {
      if (start > at && start < end) cuts.add(start);
      if (stop > at && stop < end) cuts.add(stop);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let index = 0; index + 1 < points.length; index += 1) {
      const [from, to] = [points[index]!, points[index + 1]!];
      const mark = commitments.findIndex((commitment) => commitment.start <= from && to <= commitment.end);
      marked.push({ ...segment, text: segment.text.slice(from - at, to - at), ...(mark >= 0 ? { mark } : {}) });
    }
    at = end;
  }
  return marked;
}

/** The item's paragraphs as ItemText shows them (empty lines dropped), each with where it starts in the text. */
export function paragraphsOf(text: string): Array<{ text: string; offset: number }> {
  const paragraphs: Array<{ text: string; offset: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.length > 0) paragraphs.push({ text: line, offset });
    offset += line.length + 1;
  }
  return paragraphs;
}


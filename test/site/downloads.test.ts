import { describe, expect, it } from 'vitest';
import { itemsInPlan } from '../../src/site/atlas-model.ts';
import { itemColumns, itemsCsv, itemsJson, jsonRecords, planJson } from '../../src/model/downloads.ts';
import { plan } from './fixtures.ts';

const absolute = (path: string): string => `https://e.org/atlas${path}`;

describe('item downloads', () => {
  const items = itemsInPlan(plan({ title: '计划, 含逗号' }));

  it('writes one CSV row per item with absolute URLs under the base, for Excel', () => {
    const csv = itemsCsv(items, absolute);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(itemColumns.join(','));
    expect(lines).toHaveLength(items.length + 2);
    expect(lines[1]).toMatch(/^https:\/\/e\.org\/atlas\/shandong\/taian\/2024\/1\/,https:\/\/e\.org\/atlas\/shandong\/taian\/2024\/,shandong\/taian\/2024,"计划, 含逗号",2024,/u);
  });

  it('gives the same fields as JSON, with null where the plan says nothing', () => {
    const rows = JSON.parse(itemsJson(items, absolute)) as Record<string, unknown>[];
    expect(Object.keys(rows[0]!)).toEqual([...itemColumns]);
    expect(rows[1]!['title']).toBeNull();
    expect(rows[0]!['section']).toBe('一、加强党建');
  });

  it('writes a plan with its page URL', () => {
    const json = JSON.parse(planJson(plan(), absolute)) as { id: string; pageUrl: string };
    expect(json.id).toBe('shandong/taian/2024');
    expect(json.pageUrl).toBe('https://e.org/atlas/shandong/taian/2024/');
  });

  it('writes a record a line, so grep and diff work line by line, and any JSON reader reads it back', () => {
    const text = itemsJson(items, absolute);
    const lines = text.split('\n');
    expect(lines[0]).toBe('[');
    expect(lines.at(-2)).toBe(']');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(items.length + 3);
    const records = JSON.parse(text) as Record<string, unknown>[];
    lines.slice(1, -2).forEach((line, index) => expect(JSON.parse(line.replace(/,$/u, ''))).toEqual(records[index]));
    expect(text).not.toMatch(/\n {2}/u);
    expect(JSON.parse(jsonRecords([]))).toEqual([]);
    expect(JSON.parse(jsonRecords([{ a: '“引号”\n换行' }]))).toEqual([{ a: '“引号”\n换行' }]);
  });
});

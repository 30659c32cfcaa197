import { describe, expect, it } from 'vitest';
import { itemsInPlan } from '../../src/site/atlas-model.ts';
import { itemColumns, itemsCsv, itemsJson, planJson } from '../../src/site/downloads.ts';
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
});

/**
 * Page keys decide which pages a rebuild renders again: a key must change with
 * anything its page shows, and stay put for anything it does not.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.ts';
import { itemsInPlan } from '../../src/site/atlas-model.ts';
import { PageKeys } from '../../src/site/page-keys.ts';
import { item, plan, section } from './fixtures.ts';

const noEnrichment = { topics: [], related: [] };

/** Item keys of a plan, each from a fresh PageKeys as a new build computes them. */
const itemKeys = (subject: Plan, enrichment = noEnrichment): string[] => {
  const keys = new PageKeys();
  return itemsInPlan(subject).map((context) => keys.item(context, enrichment));
};

describe('item keys', () => {
  const base = plan();

  it('differ between the items of a plan and are the same for the same data', () => {
    const keys = itemKeys(base);
    expect(new Set(keys).size).toBe(keys.length);
    expect(itemKeys(structuredClone(base))).toEqual(keys);
  });

  it('all change when anything in the plan changes, a neighbour or a section heading included', () => {
    const url = base.url;
    const neighbourEdited = plan({
      sections: [
        section('1', '一、加强党建', [item(url, '1', '巩固成果', '巩固成果。正文一。'), item(url, '2', null, '正文二，改过。')]),
        section('2', '二、提高质量', [item(url, '3', '提升质量', '提升质量。正文三。')]),
      ],
    });
    const headingEdited = plan({
      sections: [
        section('1', '一、加强党建', [item(url, '1', '巩固成果', '巩固成果。正文一。'), item(url, '2', null, '正文二。')]),
        section('2', '二、提高教育质量', [item(url, '3', '提升质量', '提升质量。正文三。')]),
      ],
    });
    const before = itemKeys(base);
    for (const edited of [neighbourEdited, headingEdited, plan({ publisher: '泰安市教育和体育局' })]) {
      const after = itemKeys(edited);
      after.forEach((key, index) => expect(key).not.toBe(before[index]));
    }
  });

  it('change with the item’s topics and related items', () => {
    const related = { topics: [{ slug: 'preschool', name: '学前教育' }], related: [] } as unknown as typeof noEnrichment;
    expect(itemKeys(base, related)[0]).not.toBe(itemKeys(base)[0]);
  });
});

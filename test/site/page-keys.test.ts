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

describe('gathering keys', () => {
  /** A chart's points as the commitment lists have them: a long array every page of the list shares. */
  const points = (count: number, last = 0) => Array.from({ length: count }, (_, index) => ({ year: 2024, value: index === count - 1 ? last : index, url: `/x/${index}/` }));

  it('change with any point of a long shared list, whether or not the list is the same object', () => {
    const keys = new PageKeys();
    const all = points(300);
    const first = keys.gathering('commitments', { page: 1, all });
    expect(keys.gathering('commitments', { page: 1, all })).toBe(first);
    // The next build's list, a new array of the same points: the same key.
    expect(new PageKeys().gathering('commitments', { page: 1, all: points(300) })).toBe(first);
    // One point changed, in a new array: a new key.
    expect(keys.gathering('commitments', { page: 1, all: points(300, 9999) })).not.toBe(first);
    // The page's own part still counts beside the shared list.
    expect(keys.gathering('commitments', { page: 2, all })).not.toBe(first);
  });

  it('digest a plan inside a long list by its own digest, so its edit changes the key', () => {
    const keys = new PageKeys();
    const edited = structuredClone(plan());
    edited.title = `${edited.title}（修订）`;
    const list = (subject: Plan) => [subject, ...points(300)];
    expect(keys.gathering('topics', { plans: list(plan()) })).not.toBe(keys.gathering('topics', { plans: list(edited) }));
  });
});

import { planSchema, type Item, type Plan, type Section } from '../../src/model/plan.ts';

export function item(planUrl: string, key: string, title: string | null, text: string): Item {
  const label = `${key.split('.').at(-1)}.`;
  return {
    key,
    url: `${planUrl}${key.replaceAll('.', '-')}/`,
    anchor: `item-${key.replaceAll('.', '-')}`,
    label,
    number: Number(key.split('.').at(-1)),
    title,
    heading: title ? `${label}${title}。` : label,
    text,
    line: 10,
  };
}

export function section(key: string, heading: string, items: Item[], sections: Section[] = []): Section {
  return {
    key,
    anchor: `section-${key.replaceAll('.', '-')}`,
    label: heading ? '一、' : '',
    number: Number(key.split('.').at(-1)),
    title: heading.replace(/^一、/u, ''),
    heading,
    text: '',
    line: 5,
    sections,
    items,
  };
}

type RegionOverrides = Partial<Plan['region']>;

/** A small valid plan; overrides replace top-level fields, `region` merges. */
export function plan(overrides: Partial<Omit<Plan, 'region'>> & { region?: RegionOverrides } = {}): Plan {
  const { region, ...rest } = overrides;
  const url = rest.url ?? '/shandong/taian/2024/';
  const base: Plan = {
    id: url.replace(/^\/|\/$/gu, ''),
    url,
    title: '泰安市教育局2024年工作要点',
    titleInferred: false,
    printedTitle: '泰安市教育局2024年工作要点',
    kind: '工作要点',
    kindSlug: 'yaodian',
    year: 2024,
    years: [2024],
    region: {
      name: '泰安市',
      code: '370900',
      province: '山东省',
      provinceCode: '370000',
      prefecture: '泰安市',
      prefectureCode: '370900',
      level: 'prefecture',
      path: ['shandong', 'taian'],
      source: 'title',
      evidence: '泰安市',
      ...region,
    },
    issuers: ['泰安市教育局'],
    docNumber: '泰教发〔2024〕1号',
    issuedOn: '2024-03-26',
    publishedOn: '2024-03-27',
    publisher: '泰安市教育局',
    sourceUrl: null,
    sourceFile: 'content/sources/taian-2024.txt',
    sourceSha256: '0'.repeat(64),
    notice: '',
    preamble: '总体思路。',
    sections: [
      section('1', '一、加强党建', [item(url, '1', '巩固成果', '巩固成果。正文一。'), item(url, '2', null, '正文二。')]),
      section('2', '二、提高质量', [item(url, '3', '提升质量', '提升质量。正文三。')]),
    ],
    inferred: [],
    removed: [],
    closing: '',
    ...rest,
  };
  return planSchema.parse(base);
}

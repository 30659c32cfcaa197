/** Small hand-made plans for the enrich tests: just enough of the model to be valid. */
import { planSchema, type Item, type Plan } from '../../src/model/plan.ts';

export interface ItemSpec {
  key: string;
  title: string | null;
  text: string;
}

export function makePlan(path: string[], year: number, items: ItemSpec[], title = `${path.join('')}${year}年教育工作要点`): Plan {
  const url = `/${path.join('/')}/${year}/`;
  const planItems: Item[] = items.map((spec, index) => ({
    key: spec.key,
    url: `${url}${spec.key.replace(/\./g, '-')}/`,
    anchor: `item-${spec.key.replace(/\./g, '-')}`,
    label: `${index + 1}.`,
    number: index + 1,
    title: spec.title,
    heading: `${index + 1}.${spec.title ?? ''}`,
    text: spec.text,
    line: index + 2,
  }));
  return planSchema.parse({
    id: url.slice(1, -1),
    url,
    title,
    titleInferred: false,
    printedTitle: title,
    kind: '工作要点',
    kindSlug: 'gongzuo-yaodian',
    year,
    years: [year],
    region: {
      name: path.at(-1)!,
      code: '370900',
      province: path[0]!,
      provinceCode: '370000',
      prefecture: path[1] ?? null,
      prefectureCode: path[1] ? '370900' : null,
      level: path.length === 1 ? 'province' : path.length === 2 ? 'prefecture' : 'county',
      path,
      source: 'sidecar',
      evidence: path.join(''),
    },
    issuers: [],
    docNumber: null,
    issuedOn: null,
    publishedOn: null,
    publisher: null,
    sourceUrl: null,
    sourceFile: `content/sources/${path.join('-')}-${year}.txt`,
    sourceSha256: '0'.repeat(64),
    notice: '',
    preamble: '',
    sections: [{ key: '1', anchor: 'section-1', label: '一、', number: 1, title: '工作', heading: '一、工作', text: '', line: 1, sections: [], items: planItems }],
    inferred: [],
    removed: [],
    closing: '',
  });
}

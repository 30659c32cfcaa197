/**
 * Ready citations for a plan or an item: GB/T 7714-2015 for electronic resources
 * ([EB/OL]), and the Highwire citation_* tags that Zotero and Google Scholar read.
 * The access date is left as the placeholder 引用日期: a build that stamped the
 * day would not be reproducible; the copy button fills in the reader's day.
 */
import type { Item, Plan } from '../model/plan.ts';
import { itemPlace, untitledItemName } from '../model/item-name.ts';

export { itemPlace };

export const accessDatePlaceholder = '引用日期';

/**
 * GB/T 7714-2015 §8.1: up to three responsible parties, then ", 等": the issuers as
 * printed, else the publisher; none when neither is known (a region is no author).
 */
export function responsibleParties(plan: Plan): string {
  const names = plan.issuers.length > 0 ? plan.issuers : plan.publisher ? [plan.publisher] : [];
  return names.length > 3 ? `${names.slice(0, 3).join(', ')}, 等` : names.join(', ');
}

/** The date the citation gives in parentheses: published, else issued. */
export function citationDate(plan: Plan): string | null {
  return plan.publishedOn ?? plan.issuedOn;
}

const trimEndPunctuation = (text: string): string => text.replace(/[。．.；;，,：:、\s]+$/u, '');

/** An item by its label and lead phrase; one with no lead phrase by its place and the start of its text. */
export function itemCitationTitle(plan: Plan, item: Item): string {
  const name = item.title ? trimEndPunctuation(`${item.label}${item.title}`) : untitledItemName(item);
  return `${plan.title}: ${name}`;
}

/** 泰安市教育局. 中共泰安市委教育工委 泰安市教育局2024年工作要点[EB/OL]. (2024-03-26)[引用日期]. https://…/ */
export function gbtCitation(plan: Plan, url: string, item?: Item): string {
  const title = item ? itemCitationTitle(plan, item) : plan.title;
  const date = citationDate(plan);
  const dated = date ? `(${date})` : '';
  const parties = responsibleParties(plan);
  return `${parties ? `${parties}. ` : ''}${title}[EB/OL]. ${dated}[${accessDatePlaceholder}]. ${url}.`;
}

export interface MetaTag { name: string; content: string }

/** Highwire Press tags, one per author. */
export function citationMeta(plan: Plan, url: string, item?: Item): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: item ? itemCitationTitle(plan, item) : plan.title }];
  for (const issuer of plan.issuers) tags.push({ name: 'citation_author', content: issuer });
  const date = plan.issuedOn ?? plan.publishedOn;
  tags.push({ name: 'citation_publication_date', content: date ? date.replaceAll('-', '/') : String(plan.year) });
  if (plan.publishedOn) tags.push({ name: 'citation_online_date', content: plan.publishedOn.replaceAll('-', '/') });
  if (plan.publisher) tags.push({ name: 'citation_publisher', content: plan.publisher });
  if (plan.docNumber) tags.push({ name: 'citation_technical_report_number', content: plan.docNumber });
  if (item) tags.push({ name: 'citation_inbook_title', content: plan.title });
  tags.push({ name: 'citation_language', content: 'zh' });
  tags.push({ name: 'citation_public_url', content: url });
  return tags;
}

/** Replaces the access-date placeholder with a reader's day (done in the browser on copy). */
export function withAccessDate(citation: string, isoDay: string): string {
  return citation.replace(`[${accessDatePlaceholder}]`, `[${isoDay}]`);
}

/** The parts of a citation that RIS and BibTeX share: the work, the whole it is in, who is responsible, when. */
function citationParts(plan: Plan, item?: Item) {
  const names = plan.issuers.length > 0 ? plan.issuers : plan.publisher ? [plan.publisher] : [];
  return {
    title: item ? itemCitationTitle(plan, item).slice(plan.title.length + 2) : plan.title,
    container: item ? plan.title : null,
    authors: names,
    year: plan.year,
    date: citationDate(plan),
    publisher: plan.publisher,
    place: [plan.region.province, plan.region.prefecture, plan.region.name].filter((part, index, all): part is string => part !== null && all.indexOf(part) === index).join(''),
    docNumber: plan.docNumber,
  };
}

/** The file name of a plan's or an item's citation download: its id, e.g. shandong-taian-2024-20. */
export function citationFileName(plan: Plan, item?: Item): string {
  return `${plan.id.replaceAll('/', '-')}${item ? `-${item.key.replaceAll('.', '-')}` : ''}`;
}

/**
 * RIS (Zotero, EndNote and NoteExpress import it): a government document, each
 * issuing body an author as printed, lines ended by CRLF as the format has them.
 */
export function risCitation(plan: Plan, url: string, item?: Item): string {
  const parts = citationParts(plan, item);
  const lines = [
    'TY  - GOVDOC',
    `TI  - ${parts.title}`,
    ...(parts.container ? [`T2  - ${parts.container}`] : []),
    ...parts.authors.map((name) => `AU  - ${name}`),
    `PY  - ${parts.year}`,
    ...(parts.date ? [`DA  - ${parts.date.replaceAll('-', '/')}`] : []),
    ...(parts.publisher ? [`PB  - ${parts.publisher}`] : []),
    ...(parts.place ? [`CY  - ${parts.place}`] : []),
    ...(parts.docNumber ? [`M1  - ${parts.docNumber}`] : []),
    `UR  - ${url}`,
    'LA  - zh-CN',
    'ER  - ',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** A BibTeX value in braces, with the characters BibTeX gives meaning to escaped. */
const bibtexValue = (text: string): string => `{${text.replace(/[\\{}]/gu, (char) => `\\${char}`).replace(/[&%$#_]/gu, (char) => `\\${char}`)}}`;

/** BibTeX: @misc, each issuing body a corporate author in double braces, so that it is not read as a person's name. */
export function bibtexCitation(plan: Plan, url: string, item?: Item): string {
  const parts = citationParts(plan, item);
  const fields: Array<[string, string]> = [
    ['title', `{${bibtexValue(parts.title)}}`],
    ...(parts.authors.length > 0 ? [['author', parts.authors.map((name) => `{${bibtexValue(name)}}`).join(' and ')] as [string, string]] : []),
    ...(parts.container ? [['howpublished', bibtexValue(parts.container)] as [string, string]] : []),
    ['year', `{${parts.year}}`],
    ...(parts.date ? [['date', `{${parts.date}}`] as [string, string]] : []),
    ...(parts.publisher ? [['publisher', bibtexValue(parts.publisher)] as [string, string]] : []),
    ...(parts.place ? [['address', bibtexValue(parts.place)] as [string, string]] : []),
    ...(parts.docNumber ? [['number', bibtexValue(parts.docNumber)] as [string, string]] : []),
    ['url', `{${url}}`],
    ['language', '{chinese}'],
  ];
  return `@misc{${citationFileName(plan, item)},\n${fields.map(([name, value]) => `  ${name} = ${value},`).join('\n')}\n}\n`;
}

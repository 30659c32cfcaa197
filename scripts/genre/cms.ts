/**
 * Loads scripts/genre/cms.yaml: where bureaus' content management systems put
 * an article's body (selectors and marker pairs, most specific first), the
 * labels of the facts printed around it, the meta tags that carry facts, what
 * makes a link an attachment and the class words of site chrome. Validated
 * once; a malformed table names the file, the entry and the field.
 */
import { selectAll } from 'hast-util-select';
import { z } from 'zod';
import type { ExtractedFacts } from '../extract/types.ts';
import { readGenreTable } from './tables.ts';
import { parseWith } from '../../src/model/errors.ts';

export type CmsFact = keyof ExtractedFacts;
export const cmsFacts = ['title', 'publisher', 'publishedOn', 'issuedOn', 'docNumber', 'indexNumber'] as const satisfies readonly CmsFact[];

const han = z.string().regex(/^\p{Script=Han}+$/u, 'Chinese characters only');
const labels = z.array(han).min(1);
const metaNames = z.array(z.string().regex(/^[\w.:-]+$/u, 'a meta name')).default([]);
const word = z.string().regex(/^[a-z][a-z0-9]*$/, 'a lower-case word');

const selector = z.string().min(1).superRefine((source, context) => {
  try {
    // hast-util-select parses the selector on use and throws on what it cannot match.
    selectAll(source, { type: 'root', children: [] });
  } catch (error) {
    context.addIssue({ code: 'custom', message: `not a selector hast-util-select can use: ${(error as Error).message}` });
  }
});

const marker = z.union([z.object({ comment: z.string().min(1) }).strict(), z.object({ meta: z.string().min(1) }).strict()]);

const bodyEntry = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case words joined by -'),
    cms: z.string().min(1),
    selector: selector.optional(),
    begin: marker.optional(),
    end: marker.optional(),
    example: z.string().min(1),
  })
  .strict()
  .superRefine((entry, context) => {
    const markers = entry.begin !== undefined || entry.end !== undefined;
    if ((entry.selector === undefined) === !markers) context.addIssue({ code: 'custom', message: 'give either selector or begin and end' });
    if (markers && (entry.begin === undefined || entry.end === undefined)) context.addIssue({ code: 'custom', message: 'a marker pair needs both begin and end' });
  });

const cmsTable = z
  .object({
    bodies: z.array(bodyEntry).min(1),
    fields: z
      .object({
        title: labels,
        indexNumber: labels,
        docNumber: labels,
        issuedOn: labels,
        publishedOn: labels,
        publisher: labels,
        other: labels,
      })
      .strict(),
    stops: labels,
    metaTags: z
      .object({ title: metaNames, publisher: metaNames, publishedOn: metaNames, issuedOn: metaNames, docNumber: metaNames, indexNumber: metaNames })
      .strict(),
    attachments: z.object({ extensions: z.array(z.string().regex(/^[a-z0-9]+$/, 'lower-case, without the dot')).min(1), textPrefixes: labels }).strict(),
    chrome: z.object({ inBody: z.array(word).min(1), page: z.array(word).min(1) }).strict(),
  })
  .strict()
  .superRefine((table, context) => {
    const seen = new Set<string>();
    table.bodies.forEach((entry, index) => {
      if (seen.has(entry.id)) context.addIssue({ code: 'custom', path: ['bodies', index, 'id'], message: `duplicate id ${entry.id}` });
      seen.add(entry.id);
    });
    const labelled = new Map<string, string>();
    for (const [group, list] of [...Object.entries(table.fields), ['stops', table.stops] as const]) {
      for (const label of list) {
        const earlier = labelled.get(label);
        if (earlier !== undefined) context.addIssue({ code: 'custom', path: ['fields', group], message: `${label} is listed under ${earlier} too` });
        labelled.set(label, group);
      }
    }
  });

type CmsTable = z.infer<typeof cmsTable>;

export type BodyMarker = { comment: string } | { meta: string };

export type BodyRule =
  | { id: string; cms: string; example: string; selector: string }
  | { id: string; cms: string; example: string; begin: BodyMarker; end: BodyMarker };

export interface FieldLabel {
  /** As printed, without spaces. */
  label: string;
  /** The fact it gives; null for labels that only mark a disclosure table (`other`) or end a value (`stop`). */
  fact: CmsFact | null;
  /** Stops end a value but do not make a block a disclosure table. */
  stop: boolean;
}

export interface CmsGenre {
  /** In the order they are tried. */
  bodies: readonly BodyRule[];
  /** Keyed by the label without spaces. */
  labels: ReadonlyMap<string, FieldLabel>;
  /**
   * A label where a field starts: not after a Chinese character (so 来源 is not
   * read inside 资金来源), followed by a colon or by the end of its cell. Global;
   * the label as printed is in the group `label`.
   */
  labelPattern: RegExp;
  /** Lower-cased meta name → fact. */
  metaTags: ReadonlyMap<string, CmsFact>;
  /** Tests an address (path, or a query value) ending in an attachment's extension. */
  attachmentHref: RegExp;
  attachmentPrefixes: readonly string[];
  /** Test one lower-cased word of a class or id name. */
  chromeInBody: RegExp;
  chromePage: RegExp;
}

let cached: CmsGenre | undefined;

export function validateCmsTable(data: unknown, fileName = 'scripts/genre/cms.yaml'): CmsTable {
  return parseWith(cmsTable, data, fileName, { entries: { list: 'bodies', noun: 'entry' } });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Compiles a validated table; exported so tests can check a table of their own. */
export function compileCmsGenre(table: CmsTable): CmsGenre {
  const bodies = table.bodies.map((entry): BodyRule =>
    entry.selector !== undefined
      ? { id: entry.id, cms: entry.cms, example: entry.example, selector: entry.selector }
      : { id: entry.id, cms: entry.cms, example: entry.example, begin: entry.begin as BodyMarker, end: entry.end as BodyMarker },
  );
  const labels = new Map<string, FieldLabel>();
  for (const fact of cmsFacts) for (const label of table.fields[fact]) labels.set(label, { label, fact, stop: false });
  for (const label of table.fields.other) labels.set(label, { label, fact: null, stop: false });
  for (const label of table.stops) labels.set(label, { label, fact: null, stop: true });
  // Longest first, so 发文字号 is not read as 文号, nor 信息来源 as 来源. Spaces may pad a label (文　　号).
  const alternatives = [...labels.keys()]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((label) => [...label].map(escapeRegExp).join('[ \\u3000]*'))
    .join('|');
  const labelPattern = new RegExp(`(?<!\\p{Script=Han})(?<label>${alternatives})(?:[ \\u3000]*[:：]|(?=[ \\u3000]*(?:[\\t\\n]|$)))`, 'gu');
  const metaTags = new Map<string, CmsFact>();
  for (const fact of cmsFacts) for (const name of table.metaTags[fact]) metaTags.set(name.toLowerCase(), fact);
  const extensions = table.attachments.extensions.map(escapeRegExp).join('|');
  const words = (list: readonly string[]): RegExp => new RegExp(`^(?:${list.map(escapeRegExp).join('|')})$`, 'u');
  return {
    bodies,
    labels,
    labelPattern,
    metaTags,
    attachmentHref: new RegExp(`\\.(?:${extensions})(?=$|[?#&])`, 'iu'),
    attachmentPrefixes: table.attachments.textPrefixes,
    chromeInBody: words(table.chrome.inBody),
    chromePage: words(table.chrome.page),
  };
}

export function loadCmsGenre(): CmsGenre {
  cached ??= compileCmsGenre(readGenreTable('cms.yaml', (data) => validateCmsTable(data)));
  return cached;
}

/**
 * The one typed model of Plan Atlas: plan, section, item, region.
 *
 * Scripts validate every parsed plan against these schemas before writing it,
 * and Astro's content collections validate the written frontmatter against the
 * same schemas, so the two sides cannot drift apart.
 */
import { z } from 'zod';

export const regionLevels = ['province', 'prefecture', 'county'] as const;
export type RegionLevel = (typeof regionLevels)[number];

/** Where a fact came from, so readers and editors can tell printed from inferred. */
/** heading: the line printed atop the text when no title names a plan (2019年汉阴县…公开承诺——县教体科技局). */
export const provenances = ['sidecar', 'title', 'issuer', 'notice', 'heading', 'body', 'publisher'] as const;
export type Provenance = (typeof provenances)[number];

export const regionSchema = z.object({
  /** Official name as in GB/T 2260, e.g. 泰安市. */
  name: z.string().min(1),
  /** Six-digit GB/T 2260 division code, e.g. 370900. */
  code: z.string().regex(/^\d{6}$/),
  /** Province-level division name, e.g. 山东省. */
  province: z.string().min(1),
  provinceCode: z.string().regex(/^\d{6}$/),
  /** Prefecture-level division; the region itself when it is a prefecture; null under a municipality. */
  prefecture: z.string().nullable(),
  prefectureCode: z.string().regex(/^\d{6}$/).nullable(),
  level: z.enum(regionLevels),
  /** Readable pinyin slugs from the province down, the first segments of every URL. */
  path: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
  source: z.enum(provenances),
  /** The words in the document (or sidecar) the region was resolved from. */
  evidence: z.string(),
});
export type Region = z.infer<typeof regionSchema>;

export const itemSchema = z.object({
  /** Stable key from the document's own numbering, e.g. "7", "2.14", "1.1.1". */
  key: z.string().regex(/^\d+(\.\d+)*$/),
  /** Site-relative URL without base path, e.g. /shandong/taian/2024/7/. */
  url: z.string().startsWith('/').endsWith('/'),
  /** Fragment id of the item's heading on the plan page. */
  anchor: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** The numbering as printed, e.g. "7.", "一是", "（三）". */
  label: z.string(),
  number: z.number().int().positive(),
  /** Lead phrase, without its closing punctuation; null when the item has none. */
  title: z.string().nullable(),
  /** Label and lead phrase exactly as printed (closing mark included): the item's heading. */
  heading: z.string(),
  /** Everything after the label, as printed (lead phrase included); paragraphs joined by "\n". */
  text: z.string(),
  /** 1-based line in the source file where the item starts. */
  line: z.number().int().positive(),
});
export type Item = z.infer<typeof itemSchema>;

export interface Section {
  key: string;
  anchor: string;
  label: string;
  number: number;
  /** Empty for the unnumbered section that holds a list printed without sections. */
  title: string;
  /** Label and title exactly as printed (closing mark included). */
  heading: string;
  /** Text printed after the heading before the first child, paragraphs joined by "\n"; "" if none. */
  text: string;
  line: number;
  sections: Section[];
  items: Item[];
}

export const sectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    key: z.string().regex(/^\d+(\.\d+)*$/),
    anchor: z.string().regex(/^[a-z][a-z0-9-]*$/),
    label: z.string(),
    number: z.number().int().positive(),
    title: z.string(),
    heading: z.string(),
    text: z.string(),
    line: z.number().int().positive(),
    sections: z.array(sectionSchema),
    items: z.array(itemSchema),
  }),
);

export const removedTextSchema = z.object({
  line: z.number().int().positive(),
  text: z.string(),
  /** Id of the noise rule in scripts/genre/noise.yaml that removed it. */
  rule: z.string(),
});
export type RemovedText = z.infer<typeof removedTextSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const planSchema = z.object({
  /** Stable id, the URL path without slashes: shandong/taian/2024. */
  id: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/),
  url: z.string().startsWith('/').endsWith('/'),
  /** The title: a sidecar's, else the printed one, else inferred (see titleInferred). */
  title: z.string().min(1),
  titleInferred: z.boolean(),
  /** The title lines exactly as printed in the document (joined), or null when it prints none (a heading of one part of what its notice issues opens the preamble instead). */
  printedTitle: z.string().nullable(),
  /** Document kind as named in scripts/genre/kinds.yaml, e.g. 工作要点. */
  kind: z.string().min(1),
  kindSlug: z.string().regex(/^[a-z0-9-]+$/),
  /** The plan year (for a summary-and-plan document, the year planned). */
  year: z.number().int().min(1949).max(2100),
  /** Every year the document speaks for, e.g. [2023, 2024] for a summary plus plan. */
  years: z.array(z.number().int()),
  region: regionSchema,
  issuers: z.array(z.string()),
  docNumber: z.string().nullable(),
  issuedOn: isoDate.nullable(),
  publishedOn: isoDate.nullable(),
  /** 信息来源 or the sidecar's source, as printed. */
  publisher: z.string().nullable(),
  /** Where the text was published, when the sidecar records it. */
  sourceUrl: z.string().url().nullable(),
  sourceFile: z.string(),
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The covering notice (印发通知) printed before the plan itself; paragraphs joined by "\n". */
  notice: z.string(),
  preamble: z.string(),
  sections: z.array(sectionSchema),
  /** What is printed after the last item: signature, date, 附件 list; paragraphs joined by "\n". */
  closing: z.string(),
  /** Names of fields that were inferred rather than printed or given by a sidecar. */
  inferred: z.array(z.string()),
  /** Web-page noise and artefacts removed before parsing, in source order. */
  removed: z.array(removedTextSchema),
});
export type Plan = z.infer<typeof planSchema>;

export { itemsOf } from './items.ts';

/** An item with the sections that enclose it, outermost first. */
export interface ItemWithSections {
  item: Item;
  plan: Plan;
  sections: Section[];
}

/** A plan's items in document order, each with its enclosing sections. */
export function itemsWithSections(plan: Plan): ItemWithSections[] {
  const found: ItemWithSections[] = [];
  const walk = (sections: readonly Section[], trail: Section[]): void => {
    for (const section of sections) {
      const here = [...trail, section];
      for (const item of section.items) found.push({ item, plan, sections: here });
      walk(section.sections, here);
    }
  };
  walk(plan.sections, []);
  return found;
}


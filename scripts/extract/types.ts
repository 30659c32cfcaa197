/**
 * Extract: a published file's bytes → the plan's text, whatever the format the
 * bureau published it in (web page, Word, WPS, PDF, OFD, plain text). One
 * extractor per format, each a pure async function of the bytes; the format is
 * told by the bytes, never by the file name (scripts/extract/sniff.ts).
 *
 * What an extractor leaves out of the text (site chrome, running headers and
 * footers, page numbers, footnotes, comments) is listed in `removed`, as the
 * clean stage lists web-page noise, so nothing disappears silently. Facts the
 * file itself gives (a CMS page's 索引号 and 发布日期, a PDF's title) go to
 * `facts`; `npm run add` writes them into the sidecar.
 */

export type SourceFormat = 'text' | 'html' | 'docx' | 'doc' | 'wps' | 'pdf' | 'ofd';

export interface RemovedPart {
  /** What was left out, as printed (a footer's text, "— 3 —", a nav bar). */
  text: string;
  /** Why: a rule id, e.g. html-chrome, page-header, page-footer, page-number, footnote, comment. */
  rule: string;
  /** Where, when the format has pages (1-based). */
  page?: number;
}

export interface ExtractedFacts {
  title?: string;
  publisher?: string;
  /** YYYY-MM-DD */
  publishedOn?: string;
  /** YYYY-MM-DD (成文日期) */
  issuedOn?: string;
  /** 发文字号 */
  docNumber?: string;
  /** 索引号 */
  indexNumber?: string;
}

export interface Attachment {
  /** As the page links it (absolute when the page's URL is known). */
  href: string;
  /** The link text, e.g. 附件1.泰安市教育局2024年工作要点.docx */
  text: string;
}

export interface Extracted {
  format: SourceFormat;
  /** The body text: paragraphs on their own lines, in reading order. */
  text: string;
  removed: RemovedPart[];
  facts: ExtractedFacts;
  attachments: Attachment[];
  /** Set when the body was found by a fallback that a person should check (a web page with no known CMS container). */
  review: string | null;
  /** How many pages (PDF, OFD), when the format has them. */
  pages?: number;
}

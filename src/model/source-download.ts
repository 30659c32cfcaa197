/**
 * Where a plan's source, as published, is offered for download: beside the plan,
 * at a URL made of the plan's identity ({plan.url}source.txt, …/source.docx), so
 * that it is as stable as the plan's own URL and the ledger can promise it. The
 * first builds named it after the source file (/downloads/sources/NAME.txt); the
 * ledger records those names as moved, and the site still serves them.
 */
import type { Plan } from './plan.ts';

export interface SourceFormat {
  /** What a reader is offered, e.g. Word. */
  label: string;
  /** The download's extension: the source's own, with .txt after a saved page's. */
  extension: string;
  /** Served byte for byte; otherwise as text re-encoded to UTF-8 with a byte-order mark. */
  binary: boolean;
}

/** How each published format is offered for download, by the source's extension. */
const sourceFormats: Readonly<Record<string, SourceFormat>> = {
  '.txt': { label: '纯文本', extension: '.txt', binary: false },
  // A saved page is offered as its markup, as text: opened from the atlas it must not load the original site's files.
  '.html': { label: '网页源码，纯文本', extension: '.html.txt', binary: false },
  '.htm': { label: '网页源码，纯文本', extension: '.htm.txt', binary: false },
  '.shtml': { label: '网页源码，纯文本', extension: '.shtml.txt', binary: false },
  '.pdf': { label: 'PDF', extension: '.pdf', binary: true },
  '.docx': { label: 'Word', extension: '.docx', binary: true },
  '.doc': { label: 'Word', extension: '.doc', binary: true },
  '.wps': { label: 'WPS', extension: '.wps', binary: true },
  '.ofd': { label: 'OFD', extension: '.ofd', binary: true },
};

const extensionOf = (file: string): string => /\.[a-z]+$/iu.exec(file)?.[0]?.toLowerCase() ?? '';

/** The format of a plan's source download. */
export function sourceFormat(plan: Pick<Plan, 'sourceFile'>): SourceFormat {
  const extension = extensionOf(plan.sourceFile);
  return sourceFormats[extension] ?? { label: '原始文件', extension: extension || '.bin', binary: true };
}

/** Site-relative URL of a plan's source download: /shandong/taian/2024/source.txt. */
export function sourceDownloadPath(plan: Pick<Plan, 'url' | 'sourceFile'>): string {
  return `${plan.url}source${sourceFormat(plan).extension}`;
}

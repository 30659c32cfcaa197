/**
 * The extract stage: a source file → the plan's text, by the format its bytes
 * show. Plain text is left to the read stage (src/model/source-text.ts detects its
 * encoding); every other format goes to its extractor, loaded only when a file
 * of that format comes (pdf.js and the Word readers are large).
 */
import { extname } from 'node:path';
import { AtlasError } from '../../src/model/errors.ts';
import { describeFormat, formatExtensions, sniffFormat } from './sniff.ts';
import type { Extracted, SourceFormat } from './types.ts';

/** A file's format, checked against its name: a .docx saved as .txt is an error that says so. */
export function formatOf(file: string, bytes: Uint8Array): SourceFormat {
  const format = sniffFormat(bytes);
  const extension = extname(file).toLowerCase();
  if (bytes.length > 0 && !formatExtensions[format].includes(extension)) {
    const right = formatExtensions[format][0] as string;
    throw new AtlasError(
      'mislabelled',
      `this file is ${describeFormat(format)} saved as ${extension || 'a file without extension'}`,
      `rename it to end in ${right} (keep the bytes as they are), then run the ingest again`,
    );
  }
  return format;
}

/** The text of a file of any format but plain text; null for plain text (the read stage decodes it). */
export async function extractSource(file: string, bytes: Uint8Array, pageUrl?: string): Promise<Extracted | null> {
  const format = formatOf(file, bytes);
  switch (format) {
    case 'text':
      return null;
    case 'html':
      return (await import('./html.ts')).extractHtml(bytes, pageUrl);
    case 'docx':
    case 'doc':
    case 'wps':
      return (await import('./word.ts')).extractWord(bytes);
    case 'pdf':
      return (await import('./pdf.ts')).extractPdf(bytes);
    case 'ofd':
      return (await import('./ofd.ts')).extractOfd(bytes);
  }
}

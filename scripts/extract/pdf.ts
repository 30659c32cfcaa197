/**
 * PDF → the plan's text, with pdf.js (its legacy build, the one that runs on
 * Node). pdf.js gives each page's text as pieces placed on the page; the
 * lines, paragraphs, running headers and page numbers are worked out from the
 * positions (scripts/extract/positioned-text.ts), as for OFD.
 *
 * A PDF without any text is a scan: that is an error naming the page count,
 * since guessing text from images is OCR's job, not this one's.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AtlasError } from '../../src/model/errors.ts';
import { layoutPages, plausibleTitle, type LayoutPage, type TextRun } from './positioned-text.ts';
import type { Extracted, ExtractedFacts } from './types.ts';

/** pdf.js's data folders, found from the installed package rather than the working directory. */
function pdfjsFolders(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // pdf.js reads them with fs on Node, as paths; it wants the trailing separator.
  const folder = (name: string): string => join(root, name) + '/';
  return { cMapUrl: folder('cmaps'), standardFontDataUrl: folder('standard_fonts'), wasmUrl: folder('wasm') };
}

const endMarker = new TextEncoder().encode('%%EOF');

/** Whether the bytes hold a %%EOF marker: a download cut short has none, and pdf.js would read what is left without a word. */
function hasEndMarker(bytes: Uint8Array): boolean {
  outer: for (let index = bytes.length - endMarker.length; index >= 0; index -= 1) {
    for (let offset = 0; offset < endMarker.length; offset += 1) if (bytes[index + offset] !== endMarker[offset]) continue outer;
    return true;
  }
  return false;
}

const unreadable = (detail: string): AtlasError =>
  new AtlasError('unreadable-pdf', `this PDF cannot be read: ${detail}`, 'download the file again from the bureau\'s site; if it still fails, look for the same plan as a Word file or a web page');

/** Characters pdf.js gives for glyphs a font maps to no Unicode: many of them mean the text layer is garbage. */
const garbled = /[\ue000-\uf8ff\ufffd\u0000-\u0008\u000e-\u001f]/gu;

export async function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  if (!hasEndMarker(bytes)) throw unreadable('it is cut short (it has no %%EOF end marker)');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of the array it is given: give it a copy.
    data: new Uint8Array(bytes),
    ...pdfjsFolders(),
    cMapPacked: true,
    useSystemFonts: false,
    disableFontFace: true,
    // No isEvalSupported: pdf.js 5 dropped the option with the eval-compiled PostScript functions it guarded.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let document: Awaited<typeof task.promise>;
    try {
      document = await task.promise;
    } catch (error) {
      const name = (error as Error | undefined)?.name;
      if (name === 'PasswordException') {
        throw new AtlasError(
          'encrypted',
          'this PDF is password-protected',
          'ask the publisher for an unprotected copy, or open it with the password and print it to a new PDF',
        );
      }
      throw unreadable((error as Error | undefined)?.message ?? String(error));
    }

    const pages: LayoutPage[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      try {
        const page = await document.getPage(number);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const runs: TextRun[] = [];
        for (const item of content.items) {
          if (!('str' in item) || item.str.length === 0) continue;
          const [a, b, c, d, e, f] = item.transform as number[];
          // Viewport coordinates: the page as shown, rotation applied, y downwards.
          const [x, y] = viewport.convertToViewportPoint(e ?? 0, f ?? 0) as [number, number];
          const size = Math.hypot(c ?? 0, d ?? 0) || item.height || Math.hypot(a ?? 0, b ?? 0);
          runs.push({ text: item.str, x, y, width: item.width, size });
        }
        pages.push({ width: viewport.width, height: viewport.height, runs });
        page.cleanup();
      } catch (error) {
        throw unreadable(`page ${number} is damaged (${(error as Error).message})`);
      }
    }

    const layout = layoutPages(pages);
    if (layout.emptyPages.length === pages.length) {
      throw new AtlasError(
        'scanned-pdf',
        `this PDF has no text layer on any of its ${pages.length} page${pages.length === 1 ? '' : 's'}: it is a scan`,
        'OCR it (for example `ocrmypdf -l chi_sim in.pdf out.pdf`) and add the OCRed PDF, or type the text into a .txt file and add that',
      );
    }
    const reviews: string[] = [];
    if (layout.emptyPages.length > 0) {
      reviews.push(`page${layout.emptyPages.length === 1 ? '' : 's'} ${layout.emptyPages.join(', ')} of ${pages.length} have no text layer (scanned images?): their text is missing`);
    }
    const visible = layout.text.replace(/\s+/gu, '');
    const bad = visible.match(garbled)?.length ?? 0;
    if (visible.length > 0 && bad / visible.length > 0.05) {
      reviews.push(`${bad} of ${visible.length} characters have no Unicode mapping in the PDF's fonts: the text is partly garbled`);
    }

    const facts: ExtractedFacts = {};
    try {
      const { info, metadata } = await document.getMetadata();
      const candidates = [metadata?.get('dc:title'), (info as Record<string, unknown>)['Title']];
      const title = candidates.find((value): value is string => typeof value === 'string' && plausibleTitle(value.trim()));
      if (title !== undefined) facts.title = title.trim();
    } catch {
      // Metadata is a bonus: a broken Info dictionary does not make the text wrong.
    }

    return {
      format: 'pdf',
      text: layout.text,
      removed: layout.removed,
      facts,
      attachments: [],
      review: reviews.length > 0 ? reviews.join('; ') : null,
      pages: pages.length,
    };
  } finally {
    await task.destroy();
  }
}

/**
 * Which format a file is in, told by its bytes: a .docx saved as .txt is still a
 * zip, a web page saved as .doc is still HTML. The name's extension is only
 * compared with the answer, so that a mislabelled file can be named as such.
 */
import type { SourceFormat } from './types.ts';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((byte, index) => bytes[at + index] === byte);

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const pdfSignature = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Whether a zip holds an entry of this name: its local headers name every entry in the clear. */
function zipHolds(bytes: Uint8Array, name: string): boolean {
  const wanted = new TextEncoder().encode(name);
  for (let index = 0; index + 30 + wanted.length <= bytes.length; index += 1) {
    if (!startsWith(bytes, zipSignature, index)) continue;
    const nameLength = (bytes[index + 26] as number) | ((bytes[index + 27] as number) << 8);
    if (nameLength === wanted.length && startsWith(bytes, [...wanted], index + 30)) return true;
  }
  return false;
}

/** OLE compound files: WPS writes its own streams beside Word's. */
function oleFormat(bytes: Uint8Array): 'doc' | 'wps' {
  const text = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString('latin1');
  // Stream names are UTF-16 in the directory: W\0p\0s\0… ; KSOProductBuildVer is a WPS property.
  const utf16 = (name: string): string => [...name].map((char) => `${char}\u0000`).join('');
  return text.includes(utf16('WpsCustomData')) || text.includes(utf16('KSOProductBuildVer')) || text.includes('KSOProductBuildVer') ? 'wps' : 'doc';
}

/** The start of the text, past a BOM and white space, lower-cased, for telling HTML from plain text. */
function textStart(bytes: Uint8Array): string {
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  return Buffer.from(bytes.subarray(start, start + 2048)).toString('latin1').trimStart().toLowerCase();
}

export function sniffFormat(bytes: Uint8Array): SourceFormat {
  if (startsWith(bytes, pdfSignature) || textStart(bytes).startsWith('%pdf-')) return 'pdf';
  if (startsWith(bytes, zipSignature)) {
    if (zipHolds(bytes, 'word/document.xml')) return 'docx';
    if (zipHolds(bytes, 'OFD.xml')) return 'ofd';
    return 'text'; // another zip: the text reader refuses it as binary, naming it
  }
  if (startsWith(bytes, oleSignature)) return oleFormat(bytes);
  const start = textStart(bytes);
  if (/^(?:<!doctype html|<html[\s>]|<head[\s>]|<meta[\s>]|<body[\s>]|<!--[\s\S]{0,200}?-->\s*<html)/u.test(start)) return 'html';
  return 'text';
}

/** The extensions each format is published under. */
export const formatExtensions: Readonly<Record<SourceFormat, readonly string[]>> = {
  text: ['.txt'],
  html: ['.html', '.htm', '.shtml'],
  docx: ['.docx'],
  // WPS saves .doc files with its own streams, and Word reads them: either name is right.
  doc: ['.doc', '.wps'],
  wps: ['.wps', '.doc'],
  pdf: ['.pdf'],
  ofd: ['.ofd'],
};

/** Each extension once (.doc and .wps are each two formats' names), in the order above. */
export const sourceExtensions: readonly string[] = [...new Set(Object.values(formatExtensions).flat())];

/** What a zip is when it is not a format the ingest reads: named in errors. */
export function describeFormat(format: SourceFormat): string {
  return { text: 'plain text', html: 'a web page', docx: 'a Word .docx file', doc: 'a Word .doc file', wps: 'a WPS file', pdf: 'a PDF', ofd: 'an OFD file' }[format];
}

/**
 * Read: the bytes of a source file → its text, with the encoding detected, not
 * assumed. Bureaus publish UTF-8 (with or without BOM), GB18030/GBK from
 * older Windows tools, and UTF-16 from Word's "Unicode text".
 *
 * Order of evidence: a BOM is certain; UTF-16 without BOM shows as NUL bytes
 * on one side of each byte pair; strict UTF-8 almost never validates by
 * accident; only then is a legacy Chinese encoding guessed (chardet) and the
 * guess kept only when the bytes read as ordinary Chinese.
 */
import * as chardet from 'chardet';
import iconv from 'iconv-lite';
import { AtlasError } from './errors.ts';

export type SourceEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';

export interface DecodedSource {
  text: string;
  encoding: SourceEncoding;
}

/**
 * The largest source accepted: 20 MiB. Annual plans are 10–60 KB; anything
 * near this is not a plan (or is a whole site dump), and refusing it keeps a
 * run's memory bounded.
 */
export const maxSourceBytes = 20 * 1024 * 1024;

const resaveHint = 'open the file in a text editor and save it as UTF-8 (plain text), then run the ingest again';

const hex = (byte: number): string => `0x${byte.toString(16).padStart(2, '0').toUpperCase()}`;

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as line ends (as clean does). */
function lineAtByte(bytes: Uint8Array, offset: number, unit = 1, bigEndian = false, start = 0): number {
  let line = 1;
  for (let index = start; index + unit <= offset; index += unit) {
    const code = unit === 1 ? bytes[index]! : bigEndian ? (bytes[index]! << 8) | bytes[index + 1]! : bytes[index]! | (bytes[index + 1]! << 8);
    if (code === 0x0a) line += 1;
    else if (code === 0x0d) {
      const next = index + unit < bytes.length
        ? unit === 1 ? bytes[index + 1]! : bigEndian ? (bytes[index + unit]! << 8) | bytes[index + unit + 1]! : bytes[index + unit]! | (bytes[index + unit + 1]! << 8)
        : -1;
      if (next !== 0x0a) line += 1;
    }
  }
  return line;
}

/** Control characters that no text file contains; TAB, LF, VT, FF and CR are text. */
const isBinaryControl = (code: number): boolean =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) || code === 0x7f;

/** Offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0): number {
  const length = bytes.length;
  let index = start;
  while (index < length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index += 1;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) need = 1;
    else if (byte >= 0xe0 && byte <= 0xef) {
      need = 2;
      if (byte === 0xe0) lower = 0xa0; // overlong
      if (byte === 0xed) upper = 0x9f; // surrogates
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      need = 3;
      if (byte === 0xf0) lower = 0x90; // overlong
      if (byte === 0xf4) upper = 0x8f; // beyond U+10FFFF
    } else return index;
    for (let k = 1; k <= need; k += 1) {
      const next = bytes[index + k];
      const [lo, hi] = k === 1 ? [lower, upper] : [0x80, 0xbf];
      if (next === undefined || next < lo || next > hi) return index;
    }
    index += need + 1;
  }
  return -1;
}

function decodeUtf16(bytes: Uint8Array, start: number, bigEndian: boolean): string | null {
  if ((bytes.length - start) % 2 !== 0) return null;
  try {
    return new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    return null;
  }
}

/** Refuses decoded UTF-16 text holding control characters: that is a binary file that happened to look like UTF-16. */
function checkUtf16Controls(text: string, bytes: Uint8Array, start: number, bigEndian: boolean): void {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (isBinaryControl(code)) {
      const offset = start + index * 2;
      throw new AtlasError(
        'binary',
        `this looks like a binary file, not text: control character U+${code.toString(16).padStart(4, '0').toUpperCase()} at byte offset ${offset}`,
        'give the plan as plain text (.txt); copy the text out of a PDF or Word file rather than renaming it',
        lineAtByte(bytes, offset, 2, bigEndian, start),
      );
    }
  }
}

/**
 * UTF-16 without a BOM: ASCII characters (digits, punctuation, line ends) put a
 * NUL in the high byte of their pair, so NULs gather on one parity. Chinese
 * characters like 一 (U+4E00) put a few on the other side, hence a ratio.
 */
function utf16ByNuls(bytes: Uint8Array): 'le' | 'be' | null {
  let even = 0;
  let odd = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    if (bytes[index] === 0) {
      if (index % 2 === 0) even += 1;
      else odd += 1;
    }
  }
  const units = bytes.length / 2;
  if (bytes.length % 2 !== 0 || even + odd < Math.max(2, units * 0.01)) return null;
  if (odd >= 4 * even) return 'le';
  if (even >= 4 * odd) return 'be';
  return null;
}

/**
 * Share of multi-byte GB18030 characters that are common Chinese: the 3,755
 * level-1 hanzi of GB2312 (lead bytes B0–D7) or its punctuation and full-width
 * forms (A1–A3). Real plans score above 0.9; UTF-8 or Big5 bytes misread as
 * GB18030 land mostly in the rare level-2 rows and the GBK extensions.
 */
function commonChineseShare(bytes: Uint8Array): number {
  let common = 0;
  let other = 0;
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index += 1;
      continue;
    }
    const next = bytes[index + 1] ?? 0;
    if (byte >= 0x81 && byte <= 0xfe && next >= 0x30 && next <= 0x39) {
      other += 1;
      index += 4;
    } else {
      if ((byte >= 0xb0 && byte <= 0xd7) || (byte >= 0xa1 && byte <= 0xa3)) common += 1;
      else other += 1;
      index += 2;
    }
  }
  return common + other === 0 ? 0 : common / (common + other);
}

const chardetSample = 64 * 1024;

const legacyChineseCandidates = new Set(['GB18030', 'Big5', 'EUC-JP', 'EUC-KR', 'Shift_JIS', 'ISO-2022-CN']);

function decodeGb18030(bytes: Uint8Array): string | null {
  // chardet's statistics settle within a few dozen kilobytes; the whole of a 10 MB file costs seconds.
  const matches = chardet.analyse(bytes.subarray(0, chardetSample));
  const cjk = matches.filter((match) => legacyChineseCandidates.has(match.name));
  const best = Math.max(0, ...cjk.map((match) => match.confidence));
  const gb = cjk.find((match) => match.name === 'GB18030');
  // chardet is unsure on short texts (ties at 10); a tie still counts, the byte check below decides.
  if (!gb || gb.confidence < best) return null;
  if (commonChineseShare(bytes) < 0.6) return null;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  return text.includes('\uFFFD') ? null : text;
}

/** Pure-Chinese UTF-16 without BOM has no NULs: accept it only if it reads as Chinese text. */
function plausibleUtf16(text: string): boolean {
  let good = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0x3000 && code <= 0x303f) ||
      (code >= 0xff00 && code <= 0xffef) ||
      (code >= 0x20 && code < 0x7f) ||
      code === 0x0a || code === 0x0d || code === 0x201c || code === 0x201d
    ) good += 1;
  }
  return text.length > 0 && good / text.length >= 0.9;
}

function binary(bytes: Uint8Array, offset: number): AtlasError {
  const byte = bytes[offset]!;
  return new AtlasError(
    'binary',
    `this looks like a binary file, not text: ${byte === 0 ? 'a NUL byte' : `control byte ${hex(byte)}`} at byte offset ${offset}`,
    'give the plan as plain text (.txt); copy the text out of a PDF or Word file rather than renaming it',
    lineAtByte(bytes, offset),
  );
}

function plausibleUtf16Of(bytes: Uint8Array): DecodedSource | null {
  for (const bigEndian of [false, true]) {
    const text = decodeUtf16(bytes, 0, bigEndian);
    if (text !== null && plausibleUtf16(text)) return { text, encoding: bigEndian ? 'UTF-16BE' : 'UTF-16LE' };
  }
  return null;
}

function undecodable(bytes: Uint8Array, start: number): AtlasError {
  const offset = Math.max(firstInvalidUtf8(bytes, start), start);
  const bad = Array.from(bytes.subarray(offset, offset + 4), hex).join(' ');
  return new AtlasError(
    'undecodable',
    `the text is not valid UTF-8, GB18030/GBK or UTF-16: the first bad byte sequence (${bad}) is at byte offset ${offset}`,
    resaveHint,
    lineAtByte(bytes, offset),
  );
}

function checked(decoded: DecodedSource): DecodedSource {
  // \s covers NBSP, U+3000 and the BOM; a source of only those says nothing.
  if (/^[\s\u200b-\u200d\u2060]*$/u.test(decoded.text)) {
    throw new AtlasError('blank', 'the file holds only whitespace, no text', 'put the plan\'s text into the file, or remove the file');
  }
  return decoded;
}

export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes.length === 0) {
    throw new AtlasError('empty', 'the file is empty (0 bytes)', 'put the plan\'s text into the file, or remove the file');
  }
  if (bytes.length > maxSourceBytes) {
    throw new AtlasError(
      'too-large',
      `the file is ${bytes.length} bytes, more than the limit of ${maxSourceBytes} bytes (20 MiB) for one plan`,
      'a plan is a few dozen kilobytes: check that this is one plan, and split a collection into one file per plan',
    );
  }

  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    if (firstInvalidUtf8(bytes, 3) !== -1) throw undecodable(bytes, 3);
    return checked({ text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' });
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const bigEndian = b0 === 0xfe;
    const text = decodeUtf16(bytes, 2, bigEndian);
    if (text === null) {
      throw new AtlasError(
        'undecodable',
        `the file starts with a UTF-16${bigEndian ? 'BE' : 'LE'} byte-order mark but is not valid UTF-16 (odd length or a broken surrogate pair)`,
        resaveHint,
      );
    }
    checkUtf16Controls(text, bytes, 2, bigEndian);
    return checked({ text, encoding: bigEndian ? 'UTF-16BE' : 'UTF-16LE' });
  }

  const byteOrder = utf16ByNuls(bytes);
  if (byteOrder) {
    const text = decodeUtf16(bytes, 0, byteOrder === 'be');
    if (text !== null) {
      checkUtf16Controls(text, bytes, 0, byteOrder === 'be');
      return checked({ text, encoding: byteOrder === 'be' ? 'UTF-16BE' : 'UTF-16LE' });
    }
  }

  // Only UTF-16 may hold NULs; the other control bytes are judged once the encoding is known,
  // because the byte pairs of BOM-less UTF-16 Chinese are full of them.
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    // Chinese UTF-16 without BOM and without ASCII has NULs only from characters like 一 (U+4E00).
    const chinese = plausibleUtf16Of(bytes);
    if (chinese) return checked(chinese);
    throw binary(bytes, nul);
  }

  let text: string | null = null;
  let encoding: SourceEncoding = 'UTF-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = decodeGb18030(bytes);
    encoding = 'GB18030';
  }
  if (text !== null) {
    const control = bytes.findIndex(isBinaryControl);
    if (control !== -1) throw binary(bytes, control);
    return checked({ text, encoding });
  }

  const chinese = plausibleUtf16Of(bytes);
  if (chinese) return checked(chinese);

  const control = bytes.findIndex(isBinaryControl);
  if (control !== -1) throw binary(bytes, control);
  throw undecodable(bytes, 0);
}

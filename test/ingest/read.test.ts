import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AtlasError } from '../../src/model/errors.ts';
import { decodeSource, maxSourceBytes } from '../../src/model/source-text.ts';

const sample = '关于印发2024年工作要点的通知\n一、总体要求\n1.巩固提升主题教育成果。加强思想政治引领，推进学习型党组织建设。\n';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: Array<Uint8Array | number[]>): Uint8Array => {
  const all = parts.flatMap((part) => Array.from(part));
  return Uint8Array.from(all);
};
const encode = (text: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(text, encoding));

function errorOf(input: Uint8Array): AtlasError {
  try {
    decodeSource(input);
  } catch (error) {
    if (error instanceof AtlasError) return error;
    throw error;
  }
  throw new Error('decodeSource did not throw');
}

describe('decodeSource: encodings', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeSource(utf8(sample))).toEqual({ text: sample, encoding: 'UTF-8' });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], utf8(sample)))).toEqual({ text: sample, encoding: 'UTF-8 (BOM)' });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeSource(utf8('2024\n1. plan\n'))).toEqual({ text: '2024\n1. plan\n', encoding: 'UTF-8' });
  });

  it('reads UTF-16LE with BOM', () => {
    expect(decodeSource(bytes([0xff, 0xfe], encode(sample, 'utf16-le')))).toEqual({ text: sample, encoding: 'UTF-16LE' });
  });

  it('reads UTF-16BE with BOM', () => {
    expect(decodeSource(bytes([0xfe, 0xff], encode(sample, 'utf16-be')))).toEqual({ text: sample, encoding: 'UTF-16BE' });
  });

  it('reads UTF-16LE without BOM from where its NULs fall', () => {
    expect(decodeSource(encode(sample, 'utf16-le'))).toEqual({ text: sample, encoding: 'UTF-16LE' });
  });

  it('reads UTF-16BE without BOM from where its NULs fall', () => {
    expect(decodeSource(encode(sample, 'utf16-be'))).toEqual({ text: sample, encoding: 'UTF-16BE' });
  });

  it('reads UTF-16 without BOM and without any ASCII when it reads as Chinese', () => {
    const chinese = '关于印发工作要点的通知一是坚持党的领导二是深化教育改革';
    expect(decodeSource(encode(chinese, 'utf16-le'))).toEqual({ text: chinese, encoding: 'UTF-16LE' });
  });

  it('reads GBK as GB18030', () => {
    expect(decodeSource(encode(sample, 'gbk'))).toEqual({ text: sample, encoding: 'GB18030' });
  });

  it('reads GB18030 four-byte characters', () => {
    const text = `${sample}𠮷字与€符号。\n`;
    expect(decodeSource(encode(text, 'gb18030'))).toEqual({ text, encoding: 'GB18030' });
  });

  it('reads a short GBK line', () => {
    expect(decodeSource(encode('泰安市教育局工作要点', 'gbk'))).toEqual({ text: '泰安市教育局工作要点', encoding: 'GB18030' });
  });

  it('reads a real plan saved as GBK exactly as its UTF-8 original', () => {
    const original = readFileSync(new URL('../../content/sources/taierzhuang-2021.txt', import.meta.url), 'utf8');
    expect(decodeSource(encode(original, 'gbk'))).toEqual({ text: original, encoding: 'GB18030' });
  });

  it('keeps HTML and script tags as text', () => {
    const text = '<script>alert("x")</script>\n一、<b>总体要求</b>\n';
    expect(decodeSource(utf8(text)).text).toBe(text);
  });
});

describe('decodeSource: errors', () => {
  it('refuses an empty file', () => {
    const error = errorOf(new Uint8Array());
    expect(error.code).toBe('empty');
    expect(error.hint).not.toBe('');
  });

  it('refuses a file of whitespace only, whatever the spaces and encoding', () => {
    expect(errorOf(utf8(' \n\t\r\n\u00a0\u3000\n')).code).toBe('blank');
    expect(errorOf(bytes([0xef, 0xbb, 0xbf], utf8('\n\n'))).code).toBe('blank');
    expect(errorOf(bytes([0xff, 0xfe], encode(' \r\n\u3000', 'utf16-le'))).code).toBe('blank');
  });

  it('refuses a binary file and says at which byte offset the NUL is', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x02, 0x00]);
    const error = errorOf(png);
    expect(error.code).toBe('binary');
    expect(error.message).toMatch(/a NUL byte at byte offset 8\b/u);
  });

  it('refuses a NUL inside text and reports its offset and line', () => {
    const input = bytes(utf8('一、总体要求\n二、'), [0x00], utf8('主要任务\n'));
    const error = errorOf(input);
    expect(error.code).toBe('binary');
    expect(error.message).toContain(`byte offset ${utf8('一、总体要求\n二、').length}`);
    expect(error.line).toBe(2);
  });

  it('refuses a control character in text', () => {
    const error = errorOf(bytes(utf8('一、总体要求\n\n'), [0x07], utf8('二、\n')));
    expect(error.code).toBe('binary');
    expect(error.message).toContain('0x07');
    expect(error.line).toBe(3);
  });

  it('refuses control characters in UTF-16 text', () => {
    const error = errorOf(bytes([0xff, 0xfe], encode('一、总体\n\u0001二', 'utf16-le')));
    expect(error.code).toBe('binary');
    expect(error.message).toContain('byte offset 12');
    expect(error.line).toBe(2);
  });

  it('refuses undecodable bytes with the line and byte offset of the first bad sequence', () => {
    const good = utf8('一、总体要求\n二、主要任务\n');
    const input = bytes(good, utf8('三、'), [0xe4, 0x41], utf8('保障\n'));
    const error = errorOf(input);
    expect(error.code).toBe('undecodable');
    expect(error.line).toBe(3);
    expect(error.message).toContain(`byte offset ${good.length + utf8('三、').length}`);
    expect(error.hint).toMatch(/UTF-8/u);
  });

  it('refuses Latin-1 text rather than reading it as Chinese', () => {
    const error = errorOf(bytes(utf8('Plan for the year\n'), [0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65, 0x0a]));
    expect(error.code).toBe('undecodable');
    expect(error.line).toBe(2);
    expect(error.message).toContain('byte offset 21');
  });

  it('refuses UTF-8 with one broken byte rather than reading it as GB18030', () => {
    const text = utf8(sample.repeat(20));
    const boundary = utf8(sample.repeat(2)).length;
    const broken = bytes(text.subarray(0, boundary), [0xff], text.subarray(boundary));
    const error = errorOf(broken);
    expect(error.code).toBe('undecodable');
    expect(error.message).toContain(`byte offset ${boundary}`);
  });

  it('refuses a UTF-16 file that is cut in the middle of a character', () => {
    const error = errorOf(bytes([0xff, 0xfe], encode('一、总体要求', 'utf16-le'), [0x41]));
    expect(error.code).toBe('undecodable');
  });

  it(`refuses a file over the documented limit of ${maxSourceBytes} bytes`, () => {
    expect(maxSourceBytes).toBe(20 * 1024 * 1024);
    const error = errorOf(new Uint8Array(maxSourceBytes + 1).fill(0x41));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain(String(maxSourceBytes));
  });
});

describe('decodeSource: size', () => {
  const line = `${'深化教育综合改革，推进教育现代化。'.repeat(600)}\n`;
  const tenMegabytes = line.repeat(Math.ceil(10_000_000 / utf8(line).length));

  it('reads a 10 MB UTF-8 file whole', () => {
    const input = utf8(tenMegabytes);
    expect(input.length).toBeGreaterThanOrEqual(10_000_000);
    const decoded = decodeSource(input);
    expect(decoded.text.length).toBe(tenMegabytes.length);
  });

  it('reads a 10 MB GBK file whole', () => {
    const input = encode(tenMegabytes, 'gbk');
    const decoded = decodeSource(input);
    expect(decoded).toEqual({ text: tenMegabytes, encoding: 'GB18030' });
  });

  it('reads a 100,000-character line', () => {
    const long = `${'教'.repeat(100_000)}\n`;
    expect(decodeSource(utf8(long)).text).toBe(long);
    expect(decodeSource(encode(long, 'gbk')).text).toBe(long);
  });
});

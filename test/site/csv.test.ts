import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/model/csv.ts';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends rows with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['甲', 1]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('a,b\r\n甲,1\r\n');
  });
});

describe('csvField', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('甲,乙')).toBe('"甲,乙"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('一\n二')).toBe('"一\n二"');
  });

  it('writes null as an empty field and numbers as they are', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(-3)).toBe('-3');
  });

  it('keeps text that looks like a formula from running in Excel', () => {
    expect(csvField('=SUM(A1)')).toBe(`"'=SUM(A1)"`);
    expect(csvField('-减负')).toBe(`"'-减负"`);
  });
});

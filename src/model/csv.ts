/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF rows, and a UTF-8 byte-order mark
 * so Excel opens Chinese text as UTF-8 instead of the system code page.
 */
export const utf8Bom = '\uFEFF';

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in Excel; a quote mark keeps it text.
  const safe = typeof value === 'string' && /^[=+\-@]/u.test(text) ? `'${text}` : text;
  return /[",\r\n]/u.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One row, its fields quoted where they must be, without its line break. */
export function csvRow(row: readonly (string | number | null)[]): string {
  return row.map(csvField).join(',');
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `${utf8Bom}${[header, ...rows].map(csvRow).join('\r\n')}\r\n`;
}

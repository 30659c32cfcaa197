/**
 * The one order of text in generated output: by UTF-16 code units. Unlike
 * `localeCompare` it does not depend on the ICU build or the machine's locale, so
 * the same sources give the same bytes everywhere, and it needs no collator (a
 * thousand `localeCompare` calls cost some 10 ms in a run that parses one plan).
 * For ids and URLs (`[a-z0-9/-]`) it is the order `localeCompare` gives too.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Plans newest first, then by id: the order of every listing. */
export function planOrder(a: { year: number; id: string }, b: { year: number; id: string }): number {
  return b.year - a.year || compareText(a.id, b.id);
}

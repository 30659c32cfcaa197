/**
 * Astro reads frontmatter with js-yaml, which turns a plain 2024-03-26 into a Date;
 * the model (and the ingest's YAML 1.2 writer) mean the string.
 */
export function datesToIsoStrings(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(datesToIsoStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, datesToIsoStrings(entry)]));
  }
  return value;
}

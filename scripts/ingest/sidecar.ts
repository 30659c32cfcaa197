/**
 * Sidecars: `NAME.meta.yaml` beside `NAME.txt`, where an editor supplies or
 * corrects what the published text lacks. A sidecar always wins over what the
 * parser inferred.
 */
import { LineCounter, parseDocument as parseYamlDocument } from 'yaml';
import { z } from 'zod';
import { AtlasError } from '../../src/model/errors.ts';

const sidecarFields = z.object({
    title: z.string().min(1),
    /** A six-digit GB/T 2260 code or an official division name. */
    region: z.union([z.string().min(1), z.number().int()]).transform(String),
    year: z.number().int().min(1949).max(2100),
    kind: z.string().min(1),
    /** Tells apart two documents of one region, year and kind (e.g. a second plan by the party committee). */
    variant: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and hyphens only'),
    issuers: z.array(z.string().min(1)),
    docNumber: z.string().min(1),
    issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'),
    publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'),
    publisher: z.string().min(1),
    sourceUrl: z.string().url(),
    /** When `npm run add` fetched or copied the source (YYYY-MM-DD). */
    retrievedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD'),
    /** The source's SHA-256 when it was added: the ingest refuses a source whose bytes have changed since. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits'),
    /** 索引号 of a government disclosure page. */
    indexNumber: z.string().min(1),
    /** Files the page linked (附件), kept beside the source as published. */
    attachments: z.array(z.object({ url: z.string().url(), file: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()),
});

export const sidecarSchema = sidecarFields.partial().strict();

export type Sidecar = z.infer<typeof sidecarSchema>;

export function parseSidecar(text: string): Sidecar {
  const lineCounter = new LineCounter();
  const document = parseYamlDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    const first = document.errors[0];
    const line = first?.linePos?.[0]?.line ?? null;
    throw new AtlasError('sidecar-yaml', `the sidecar is not valid YAML: ${first?.message ?? ''}`, 'fix the YAML syntax (key: value per line)', line);
  }
  const result = sidecarSchema.safeParse(document.toJS() ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue?.path[0];
  const node = typeof key === 'string' ? document.get(key, true) : undefined;
  const offset = node && typeof node === 'object' && 'range' in node ? (node.range as [number, number, number])[0] : null;
  const line = offset === null ? null : lineCounter.linePos(offset).line;
  const unknownKeys = issue?.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
  throw new AtlasError(
    'sidecar-field',
    `the sidecar's ${key === undefined ? 'content' : `"${String(key)}"`} is wrong: ${issue?.message ?? 'invalid'}${unknownKeys}`,
    `allowed keys: ${Object.keys(sidecarFields.shape).join(', ')}`,
    line,
  );
}

/**
 * The files of Plan Atlas's own search index, shared by the writer
 * (scripts/search/build-index.ts) and the reader in the browser
 * (scripts/search/engine.ts). Nothing here needs Node.
 *
 * dist/search-index/
 *   manifest.json        build id, counts, facet values, bucket count (plain JSON, small)
 *   records.dat          every plan's facets and record range; every record's length and topics
 *   p/{bucket}.dat       posting lists: for each token of the bucket, the records holding it
 *                        and the token positions in each (phrases are consecutive positions)
 *   f/{record}.dat       what a result shows: URL and meta (title, text, plan, region, year…)
 *
 * `.dat` files are gzip (decompressed in the browser with DecompressionStream, so
 * they cost the same on any static host). Records are numbered in plan order: a
 * plan's own record, then its items. Token keys:
 *   - a Han token (c + one or two character codes, see tokens.ts) is its own key;
 *   - `u` + one character code lists every position of that character (a one-character
 *     query is a prefix of the bigrams, answered from this list);
 *   - a word (w…) goes in the bucket of `w` + its first character, so a word prefix
 *     (5 → 5g) is found by scanning one bucket.
 */

export const formatVersion = 1;

export interface Manifest {
  format: number;
  /** Changes with any byte of the index; added to every file URL so caches never mix builds. */
  build: string;
  records: number;
  plans: number;
  buckets: number;
  /** Mean token count of a record (for BM25). */
  averageLength: number;
  /** Facet values by key, in the order records.dat numbers them. */
  facets: Record<string, string[]>;
}

/** Facet keys, as they also appear in the search page URL. */
export const facetKeys = ['year', 'province', 'level', 'kind', 'topic'] as const;
export type FacetKey = (typeof facetKeys)[number];
/** Facets of a plan (the same for all of its records); topic is per record. */
export const planFacets = ['year', 'province', 'level', 'kind'] as const;

/** The key a token is filed under. */
export function bucketKey(token: string): string {
  return token.startsWith('w') ? token.slice(0, 2) : token;
}

/** FNV-1a over UTF-16 code units. */
export function bucketOf(key: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

export const postingPath = (bucket: number): string => `p/${bucket}.dat`;
export const fragmentPath = (record: number): string => `f/${record}.dat`;

export class Writer {
  private bytes = new Uint8Array(256);
  length = 0;

  private grow(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  varint(value: number): void {
    this.grow(5);
    let rest = value >>> 0;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.length++] = rest;
  }

  raw(data: Uint8Array): void {
    this.grow(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  string(text: string): void {
    const data = new TextEncoder().encode(text);
    this.varint(data.length);
    this.raw(data);
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

export class Reader {
  at = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  varint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = this.bytes[this.at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  }

  raw(length: number): Uint8Array {
    const data = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return data;
  }

  string(): string {
    return new TextDecoder().decode(this.raw(this.varint()));
  }
}

/** One token's postings: records in ascending order, each with its positions. */
export interface Postings {
  records: Uint32Array;
  /** positions of records[i] are positions[starts[i]] … positions[starts[i + 1] - 1]. */
  starts: Uint32Array;
  positions: Uint32Array;
}

/** Posting bytes: record count, then per record: record delta, position count, position deltas. */
export function decodePostings(bytes: Uint8Array): Postings {
  const reader = new Reader(bytes);
  const count = reader.varint();
  const records = new Uint32Array(count);
  const starts = new Uint32Array(count + 1);
  const positions: number[] = [];
  let record = 0;
  for (let i = 0; i < count; i++) {
    record += reader.varint();
    records[i] = record;
    starts[i] = positions.length;
    const n = reader.varint();
    let position = 0;
    for (let j = 0; j < n; j++) {
      position += reader.varint();
      positions.push(position);
    }
  }
  starts[count] = positions.length;
  return { records, starts, positions: Uint32Array.from(positions) };
}

/** A bucket file: token count, then per token: the token and its posting bytes. */
export function decodeBucket(bytes: Uint8Array): Map<string, Uint8Array> {
  const reader = new Reader(bytes);
  const tokens = new Map<string, Uint8Array>();
  const count = reader.varint();
  for (let i = 0; i < count; i++) {
    const token = reader.string();
    tokens.set(token, reader.raw(reader.varint()));
  }
  return tokens;
}

/** Every .dat file starts, once decompressed, with these two bytes. */
export const signature = new Uint8Array([0x70, 0x61]); // "pa"

export function sign(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + signature.length);
  out.set(signature);
  out.set(data, signature.length);
  return out;
}

const signed = (bytes: Uint8Array): boolean => bytes[0] === signature[0] && bytes[1] === signature[1];

/**
 * The content of a fetched .dat file: gunzipped, unless a host already did
 * (a file served with Content-Encoding: gzip arrives decompressed).
 */
export async function unpack(bytes: Uint8Array): Promise<Uint8Array> {
  if (signed(bytes)) return bytes.subarray(signature.length);
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  const plain = new Uint8Array(await new Response(stream).arrayBuffer());
  if (!signed(plain)) throw new Error('search index: a file is neither gzip nor a Plan Atlas index file');
  return plain.subarray(signature.length);
}

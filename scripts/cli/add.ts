/**
 * npm run add -- SOURCE… [--name NAME] [--attachments] [--sources DIR]
 *
 * Adds a plan as it was published: SOURCE is a file (.html .htm .docx .doc .wps
 * .pdf .ofd .txt) or the URL of the page or file. The original bytes are stored
 * under content/sources/ (never edited afterwards), named NAME plus the extension
 * of the format the bytes show; a sidecar NAME.meta.yaml records what the file
 * itself tells: the source URL, publisher, publication date, 索引号, 发文字号 and
 * 成文日期 from a page's metadata table, the retrieval date and the SHA-256. Then
 * the document is checked as `npm run ingest -- --check` checks it, and what was
 * understood is printed. With --attachments, the files a page links (附件) are
 * fetched too and kept beside it under content/sources/attachments/NAME/.
 *
 * A URL is fetched with this machine's network. Exit status: 0 when every source
 * was added and understood, 1 otherwise (each failure says why and what to do).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { extractSource } from '../extract/extract.ts';
import { formatExtensions, sniffFormat } from '../extract/sniff.ts';
import { formatAtlasError, AtlasError } from '../../src/model/errors.ts';
import { asIngestError } from '../ingest/identity.ts';
import { writeFileAtomic } from '../ingest/output.ts';

interface Fetched {
  bytes: Uint8Array;
  url: string | null;
}

const isUrl = (source: string): boolean => /^https?:\/\//iu.test(source);
const today = (): string => new Date().toISOString().slice(0, 10);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** How long a fetch may take before it is given up: a government site can be slow, not silent for minutes. */
const fetchTimeoutMs = 60_000;

async function fetchBytes(url: string): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(fetchTimeoutMs) });
  } catch (error) {
    throw new AtlasError('fetch-failed', `could not fetch ${url}: ${error instanceof Error ? error.message : String(error)}`, 'check the address and the network; or save the page or file and add it from disk');
  }
  if (!response.ok) {
    throw new AtlasError('fetch-failed', `${url} answered ${response.status} ${response.statusText}`, 'check the address; or save the page or file and add it from disk');
  }
  return { bytes: new Uint8Array(await response.arrayBuffer()), url: response.url || url };
}

async function read(source: string): Promise<Fetched> {
  if (isUrl(source)) return fetchBytes(source);
  if (!existsSync(source)) throw new AtlasError('not-found', `no such file: ${source}`, 'give the path of a saved page or file, or its URL');
  return { bytes: new Uint8Array(readFileSync(source)), url: null };
}

/** A file name from the source's own name: ASCII letters, digits, - and _, else a digest. */
function nameOf(source: string, bytes: Uint8Array): string {
  const last = isUrl(source) ? decodeURIComponent(new URL(source).pathname.split('/').filter(Boolean).at(-1) ?? '') : basename(source);
  const stem = last.slice(0, last.length - extname(last).length).replace(/[^A-Za-z0-9_-]+/gu, '-').replace(/^-+|-+$/gu, '').toLowerCase();
  return stem.length >= 3 ? stem : `plan-${sha256(bytes).slice(0, 12)}`;
}

/** The source already stored with these bytes, if any. */
function sameBytes(directory: string, digest: string): string | null {
  if (!existsSync(directory)) return null;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.meta.yaml')) continue;
    if (sha256(readFileSync(join(directory, entry.name))) === digest) return entry.name;
  }
  return null;
}

const attachmentFormats = new Set(['.doc', '.docx', '.wps', '.pdf', '.ofd']);

async function add(source: string, options: { sources: string; name: string | undefined; attachments: boolean }): Promise<string> {
  const { bytes, url } = await read(source);
  if (bytes.length === 0) throw new AtlasError('empty', `${source} is empty`, 'save the page or file again; an empty download is no plan');
  const digest = sha256(bytes);
  const already = sameBytes(options.sources, digest);
  if (already) throw new AtlasError('already-added', `these bytes are already a source: ${join(options.sources, already)}`, 'nothing to do; to add another version of the plan, add that file');

  const format = sniffFormat(bytes);
  const name = options.name ?? nameOf(source, bytes);
  const file = join(options.sources, `${name}${formatExtensions[format][0]}`);
  const sidecarFile = join(options.sources, `${name}.meta.yaml`);
  for (const taken of [file, sidecarFile]) {
    if (existsSync(taken)) throw new AtlasError('name-taken', `${taken} already exists`, 'choose another name with --name NAME');
  }
  // Extract before storing anything: a file the ingest cannot read is not stored.
  const extracted = await extractSource(file, bytes, url ?? undefined);
  const facts = extracted?.facts ?? {};

  const attachments: Array<{ url: string; file: string; sha256: string }> = [];
  if (options.attachments && extracted) {
    for (const link of extracted.attachments) {
      const extension = extname(new URL(link.href, url ?? 'file:///').pathname).toLowerCase();
      if (!attachmentFormats.has(extension) || !isUrl(link.href)) continue;
      const fetched = await fetchBytes(link.href);
      const target = join(options.sources, 'attachments', name, `${attachments.length + 1}${extension}`);
      writeFileAtomic(target, fetched.bytes);
      attachments.push({ url: link.href, file: target, sha256: sha256(fetched.bytes) });
    }
  }

  writeFileAtomic(file, bytes);
  const sidecar: Record<string, unknown> = {
    ...(url ? { sourceUrl: url } : {}),
    ...(facts.publisher ? { publisher: facts.publisher } : {}),
    ...(facts.publishedOn ? { publishedOn: facts.publishedOn } : {}),
    ...(facts.issuedOn ? { issuedOn: facts.issuedOn } : {}),
    ...(facts.docNumber ? { docNumber: facts.docNumber } : {}),
    ...(facts.indexNumber ? { indexNumber: facts.indexNumber } : {}),
    retrievedOn: today(),
    sha256: digest,
    ...(attachments.length > 0 ? { attachments } : {}),
  };
  writeFileAtomic(sidecarFile, `# What the published file itself tells (written by npm run add; edit to correct or complete).\n${stringify(sidecar)}`);
  return file;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      attachments: { type: 'boolean', default: false },
      sources: { type: 'string', default: 'content/sources' },
    },
    strict: true,
  });
  if (positionals.length === 0) {
    console.error('add: give one or more files or URLs: npm run add -- content.html https://example.gov.cn/plan.html');
    return 2;
  }
  if (values.name !== undefined && positionals.length > 1) {
    console.error('add: --name names one source; add several sources without it');
    return 2;
  }
  let failed = 0;
  for (const source of positionals) {
    try {
      const file = await add(source, { sources: values.sources, name: values.name, attachments: values.attachments });
      console.log(`add: stored ${file} (and its sidecar); what the ingest understands of it:`);
      const check = spawnSync(process.execPath, [join(import.meta.dirname, 'ingest.ts'), '--check', file], { stdio: 'inherit' });
      if (check.status !== 0) failed += 1;
    } catch (error) {
      console.error(formatAtlasError(source, asIngestError(error)));
      failed += 1;
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));

/**
 * The sources folder as every ingest run reads it (the CLI, the topic-quality
 * script, the benchmark): which files are sources (by extension, of every format
 * the extractors read), which sidecar belongs to which source (NAME.meta.yaml), and
 * which sidecars belong to none.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { sourceExtensions } from '../extract/sniff.ts';
import type { SourceDocument } from './document.ts';

export const sidecarExtension = '.meta.yaml';

/** A source's name without its extension: its sidecar is NAME.meta.yaml. */
export const stem = (path: string): string => path.slice(0, path.length - extname(path).length);

export const isSource = (name: string): boolean => !name.endsWith(sidecarExtension) && sourceExtensions.includes(extname(name).toLowerCase());

/** A path as the messages show it: relative to the working folder when inside it. */
export function display(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown.startsWith('..') ? path : shown;
}

export interface SourceFolder {
  /** Source file names, sorted. */
  names: string[];
  /** Whether a source path has its sidecar, answered from the listing (no lookup per source). */
  hasSidecar: (path: string) => boolean;
  /** Sidecars whose source is missing, sorted. */
  orphanSidecars: string[];
}

export function listSourceFolder(directory: string): SourceFolder {
  const listing = existsSync(directory) ? readdirSync(directory) : [];
  const names = listing.filter(isSource).sort();
  const sidecars = new Set(listing.filter((name) => name.endsWith(sidecarExtension)));
  const sourceStems = new Set(names.map(stem));
  const orphanSidecars = [...sidecars].filter((name) => !sourceStems.has(name.slice(0, -sidecarExtension.length))).sort();
  return { names, hasSidecar: (path) => sidecars.has(basename(path)), orphanSidecars };
}

export function readSource(path: string, hasSidecar: (path: string) => boolean = existsSync, shown = display(path)): SourceDocument {
  const sidecarPath = stem(path) + sidecarExtension;
  return {
    file: shown,
    bytes: readFileSync(path),
    sidecar: hasSidecar(sidecarPath) ? { file: display(sidecarPath), text: readFileSync(sidecarPath, 'utf8') } : null,
  };
}

/** Every source of a folder with its sidecar, in name order. */
export function readSourceFolder(directory: string): SourceDocument[] {
  const folder = listSourceFolder(directory);
  return folder.names.map((name) => readSource(join(directory, name), folder.hasSidecar));
}

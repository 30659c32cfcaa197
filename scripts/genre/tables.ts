/**
 * Reads the genre's YAML tables (the files beside this module), each through the
 * function that validates it.
 *
 * A rebuild that parses one edited document would spend about 30 ms parsing YAML
 * and validating every table. With a snapshot file (the ingest cache's
 * tables-VERSION.json), the validated tables are written there once and read back
 * on later runs without YAML or validation. The snapshot's name carries the
 * version of the ingest code, which covers these tables (ingestCodeRoots in
 * scripts/ingest/parse-cache.ts), so a snapshot never outlives the tables it was made
 * from. Validated tables are plain data, so JSON keeps them whole; compiling
 * their patterns stays with each loader.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { AtlasError } from '../../src/model/errors.ts';
import { writeFileAtomic } from '../ingest/output.ts';

const tableDirectory = new URL('./', import.meta.url);

interface Snapshot {
  file: string;
  tables: Map<string, unknown>;
  /** A table was read from its YAML since the snapshot was loaded. */
  changed: boolean;
}

let snapshot: Snapshot | null = null;

/** Reads tables from `file` from now on, and keeps there the ones read from YAML; `null` stops using one. */
export function useTableSnapshot(file: string | null): void {
  if (snapshot?.file === file) return;
  if (file === null) {
    snapshot = null;
    return;
  }
  let tables = new Map<string, unknown>();
  if (existsSync(file)) {
    try {
      tables = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>));
    } catch {
      // A torn or foreign file: the tables are read from YAML and the snapshot written again.
    }
  }
  snapshot = { file, tables, changed: false };
}

export function saveTableSnapshot(): void {
  if (!snapshot?.changed) return;
  writeFileAtomic(snapshot.file, JSON.stringify(Object.fromEntries([...snapshot.tables].sort(([a], [b]) => (a < b ? -1 : 1)))));
  snapshot.changed = false;
}

/** YAML that does not parse is an error of the table's file and line, as a schema failure is. */
export function parseTableYaml(fileName: string, text: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const problem = new AtlasError('invalid-file', error.message.split('\n')[0] ?? error.message, 'correct the YAML there (a value holding [ ] , : or # wants quotes)', error.linePos?.[0].line ?? null);
    problem.file = `scripts/genre/${fileName}`;
    throw problem;
  }
}

/** The table in `fileName` (e.g. noise.yaml), as `validate` returns it; `validate` throws on a malformed table. */
export function readGenreTable<T>(fileName: string, validate: (data: unknown) => T): T {
  if (snapshot?.tables.has(fileName)) return snapshot.tables.get(fileName) as T;
  const table = validate(parseTableYaml(fileName, readFileSync(new URL(fileName, tableDirectory), 'utf8')));
  if (snapshot) {
    snapshot.tables.set(fileName, table);
    snapshot.changed = true;
  }
  return table;
}

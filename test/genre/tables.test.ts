/**
 * The genre tables' snapshot: tables validated once are read back from JSON,
 * without YAML or validation, and a missing or torn snapshot only costs the YAML.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { temporaryFolder } from '../temporary.ts';
import { parseTableYaml, readGenreTable, saveTableSnapshot, useTableSnapshot } from '../../scripts/genre/tables.ts';
import { AtlasError, formatError } from '../../src/model/errors.ts';

function snapshotFile(): string {
  return join(temporaryFolder('plan-atlas-tables-'), 'tables-test.json');
}

afterEach(() => {
  useTableSnapshot(null);
});

const kindNames = (data: unknown): string[] => (data as { kinds: Array<{ name: string }> }).kinds.map((kind) => kind.name);

describe('genre table snapshot', () => {
  it('validates a table read from YAML, keeps it, and reads it back later without validating', () => {
    const file = snapshotFile();
    useTableSnapshot(file);
    const validate = vi.fn((data: unknown) => data);
    const first = readGenreTable('kinds.yaml', validate);
    expect(validate).toHaveBeenCalledTimes(1);
    expect(kindNames(first)).toContain('工作要点');
    expect(existsSync(file)).toBe(false);
    saveTableSnapshot();
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toEqual(['kinds.yaml']);

    // A later run: the snapshot answers, so neither YAML nor the validator is touched.
    useTableSnapshot(null);
    useTableSnapshot(file);
    const again = vi.fn((data: unknown) => data);
    expect(readGenreTable('kinds.yaml', again)).toEqual(first);
    expect(again).not.toHaveBeenCalled();
  });

  it('answers from the snapshot what it holds, even where the YAML says otherwise', () => {
    const file = snapshotFile();
    writeFileSync(file, JSON.stringify({ 'kinds.yaml': { kinds: [{ name: '快照' }] } }));
    useTableSnapshot(file);
    expect(kindNames(readGenreTable('kinds.yaml', (data) => data))).toEqual(['快照']);
  });

  it('reads the YAML again when the snapshot is torn, and writes a whole one', () => {
    const file = snapshotFile();
    writeFileSync(file, '{"kinds.yaml": {');
    useTableSnapshot(file);
    const validate = vi.fn((data: unknown) => data);
    expect(kindNames(readGenreTable('kinds.yaml', validate))).toContain('工作要点');
    expect(validate).toHaveBeenCalledTimes(1);
    saveTableSnapshot();
    expect(kindNames((JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)['kinds.yaml'])).toContain('工作要点');
  });

  it('without a snapshot validates on every read and writes nothing', () => {
    const validate = vi.fn((data: unknown) => data);
    readGenreTable('kinds.yaml', validate);
    readGenreTable('kinds.yaml', validate);
    expect(validate).toHaveBeenCalledTimes(2);
    saveTableSnapshot();
  });

  it('lets a malformed table fail as its validator says', () => {
    useTableSnapshot(snapshotFile());
    expect(() =>
      readGenreTable('kinds.yaml', () => {
        throw new Error('scripts/genre/kinds.yaml is malformed');
      }),
    ).toThrow(/kinds\.yaml is malformed/u);
  });
});

describe('a table whose YAML does not parse', () => {
  it('is an error of its file and line, with what to do', () => {
    let caught: unknown;
    try {
      parseTableYaml('metadata.yaml', 'examples:\n  docNumber: [鹰教字[2021]3号, 泰教发〔2024〕1号]\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AtlasError);
    expect(formatError(caught)).toMatch(/^scripts\/genre\/metadata\.yaml:2: error \[invalid-file\] .+\n {2}hint: correct the YAML there/u);
  });
});

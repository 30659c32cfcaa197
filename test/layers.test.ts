/**
 * The layers of the code, kept true: data flows one way, content/sources →
 * scripts/ → content/ → src/ → dist/, and src/model/ is the one layer both sides
 * share. scripts/ may import src/model/ and nothing else of src/; src/ imports
 * nothing from scripts/; src/model/ imports only itself; browser code (src/client/)
 * imports no Node module; and no two modules import each other in a loop.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Edge {
  from: string;
  to: string;
  /** A type-only import: no module is loaded at run time. */
  typeOnly: boolean;
}

const root = join(import.meta.dirname, '..');

const importPattern = /(?:^|[\s;])(import\s+type\s[^'"]*?from\s*|import\s[^'"]*?from\s*|export\s[^'"]*?from\s*|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/gu;

/** The imports of one file, relative ones resolved to repository paths, packages as themselves. */
export function importsOf(file: string, text: string): Edge[] {
  const edges: Edge[] = [];
  for (const match of text.matchAll(importPattern)) {
    const keyword = match[1] ?? '';
    const specifier = match[2] ?? '';
    const to = specifier.startsWith('.') ? normalize(join(dirname(file), specifier)) : specifier;
    edges.push({ from: file, to, typeOnly: /^import\s+type\s/u.test(keyword.trimStart()) });
  }
  return edges;
}

const inside = (path: string, folder: string): boolean => path.startsWith(`${folder}/`);

/** Every broken rule, as "from → to: why". */
export function layerViolations(edges: readonly Edge[]): string[] {
  const broken: string[] = [];
  for (const { from, to } of edges) {
    const say = (why: string): void => void broken.push(`${from} → ${to}: ${why}`);
    if (inside(from, 'src') && inside(to, 'scripts')) say('src/ imports nothing from scripts/');
    if (inside(from, 'scripts') && inside(to, 'src') && !inside(to, 'src/model')) say('scripts/ imports only src/model/ of src/');
    if (inside(from, 'src/model') && (inside(to, 'scripts') || (inside(to, 'src') && !inside(to, 'src/model')))) say('src/model/ imports only itself');
    if (inside(from, 'src/client') && to.startsWith('node:')) say('browser code imports no Node module');
  }
  return broken;
}

/** Import loops among the given edges (type-only imports load nothing and are left out). */
export function importLoops(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to, typeOnly } of edges) {
    if (typeOnly || !to.endsWith('.ts')) continue;
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const loops: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      if (state.get(to) === 'open') loops.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...next.keys()].sort()) if (!state.has(file)) visit(file);
  return loops;
}

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'scripts'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(?:ts|astro)$/u.test(file));
const edges = files.flatMap((file) => importsOf(file, readFileSync(join(root, file), 'utf8')));

describe('the layers of the code', () => {
  it('reads the imports of every module', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.filter((edge) => edge.to === 'src/model/plan.ts').length).toBeGreaterThan(10);
  });

  it('keeps scripts/ and src/ apart but for src/model/, and browser code free of Node', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('has no import loops', () => {
    expect(importLoops(edges)).toEqual([]);
  });

  it('would catch a src/ → scripts/ import, a scripts/ → src/site/ import and a loop', () => {
    const made = [
      ...importsOf('src/site/atlas.ts', "import { x } from '../../scripts/ingest/read.ts';"),
      ...importsOf('scripts/cli/build.ts', "import { y } from '../../src/site/url.ts';"),
      ...importsOf('src/client/search.ts', "import { readFileSync } from 'node:fs';"),
    ];
    expect(layerViolations(made)).toEqual([
      'src/site/atlas.ts → scripts/ingest/read.ts: src/ imports nothing from scripts/',
      'scripts/cli/build.ts → src/site/url.ts: scripts/ imports only src/model/ of src/',
      'src/client/search.ts → node:fs: browser code imports no Node module',
    ]);
    const loop = [...importsOf('a/x.ts', "import { b } from './y.ts';"), ...importsOf('a/y.ts', "import { a } from './x.ts';")];
    expect(importLoops(loop)).toEqual([['a/x.ts', 'a/y.ts', 'a/x.ts']]);
    expect(importLoops(importsOf('a/y.ts', "import type { A } from './x.ts';"))).toEqual([]);
  });
});

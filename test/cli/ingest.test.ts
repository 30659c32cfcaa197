/**
 * `npm run ingest` as an editor uses it: a folder of sources in, collections
 * and clear errors out.
 */
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { suiteTemporaryFolder, temporaryFolder } from '../temporary.ts';
import { planFromMarkdown } from '../../src/model/plan-files.ts';
import { runCli } from './run.ts';

const seeds = new URL('../../content/sources/', import.meta.url);
/** Sources and content folders in `root` (by default a folder of the test's own). */
function workspace(root = temporaryFolder('plan-atlas-ingest-')): { sources: string; content: string; root: string } {
  const sources = join(root, 'sources');
  const content = join(root, 'content');
  mkdirSync(sources);
  mkdirSync(content);
  return { root, sources, content };
}

const ingest = (paths: { sources: string; content: string; root: string }) =>
  runCli('ingest', ['--sources', paths.sources, '--content', paths.content, '--cache', join(paths.root, 'cache')]);

function listFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1))
    .sort();
}


const smallPlan = `大连市教育局2019年工作要点
全市教育工作的总体思路是：坚持立德树人。
一、加强党的建设
1.强化理论武装。学习贯彻。
2.加强组织建设。建设基层组织。
二、发展各类教育
3.推进学前教育普惠发展。扩大普惠资源。
`;

describe('npm run ingest', () => {
  it('writes one Markdown file per plan, byte-identical on a second run', () => {
    const paths = workspace();
    for (const name of ['taian-2024.txt', 'dalian-2018.txt']) copyFileSync(new URL(name, seeds), join(paths.sources, name));
    const first = ingest(paths);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/2 plans, 54 items/u);
    const files = listFiles(join(paths.content, 'plans'));
    expect(files).toEqual(['liaoning/dalian/2018.md', 'shandong/taian/2024.md']);
    const snapshot = files.map((file) => readFileSync(join(paths.content, 'plans', file), 'utf8'));

    expect(ingest(paths).status).toBe(0);
    expect(files.map((file) => readFileSync(join(paths.content, 'plans', file), 'utf8'))).toEqual(snapshot);
    expect(readdirSync(paths.content).sort()).toEqual(['plans', 'reports']);
  });

  it('gives a plan the same URLs and file whatever other plans are ingested beside it', () => {
    const alone = workspace();
    copyFileSync(new URL('taierzhuang-2021.txt', seeds), join(alone.sources, 'x.txt'));
    expect(ingest(alone).status).toBe(0);
    const crowded = workspace();
    for (const name of ['taian-2024.txt', 'dalian-2018.txt', 'yingtan-2021.txt', 'gaotai-2024.txt']) copyFileSync(new URL(name, seeds), join(crowded.sources, name));
    copyFileSync(new URL('taierzhuang-2021.txt', seeds), join(crowded.sources, 'a-different-name.txt'));
    expect(ingest(crowded).status).toBe(0);
    const file = join('shandong', 'zaozhuang', 'taierzhuang', '2021.md');
    const strip = (markdown: string) => markdown.replace(/^sourceFile: .*$/mu, '');
    expect(strip(readFileSync(join(crowded.content, 'plans', file), 'utf8'))).toBe(strip(readFileSync(join(alone.content, 'plans', file), 'utf8')));
  });

  it('lists every removed piece of web-page noise in the ingest report', () => {
    const paths = workspace();
    copyFileSync(new URL('dalian-2018.txt', seeds), join(paths.sources, 'dalian.txt'));
    expect(ingest(paths).status).toBe(0);
    const report = JSON.parse(readFileSync(join(paths.content, 'reports', 'ingest-report.json'), 'utf8')) as {
      plans: Array<{ url: string; removed: Array<{ line: number; text: string; rule: string }> }>;
    };
    expect(report.plans.map((plan) => plan.url)).toEqual(['/liaoning/dalian/2018/']);
    const removed = report.plans[0]?.removed ?? [];
    expect(removed.map((entry) => entry.line)).toEqual([40, 41, 43, 45, 47]);
    expect(removed.map((entry) => entry.text)).toContain('Produced By 大汉网络 大汉版通发布系统');
  });

  it('re-parses only the document that changed and rewrites only its file', () => {
    const paths = workspace();
    for (const name of ['taian-2024.txt', 'dalian-2018.txt', 'yingtan-2021.txt']) copyFileSync(new URL(name, seeds), join(paths.sources, name));
    expect(ingest(paths).stdout).toMatch(/\(3 parsed, 0 unchanged/u);
    const files = listFiles(join(paths.content, 'plans'));
    const stamp = (file: string) => {
      const path = join(paths.content, 'plans', file);
      return { bytes: readFileSync(path, 'utf8'), mtimeMs: statSync(path).mtimeMs, ino: statSync(path).ino };
    };
    const before = new Map(files.map((file) => [file, stamp(file)]));
    const report = readFileSync(join(paths.content, 'reports', 'ingest-report.json'), 'utf8');
    writeFileSync(join(paths.sources, 'dalian-2018.txt'), readFileSync(join(paths.sources, 'dalian-2018.txt'), 'utf8').replace('办好继续教育。', '办好继续教育和老年教育。'));

    const second = ingest(paths);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/\(1 parsed, 2 unchanged/u);
    expect(second.stdout).toMatch(/ 1 file\(s\) written, 0 removed/u);
    const edited = 'liaoning/dalian/2018.md';
    expect(stamp(edited).bytes).not.toBe(before.get(edited)!.bytes);
    expect(stamp(edited).bytes).toContain('办好继续教育和老年教育');
    for (const file of files.filter((name) => name !== edited)) expect(stamp(file), file).toEqual(before.get(file));
    // The report still lists every plan, and nothing in it changed but what the edit changed (nothing here).
    const reported = JSON.parse(readFileSync(join(paths.content, 'reports', 'ingest-report.json'), 'utf8')) as { plans: Array<{ url: string }> };
    expect(reported.plans.map((plan) => plan.url)).toEqual(['/jiangxi/yingtan/2021/', '/liaoning/dalian/2018/', '/shandong/taian/2024/']);
    expect(readFileSync(join(paths.content, 'reports', 'ingest-report.json'), 'utf8')).toBe(report);
    expect(readdirSync(join(paths.root, 'cache', 'documents'))).toHaveLength(3);
  });

  // Several runs of the CLI, two of them bundling the parser: past the default 30 s on a busy 2-core machine.
  it('parses an edit with the cached one-file parser, its code cache and tables, as a run without the cache does', () => {
    const paths = workspace();
    for (const name of ['taian-2024.txt', 'dalian-2018.txt']) copyFileSync(new URL(name, seeds), join(paths.sources, name));
    const cache = join(paths.root, 'cache');
    expect(ingest(paths).stderr).toBe('');
    const kept = () => readdirSync(cache).filter((name) => /^(?:parser|tables|divisions)-/u.test(name)).sort();
    const [divisions, parser, codeCache, tables] = kept();
    expect([divisions, parser, codeCache, tables].map((name) => name?.replace(/-\w+\./u, '-*.'))).toEqual(['divisions-*.json', 'parser-*.cjs', 'parser-*.cjs.v8cache', 'tables-*.json']);
    // A mark in the bundle shows that the next run loads the parser from it.
    appendFileSync(join(cache, parser!), "\nconsole.log('parser loaded from the cached bundle');\n");
    const bundleWritten = statSync(join(cache, parser!)).mtimeMs;
    // What an older version of the code left: dropped by the next complete run.
    for (const stale of ['parser-0000000000000000.cjs', 'parser-0000000000000000.cjs.v8cache', 'tables-0000000000000000.json']) writeFileSync(join(cache, stale), '');

    writeFileSync(join(paths.sources, 'dalian-2018.txt'), readFileSync(join(paths.sources, 'dalian-2018.txt'), 'utf8').replace('办好继续教育。', '办好继续教育和老年教育。'));
    const second = ingest(paths);
    expect(second.stderr).toBe('');
    expect(second.stdout).toMatch(/\(1 parsed, 1 unchanged/u);
    expect(second.stdout).toContain('parser loaded from the cached bundle');
    expect(kept()).toEqual([divisions, parser, codeCache, tables]);
    expect(statSync(join(cache, parser!)).mtimeMs).toBe(bundleWritten);

    // V8's code cache of the bundle: made again for the changed bundle, then taken as it is by
    // the next run; one V8 refuses is made again, and none of it changes what is parsed.
    const codeCacheFile = join(cache, codeCache!);
    const madeForBundle = statSync(codeCacheFile);
    const edit = (from: string, to: string) => writeFileSync(join(paths.sources, 'dalian-2018.txt'), readFileSync(join(paths.sources, 'dalian-2018.txt'), 'utf8').replace(from, to));
    edit('老年教育', '老年教育和社区教育');
    expect(ingest(paths).stdout).toMatch(/\(1 parsed, 1 unchanged/u);
    // Not written again (a write replaces the file: a new inode).
    expect([statSync(codeCacheFile).ino, statSync(codeCacheFile).mtimeMs]).toEqual([madeForBundle.ino, madeForBundle.mtimeMs]);
    writeFileSync(codeCacheFile, 'not a code cache');
    edit('和社区教育', '和老年大学');
    expect(ingest(paths).stdout).toMatch(/\(1 parsed, 1 unchanged/u);
    expect(readFileSync(codeCacheFile).length).toBeGreaterThan(1000);

    const fresh = join(paths.root, 'fresh');
    expect(runCli('ingest', ['--sources', paths.sources, '--content', fresh, '--no-cache']).status).toBe(0);
    const contents = (root: string) => listFiles(root).map((file) => [file, readFileSync(join(root, file), 'utf8')]);
    expect(contents(paths.content)).toEqual(contents(fresh));
    expect(readFileSync(join(paths.content, 'plans', 'liaoning', 'dalian', '2018.md'), 'utf8')).toContain('办好继续教育和老年教育和老年大学');
  }, 120_000);

  it('takes a cache folder relative to the working folder, as its default .cache/ingest is', () => {
    const paths = workspace();
    copyFileSync(new URL('dalian-2018.txt', seeds), join(paths.sources, 'dalian-2018.txt'));
    const cache = relative(process.cwd(), join(paths.root, 'cache'));
    expect(isAbsolute(cache)).toBe(false);
    const run = () => runCli('ingest', ['--sources', paths.sources, '--content', paths.content, '--cache', cache]);
    const first = run();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    appendFileSync(join(paths.sources, 'dalian-2018.txt'), '补充一句。\n');
    const second = run();
    expect(second.stderr).toBe('');
    expect(second.stdout).toMatch(/\(1 parsed, 0 unchanged/u);
    expect(readdirSync(join(paths.root, 'cache')).some((name) => name.endsWith('.cjs.v8cache'))).toBe(true);
  });

  it('checks one document with the cached parser, as without the cache, and keeps nothing of the document', () => {
    const paths = workspace();
    const file = join(paths.sources, 'dalian-2018.txt');
    copyFileSync(new URL('dalian-2018.txt', seeds), file);
    const cache = join(paths.root, 'cache');
    const cached = runCli('ingest', ['--json', file, '--cache', cache]);
    expect(cached.stderr).toBe('');
    expect(cached.status).toBe(0);
    // The parser and its tables are kept for the next check; no document, manifest or collection is written.
    expect(readdirSync(cache).map((name) => name.replace(/-\w+\./u, '-*.')).sort()).toEqual(['divisions-*.json', 'parser-*.cjs', 'parser-*.cjs.v8cache', 'tables-*.json']);
    expect(listFiles(paths.content)).toEqual([]);
    // A mark in the bundle shows that the next check loads the parser from it.
    const bundle = readdirSync(cache).find((name) => name.endsWith('.cjs'))!;
    appendFileSync(join(cache, bundle), "\nconsole.error('parser loaded from the cached bundle');\n");
    const again = runCli('ingest', ['--check', file, '--cache', cache]);
    expect(again.stderr).toContain('parser loaded from the cached bundle');
    expect(again.stdout).toContain('/liaoning/dalian/2018/');
    const uncached = runCli('ingest', ['--json', file, '--no-cache']);
    expect(uncached.stdout).toBe(cached.stdout);
    expect(JSON.parse(uncached.stdout)).toMatchObject({ year: 2018, url: '/liaoning/dalian/2018/' });
  });

  it('gives the same collections with and without the cache, and repairs what a killed run left', () => {
    const cached = workspace();
    for (const name of ['taian-2024.txt', 'dalian-2018.txt']) copyFileSync(new URL(name, seeds), join(cached.sources, name));
    expect(ingest(cached).status).toBe(0);
    // What a run killed half-way can leave: a stale temporary file, a plan rewritten by hand, one deleted, a stray one.
    writeFileSync(join(cached.content, 'plans', 'shandong', 'taian', '2024.md.12345.tmp'), 'half');
    writeFileSync(join(cached.content, 'plans', 'shandong', 'taian', '2024.md'), 'stale');
    rmSync(join(cached.content, 'plans', 'liaoning', 'dalian', '2018.md'));
    mkdirSync(join(cached.content, 'plans', 'gone', 'away'), { recursive: true });
    writeFileSync(join(cached.content, 'plans', 'gone', 'away', '2020.md'), 'old');
    mkdirSync(join(cached.content, '.staging-999', 'plans'), { recursive: true });
    const repaired = ingest(cached);
    expect(repaired.status).toBe(0);
    expect(repaired.stdout).toMatch(/\(0 parsed, 2 unchanged/u);

    const fresh = join(cached.root, 'fresh');
    expect(runCli('ingest', ['--sources', cached.sources, '--content', fresh, '--no-cache']).status).toBe(0);
    const contents = (root: string) => listFiles(root).map((file) => [file, readFileSync(join(root, file), 'utf8')]);
    expect(listFiles(cached.content)).toEqual(['plans/liaoning/dalian/2018.md', 'plans/shandong/taian/2024.md', 'reports/ingest-report.json']);
    expect(contents(cached.content)).toEqual(contents(fresh));
    expect(readdirSync(cached.content).sort()).toEqual(['plans', 'reports']);
  });

  it('deletes the plan of a removed source', () => {
    const paths = workspace();
    for (const name of ['taian-2024.txt', 'dalian-2018.txt']) copyFileSync(new URL(name, seeds), join(paths.sources, name));
    expect(ingest(paths).status).toBe(0);
    rmSync(join(paths.sources, 'dalian-2018.txt'));
    const result = ingest(paths);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/ 1 file\(s\) written, 1 removed/u);
    expect(listFiles(join(paths.content, 'plans'))).toEqual(['shandong/taian/2024.md']);
    expect(existsSync(join(paths.content, 'plans', 'liaoning'))).toBe(false);
  });

  it('reads GB18030 and UTF-16 sources like their UTF-8 original', () => {
    const paths = workspace();
    writeFileSync(join(paths.sources, 'utf8.txt'), smallPlan);
    const utf8 = runCli('ingest', ['--json', join(paths.sources, 'utf8.txt')]);
    for (const [name, bytes] of [
      ['gbk.txt', iconv.encode(smallPlan, 'gb18030')],
      ['utf16.txt', iconv.encode(smallPlan, 'utf-16le', { addBOM: true })],
      ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(smallPlan.replaceAll('\n', '\r\n'))])],
    ] as const) {
      writeFileSync(join(paths.sources, name), bytes);
      const result = runCli('ingest', ['--json', join(paths.sources, name)]);
      expect(result.status, result.stderr).toBe(0);
      const { sourceFile: _a, sourceSha256: _b, ...plan } = JSON.parse(result.stdout);
      const { sourceFile: _c, sourceSha256: _d, ...expected } = JSON.parse(utf8.stdout);
      expect(plan).toEqual(expected);
    }
  });

  it('lets a sidecar win over what was inferred, and --check says which is which', () => {
    const paths = workspace();
    copyFileSync(new URL('dalian-2018.txt', seeds), join(paths.sources, 'plan.txt'));
    const before = runCli('ingest', ['--check', join(paths.sources, 'plan.txt')]);
    expect(before.status).toBe(0);
    expect(before.stdout).toMatch(/region\s+大连市 210200 .*\(inferred\)/u);
    expect(before.stdout).toMatch(/inferred\s+region/u);

    writeFileSync(join(paths.sources, 'plan.meta.yaml'), 'title: 大连市教育局2018年工作要点\nregion: 210200\nissuedOn: 2018-02-01\n');
    const after = runCli('ingest', ['--check', join(paths.sources, 'plan.txt')]);
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(/title\s+大连市教育局2018年工作要点 {2}\(sidecar\)/u);
    expect(after.stdout).toMatch(/issued on\s+2018-02-01 {2}\(sidecar\)/u);
    expect(after.stdout).toMatch(/from sidecar\s+issuedOn, region, title/u);
    expect(existsSync(join(paths.content, 'plans'))).toBe(false);
  });

  it('keeps HTML and script tags as text that can never become markup', () => {
    const paths = workspace();
    const hostile = smallPlan.replace('坚持立德树人。', '坚持立德树人。<script>alert("x")</script><img src=x onerror=alert(1)> [链接](javascript:alert(1)) **粗**');
    writeFileSync(join(paths.sources, 'plan.txt'), hostile);
    expect(ingest(paths).status).toBe(0);
    const markdown = readFileSync(join(paths.content, 'plans', 'liaoning', 'dalian', '2019.md'), 'utf8');
    expect(planFromMarkdown(markdown).preamble).toContain('<script>alert("x")</script>');
    const body = markdown.slice(markdown.indexOf('\n---\n') + 5);
    expect(body).not.toMatch(/(?<!\\)<(script|img)/u);
    expect(body).not.toMatch(/(?<!\\)\[链接\]/u);
  });

  it('ingests a 100,000-character line and a 10 MB file', () => {
    const paths = workspace();
    const longLine = '推进教育改革，'.repeat(14_300);
    writeFileSync(join(paths.sources, 'long-line.txt'), smallPlan.replace('扩大普惠资源。', `扩大普惠资源。${longLine}`));
    const bigBody = Array.from({ length: 900 }, (_, index) => `${index + 4}.推进第${index + 4}项工作。${'落实责任，加强督导，'.repeat(400)}`).join('\n');
    writeFileSync(join(paths.sources, 'big.txt'), `${smallPlan.replace('2019', '2020')}${bigBody}\n`);
    expect(readFileSync(join(paths.sources, 'big.txt')).length).toBeGreaterThan(10_000_000);
    const result = ingest(paths);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const big = planFromMarkdown(readFileSync(join(paths.content, 'plans', 'liaoning', 'dalian', '2020.md'), 'utf8'));
    expect(big.sections.at(-1)?.items.at(-1)?.key).toBe('903');
    const long = planFromMarkdown(readFileSync(join(paths.content, 'plans', 'liaoning', 'dalian', '2019.md'), 'utf8'));
    expect(long.sections.at(-1)?.items.at(-1)?.text.length).toBeGreaterThan(100_000);
  }, 120_000);
});

describe('bad input: a clear error, the other documents still ingested, non-zero exit', () => {
  const cases: Array<[string, string, string | Uint8Array, RegExp]> = [
    ['empty.txt', 'empty', '', /./u],
    ['blank.txt', 'blank', ' \n\u3000\r\n\t\n', /./u],
    ['binary.txt', 'binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]), /./u],
    ['undecodable.txt', 'undecodable', new Uint8Array([...Buffer.from('2024年工作要点\n一、'), 0xff, 0xfe, 0xfd, 0x80, 0x81, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]), /UTF-8/u],
    ['not-a-plan.txt', 'not-a-plan', '这里什么也没有。\n今天天气很好，大家都来了。\n', /meta\.yaml/u],
    ['news.txt', 'not-a-plan', '河北省召开2018年教育工作会议\n一、会议内容\n1.部署工作。全面部署。\n2.总结经验。总结。\n', /kind/u],
    ['no-region.txt', 'region-unresolved', '2024年工作要点\n总体思路：坚持立德树人。\n一、加强党建\n1.强化理论武装。学习。\n二、发展教育\n2.推进改革。改革。\n', /meta\.yaml/u],
  ];

  // One run over every bad file beside a good plan, as an editor's folder would hold them.
  const paths = workspace(suiteTemporaryFolder('plan-atlas-ingest-'));
  let result: ReturnType<typeof ingest> | undefined;
  const ingestAll = () => {
    if (result) return { result, paths };
    copyFileSync(new URL('taian-2024.txt', seeds), join(paths.sources, 'good.txt'));
    for (const [name, , bytes] of cases) writeFileSync(join(paths.sources, name), bytes);
    result = ingest(paths);
    return { result, paths };
  };

  it.each(cases)('%s → [%s]', (name, code, _bytes, hint) => {
    const { result } = ingestAll();
    const lines = result.stderr.split('\n');
    const at = lines.findIndex((line) => line.includes(`${name}:`));
    // The file's error and its hint, on the line after it.
    const block = lines.slice(at, at + 2).join('\n');
    expect(at, result.stderr).toBeGreaterThanOrEqual(0);
    expect(block).toContain(`[${code}]`);
    expect(block).toMatch(/\n {2}hint: /u);
    expect(block).toMatch(hint);
  });

  it('ingests the good plan beside them, leaves nothing half-written and exits 1', () => {
    const { result, paths } = ingestAll();
    expect(result.status).toBe(1);
    expect(listFiles(join(paths.content, 'plans'))).toEqual(['shandong/taian/2024.md']);
    expect(readdirSync(paths.content).filter((entry) => entry.startsWith('.'))).toEqual([]);
  });

  it('names both files when two documents are the same plan, and writes neither', () => {
    const paths = workspace();
    copyFileSync(new URL('taian-2024.txt', seeds), join(paths.sources, 'a.txt'));
    copyFileSync(new URL('taian-2024.txt', seeds), join(paths.sources, 'b.txt'));
    copyFileSync(new URL('dalian-2018.txt', seeds), join(paths.sources, 'c.txt'));
    const result = ingest(paths);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/a\.txt: error \[duplicate-identity\] .*b\.txt.*\/shandong\/taian\/2024\//u);
    expect(result.stderr).toMatch(/b\.txt: error \[duplicate-identity\] .*a\.txt/u);
    expect(result.stderr).toMatch(/variant/u);
    expect(listFiles(join(paths.content, 'plans'))).toEqual(['liaoning/dalian/2018.md']);
  });

  it('names the sidecar and its line when the sidecar is wrong', () => {
    const paths = workspace();
    copyFileSync(new URL('dalian-2018.txt', seeds), join(paths.sources, 'plan.txt'));
    writeFileSync(join(paths.sources, 'plan.meta.yaml'), 'title: 大连\nyear: twenty\n');
    const result = runCli('ingest', ['--check', join(paths.sources, 'plan.txt')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/plan\.meta\.yaml:2: error \[sidecar-field\] .*"year"/u);
  });
});

describe('ingest --check: a hard line wrap inside the title year', () => {
  it('reads 泰安市教育局2016 / 年工作要点 as the title of a 2016 plan, every character kept', () => {
    const folder = temporaryFolder('plan-atlas-wrap-');
    const file = join(folder, 'taian-2016.txt');
    writeFileSync(file, '泰安市教育局2016\n年工作要点\n一、加强党的建设\n1.强化理论武装。深入学习贯彻党的十八届五中全会精\n神。\n2.加强组织建设。建设。\n二、推进教育改革\n3.深化改革。内容。\n');
    const run = runCli('ingest', ['--check', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/title +泰安市教育局2016年工作要点 — printed as the title/u);
    expect(run.stdout).toMatch(/url +\/shandong\/taian\/2016\//u);
  });
});

describe('ingest --check: a file that is no source', () => {
  it('names the file and lists each extension a source may have once', () => {
    const folder = temporaryFolder('plan-atlas-not-a-source-');
    const file = join(folder, 'notes.md');
    writeFileSync(file, '# 笔记\n');
    const run = runCli('ingest', ['--check', file]);
    expect(run.status).toBe(1);
    const listed = /notes\.md: error \[not-a-source\] sources are (.+) files/u.exec(run.stderr)?.[1]?.split(' ') ?? [];
    expect(listed).toEqual(['.txt', '.html', '.htm', '.shtml', '.docx', '.doc', '.wps', '.pdf', '.ofd']);
  });
});

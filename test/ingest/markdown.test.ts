import { describe, expect, it } from 'vitest';
import { planSchema, type Plan } from '../../src/model/plan.ts';
import { planMarkdown } from '../../scripts/ingest/markdown.ts';
import { AtlasError } from '../../src/model/errors.ts';
import { markdownBodyText, verifyNothingLost } from '../../scripts/ingest/verify.ts';
import { parse as parseYaml } from 'yaml';

const plan: Plan = planSchema.parse({
  id: 'shandong/taian/2024',
  url: '/shandong/taian/2024/',
  title: '2024年工作要点',
  titleInferred: false,
  printedTitle: '2024年工作要点',
  kind: '工作要点',
  kindSlug: 'yaodian',
  year: 2024,
  years: [2024],
  region: {
    name: '泰安市', code: '370900', province: '山东省', provinceCode: '370000', prefecture: '泰安市', prefectureCode: '370900',
    level: 'prefecture', path: ['shandong', 'taian'], source: 'title', evidence: '泰安市教育局',
  },
  issuers: ['泰安市教育局'],
  docNumber: null,
  issuedOn: null,
  publishedOn: null,
  publisher: null,
  sourceUrl: null,
  sourceFile: 'content/sources/x.txt',
  sourceSha256: '0'.repeat(64),
  notice: '',
  preamble: '总体思路：*强调*与<script>alert(1)</script>。',
  sections: [
    {
      key: '1', anchor: 'section-1', label: '一、', number: 1, title: '加强党建', heading: '一、加强党建', text: '', line: 3, sections: [],
      items: [
        { key: '1', url: '/shandong/taian/2024/1/', anchor: 'item-1', label: '1.', number: 1, title: '学习[文件](http://x)', heading: '1.学习[文件](http://x)。', text: '学习[文件](http://x)。# 不是标题\n第二段 <b>粗</b> & 1. 不是列表', line: 4 },
      ],
    },
  ],
  inferred: [],
  removed: [],
  closing: '',
});

describe('planMarkdown', () => {
  const markdown = planMarkdown(plan);

  it('writes the whole model as YAML frontmatter that reads back equal', () => {
    const frontmatter = /^---\n([\s\S]*?)\n---\n/u.exec(markdown)?.[1] ?? '';
    expect(planSchema.parse(parseYaml(frontmatter))).toEqual(plan);
    // Astro reads frontmatter as YAML 1.1, where an unquoted 2024-03-26 would become a date.
    const dated = planSchema.parse({ ...plan, issuedOn: '2024-03-26' });
    const datedFrontmatter = /^---\n([\s\S]*?)\n---\n/u.exec(planMarkdown(dated))?.[1] ?? '';
    expect(parseYaml(datedFrontmatter, { version: '1.1' })).toMatchObject({ issuedOn: '2024-03-26' });
  });

  it('gives headings their ids and keeps markup-like text as text', () => {
    expect(markdown).toContain('## 一、加强党建 {#section-1}');
    expect(markdown).toContain('### 1.学习\\[文件]\\(http://x)。 {#item-1}');
    const body = markdown.replace(/^---\n[\s\S]*?\n---\n/u, '');
    expect(body).toContain('\\<script>');
    expect(body).not.toMatch(/(?<!\\)<script>/u);
    expect(markdownBodyText(markdown)).toBe(
      '总体思路：*强调*与<script>alert(1)</script>。\n一、加强党建\n1.学习[文件](http://x)。\n# 不是标题\n第二段 <b>粗</b> & 1. 不是列表',
    );
  });

  it('is deterministic', () => {
    expect(planMarkdown(plan)).toBe(markdown);
  });
});

describe('verifyNothingLost', () => {
  const lines = [
    { line: 1, text: '总体思路：坚持。' },
    { line: 2, text: '一、加强党建' },
  ];

  it('accepts output that holds every character in order', () => {
    expect(() => verifyNothingLost(lines, ['总体思路：坚持。\n', '一、 加强党建'])).not.toThrow();
  });

  it('names the source line where text went missing', () => {
    try {
      verifyNothingLost(lines, ['总体思路：坚持。', '一、党建']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AtlasError);
      expect((error as AtlasError).code).toBe('text-lost');
      expect((error as AtlasError).line).toBe(2);
      expect((error as AtlasError).message).toContain('加强党建');
    }
  });

  it('rejects text written twice', () => {
    expect(() => verifyNothingLost(lines, ['总体思路：坚持。一、加强党建一、加强党建'])).toThrow(/text the source does not/);
  });
});

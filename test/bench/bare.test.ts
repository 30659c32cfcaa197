import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporaryFolder } from '../temporary.ts';
import { describe, expect, it } from 'vitest';
import { barePages, writeBareProject } from '../../scripts/bench/bare.ts';
import type { Plan } from '../../src/model/plan.ts';

const item = (key: string, text: string) => ({
  key,
  url: `/shandong/taian/2024/${key}/`,
  anchor: `item-${key}`,
  label: `${key}.`,
  number: Number(key),
  title: null,
  heading: `${key}.${text.slice(0, 4)}`,
  text,
  line: 1,
});

const plan = {
  url: '/shandong/taian/2024/',
  title: '泰安市教育局2024年工作要点',
  preamble: '总体思路。\n第二段。',
  sections: [
    { key: '1', anchor: 'section-1', label: '一、', number: 1, title: '党建', heading: '一、党建', text: '', line: 2, sections: [], items: [item('1', '加强党的建设。\n细则。'), item('2', '推进县管校聘。')] },
  ],
} as unknown as Plan;

describe('barePages', () => {
  it('one page per plan and per item at the same paths, with the same text', () => {
    const pages = barePages([plan]);
    expect(pages.map((page) => page.path)).toEqual(['shandong/taian/2024', 'shandong/taian/2024/1', 'shandong/taian/2024/2']);
    expect(pages[0]!.paragraphs).toEqual(['总体思路。', '第二段。', '一、党建', '1.加强党的', '加强党的建设。', '细则。', '2.推进县管', '推进县管校聘。']);
    expect(pages[1]!.paragraphs).toEqual(['加强党的建设。', '细则。']);
  });

  it('writes a project that links the given node_modules', () => {
    const dir = temporaryFolder('bench-bare-');
    writeBareProject(dir, barePages([plan]), join(process.cwd(), 'node_modules'));
    expect(lstatSync(join(dir, 'node_modules')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'pages.json'), 'utf8'))).toHaveLength(3);
    expect(existsSync(join(dir, 'src', 'pages', '[...path].astro'))).toBe(true);
  });
});

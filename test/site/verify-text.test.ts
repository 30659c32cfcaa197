import { describe, expect, it } from 'vitest';
import { compareHan, pageHan, planHan } from '../../scripts/site/verify-text.ts';
import { item, plan, section } from './fixtures.ts';

const sample = plan({
  notice: '现将计划印发你们。',
  printedTitle: '泰安市教育局2024年工作要点',
  title: '泰安市教育局2024年工作要点',
  preamble: '总体思路。',
  sections: [section('1', '一、加强党建', [item('/shandong/taian/2024/', '1', '强化理论武装', '强化理论武装。学习贯彻。')])],
  closing: '泰安市教育局',
});

describe('planHan', () => {
  it('lists the title, the notice, then the plan and its closing, in reading order', () => {
    expect(planHan(sample)).toBe('泰安市教育局年工作要点现将计划印发你们总体思路一加强党建强化理论武装学习贯彻泰安市教育局');
  });
});

describe('pageHan', () => {
  const page = `<html lang="zh-CN"><body><nav>首页</nav>
    <h1 data-plan-text>泰安市教育局2024年工作要点</h1><dl><dt>标题</dt><dd>泰安市教育局2024年工作要点</dd></dl>
    <details><summary>印发通知</summary><div data-plan-text><p>现将计划印发你们。</p></div></details>
    <div data-plan-text><p>总体思路。</p><h2 id="section-1">一、加强党建 <a data-ui href="#section-1">¶</a></h2>
    <h3>1.强化理论武装。<a data-ui href="/x/">条目页</a></h3><p>学习<a href="/terms/x/">贯彻</a>。</p><hr><p>泰安市教育局</p></div>
    <footer>引用本计划</footer></body></html>`;

  it('reads only the marked text, skipping interface words inside it', () => {
    expect(pageHan(page)).toBe(planHan(sample));
  });

  it('reports where a page loses or reorders text', () => {
    const lossy = page.replace('<p>学习<a href="/terms/x/">贯彻</a>。</p>', '<p>学习。</p>');
    expect(compareHan(planHan(sample), pageHan(lossy) ?? '')).toEqual({ offset: 36, expected: '贯彻泰安市教育局', found: '泰安市教育局' });
  });

  it('reads the marked text when the marker is also named before it, in a stylesheet or a script', () => {
    const named = page.replace('<html lang="zh-CN"><body>', '<html lang="zh-CN"><head><style>[data-plan-text] { color: black }</style><script>const x = "<b data-plan-text>伪</b>";</script></head><body>');
    expect(pageHan(named)).toBe(planHan(sample));
  });

  it('tells a page that marks nothing', () => {
    expect(pageHan('<html><body><p>文字</p></body></html>')).toBeNull();
  });
});

import type { Root } from 'mdast';
import { remark } from 'remark';
import { describe, expect, it } from 'vitest';
import remarkHeadingIds, { splitHeadingId } from '../../src/markdown/remark-heading-ids.ts';

async function headings(markdown: string): Promise<{ text: string; id: unknown }[]> {
  const processor = remark().use(remarkHeadingIds);
  const tree = (await processor.run(processor.parse(markdown))) as Root;
  return tree.children.flatMap((node) =>
    node.type === 'heading'
      ? [{
          text: node.children.map((child) => ('value' in child ? child.value : '')).join(''),
          id: (node.data as { hProperties?: { id?: unknown } } | undefined)?.hProperties?.id,
        }]
      : [],
  );
}

describe('splitHeadingId', () => {
  it('takes a trailing {#id} and the text before it', () => {
    expect(splitHeadingId('1.巩固提升主题教育成果。 {#item-1}')).toEqual({ text: '1.巩固提升主题教育成果。', id: 'item-1' });
  });

  it('ignores ids that are not at the very end or not of the allowed form', () => {
    expect(splitHeadingId('{#item-1} 后面还有字')).toBeNull();
    expect(splitHeadingId('标题 {#Item-1}')).toBeNull();
    expect(splitHeadingId('标题 {#1-item}')).toBeNull();
    expect(splitHeadingId('标题 {#item_1}')).toBeNull();
    expect(splitHeadingId('标题 {#item-1} ')).toBeNull();
  });
});

describe('remarkHeadingIds', () => {
  it('moves the id to the heading and strips it from the text', async () => {
    expect(await headings('## 一、擎旗定向 {#section-1}\n\n### 1.巩固。 {#item-1}\n')).toEqual([
      { text: '一、擎旗定向', id: 'section-1' },
      { text: '1.巩固。', id: 'item-1' },
    ]);
  });

  it('keeps braces that are part of the plan text', async () => {
    expect(await headings('## 落实{#不是锚点}要求\n')).toEqual([{ text: '落实{#不是锚点}要求', id: undefined }]);
  });

  it('handles a heading that is only its label', async () => {
    expect(await headings('### 一是 {#item-2-1}\n')).toEqual([{ text: '一是', id: 'item-2-1' }]);
  });

  it('reads the id after escaped markup characters, leaving them as text', async () => {
    expect(await headings('### 1.\\<b>加粗\\</b>与\\*星号\\* {#item-9}\n')).toEqual([{ text: '1.<b>加粗</b>与*星号*', id: 'item-9' }]);
  });
});

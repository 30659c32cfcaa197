/**
 * Search within one plan, on its page: the items whose heading or text holds what
 * was typed, listed with how often, each a link to the item on the page, and every
 * occurrence highlighted. The plan's text is already on the page, so nothing is
 * fetched; highlights are drawn with the CSS Custom Highlight API, which changes no
 * node of the text. Without JavaScript the form searches the whole atlas.
 */
interface ItemBlock {
  id: string;
  name: string;
  nodes: Text[];
}

/** The plan body cut at its item headings (h2–h6 with id item-…), each with its text nodes. */
function itemBlocks(body: HTMLElement): ItemBlock[] {
  const blocks: ItemBlock[] = [];
  let current: ItemBlock | null = null;
  for (const element of body.children) {
    if (/^H[2-6]$/u.test(element.tagName)) {
      current = element.id.startsWith('item-') ? { id: element.id, name: headingText(element), nodes: [] } : null;
      if (current) blocks.push(current);
    }
    if (!current) continue;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      // Permalinks and the item page link are the page's, not the plan's words.
      acceptNode: (node) => (node.parentElement?.closest('[data-ui]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) current.nodes.push(node as Text);
  }
  return blocks;
}

function headingText(heading: Element): string {
  const copy = heading.cloneNode(true) as Element;
  for (const ui of copy.querySelectorAll('[data-ui]')) ui.remove();
  return (copy.textContent ?? '').trim();
}

export function startPlanFind(): void {
  const form = document.querySelector<HTMLFormElement>('[data-plan-find]');
  const body = document.querySelector<HTMLElement>('.plan-body');
  if (!form || !body) return;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = document.querySelector<HTMLElement>('[data-plan-find-status]')!;
  const list = document.querySelector<HTMLOListElement>('[data-plan-find-results]')!;
  const blocks = itemBlocks(body);
  const highlights = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;

  const find = (query: string): void => {
    const needle = query.trim();
    list.replaceChildren();
    highlights?.delete('plan-find');
    if (needle === '') {
      status.textContent = '';
      return;
    }
    const ranges: Range[] = [];
    let total = 0;
    for (const block of blocks) {
      let count = 0;
      for (const node of block.nodes) {
        const text = node.data;
        for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          ranges.push(range);
          count += 1;
        }
      }
      if (count === 0) continue;
      total += count;
      const entry = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#${block.id}`;
      link.textContent = block.name;
      entry.append(link, `（${count} 处）`);
      list.append(entry);
    }
    status.textContent = total === 0 ? `本计划中没有“${needle}”。` : `本计划中 ${list.children.length} 条包含“${needle}”，共 ${total} 处：`;
    if (highlights && ranges.length > 0) highlights.set('plan-find', new Highlight(...ranges));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    find(input.value);
  });
}

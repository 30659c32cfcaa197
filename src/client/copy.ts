/**
 * Copy buttons: the one piece of JavaScript on reading pages besides search.
 */
import { withAccessDate } from '../site/cite.ts';

function today(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function copy(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Older browsers and non-secure origins (file://, plain http) have no async clipboard.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

export function startCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
    if (button.dataset['ready'] !== undefined) continue;
    button.dataset['ready'] = '';
    button.hidden = false;
    button.addEventListener('click', async () => {
      const source = document.getElementById(button.dataset['copyTarget'] ?? '');
      const status = button.nextElementSibling;
      if (!source) return;
      const raw = (source.textContent ?? '').trim();
      const text = button.dataset['fillDate'] !== undefined ? withAccessDate(raw, today()) : raw;
      try {
        await copy(text);
        if (status) status.textContent = '已复制';
      } catch {
        if (status) status.textContent = '复制失败，请手动选择文字复制';
      }
    });
  }
}

/**
 * The compare page in the browser (src/pages/compare/index.astro): the choice of
 * two or three plans, kept in the URL (?a=…&b=…&c=…), and their comparison drawn from their
 * plan.json and topics.json by src/model/compare.ts.
 */
import { isYearOnYear, yearOnYear, type ComparedItem } from '../model/compare.ts';
import { untitledItemName } from '../model/item-name.ts';
import { itemsOf } from '../model/items.ts';

interface PlanChoice {
  id: string;
  url: string;
  title: string;
  region: string;
  regionCode: string;
  year: number;
  kind: string;
}

interface ChoiceList {
  plans: PlanChoice[];
  topics: Array<{ slug: string; name: string }>;
}

interface ModelItem {
  key: string;
  url: string;
  label: string;
  title: string | null;
  text: string;
}

interface ModelSection {
  items: ModelItem[];
  sections: ModelSection[];
}

interface LoadedPlan {
  choice: PlanChoice;
  items: Array<ComparedItem & { topics: string[] }>;
}

const nameOf = (item: ModelItem): string => (item.title ? `${item.label}${item.title}` : untitledItemName(item));

function element<T extends HTMLElement>(tag: string, text?: string, className?: string): T {
  const node = document.createElement(tag) as T;
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function link(url: string, text: string): HTMLAnchorElement {
  const anchor = element<HTMLAnchorElement>('a', text);
  anchor.href = url;
  return anchor;
}

const planLabel = (plan: PlanChoice): string => `${plan.region} ${plan.year}年${plan.kind}`;

export function startCompare(): void {
  const root = document.querySelector<HTMLElement>('[data-compare]');
  if (!root) return;
  const base = root.dataset['base'] ?? '/';
  const form = root.querySelector<HTMLFormElement>('[data-compare-form]')!;
  const selects = [...root.querySelectorAll<HTMLSelectElement>('[data-compare-choice]')];
  const names = ['a', 'b', 'c'];
  const status = root.querySelector<HTMLElement>('[data-compare-status]')!;
  const result = root.querySelector<HTMLElement>('[data-compare-result]')!;
  const at = (url: string): string => `${base}${url.replace(/^\//u, '')}`;

  const choices = fetch(at('/compare/plans.json')).then((response) => response.json() as Promise<ChoiceList>);

  const load = async (choice: PlanChoice): Promise<LoadedPlan> => {
    const [model, topics] = await Promise.all([
      fetch(at(`${choice.url}plan.json`)).then((response) => response.json() as Promise<{ sections: ModelSection[] }>),
      fetch(at(`${choice.url}topics.json`)).then((response) => response.json() as Promise<Record<string, string[]>>),
    ]);
    return { choice, items: [...itemsOf<ModelItem>(model.sections)].map((item) => ({ key: item.key, url: item.url, name: nameOf(item), text: item.text, topics: topics[item.key] ?? [] })) };
  };

  const itemList = (items: ReadonlyArray<{ url: string; name: string }>): HTMLUListElement => {
    const list = element<HTMLUListElement>('ul');
    for (const item of items) {
      const entry = element('li');
      entry.append(link(at(item.url), item.name));
      list.append(entry);
    }
    return list;
  };

  const byTopic = (plans: readonly LoadedPlan[], topics: ChoiceList['topics']): HTMLElement => {
    const section = element('section');
    section.append(element('h2', '按主题并列'));
    const rows = [...topics, { slug: '', name: '未归入主题' }];
    for (const topic of rows) {
      const columns = plans.map((plan) => plan.items.filter((item) => (topic.slug === '' ? item.topics.length === 0 : item.topics.includes(topic.slug))));
      if (columns.every((column) => column.length === 0)) continue;
      const block = element('section', undefined, 'compare-topic');
      block.append(element('h3', `${topic.name}（${columns.map((column) => `${column.length} 条`).join(' / ')}）`));
      const grid = element('div', undefined, 'compare-columns');
      columns.forEach((column, index) => {
        const cell = element('div');
        cell.append(element('h4', planLabel(plans[index]!.choice)));
        cell.append(column.length > 0 ? itemList(column) : element('p', '无', 'muted'));
        grid.append(cell);
      });
      block.append(grid);
      section.append(block);
    }
    return section;
  };

  const changes = (earlier: LoadedPlan, later: LoadedPlan): HTMLElement => {
    const { later: continued, dropped } = yearOnYear(earlier.items, later.items);
    const added = continued.filter((entry) => entry.earlier === null);
    const kept = continued.filter((entry) => entry.earlier !== null);
    const section = element('section', undefined, 'compare-changes');
    section.append(element('h2', `${later.choice.year}年与${earlier.choice.year}年对照`));
    section.append(element('p', `按文字相似度逐条对照：${later.choice.year}年 ${later.items.length} 条中，新增 ${added.length} 条，延续 ${kept.length} 条；${earlier.choice.year}年有 ${dropped.length} 条不再出现。`, 'muted'));
    section.append(element('h3', `新增（${added.length}）`), itemList(added.map((entry) => entry.item)));
    section.append(element('h3', `延续（${kept.length}）`));
    const list = element<HTMLUListElement>('ul');
    for (const entry of kept) {
      const row = element('li');
      const match = element('span', `延续${earlier.choice.year}年：`, 'compare-match');
      match.append(link(at(entry.earlier!.url), entry.earlier!.name), `（相似度 ${entry.similarity.toFixed(2)}）`);
      row.append(link(at(entry.item.url), entry.item.name), match);
      list.append(row);
    }
    section.append(list);
    section.append(element('h3', `不再出现（${dropped.length}）`), itemList(dropped));
    return section;
  };

  const show = async (): Promise<void> => {
    const params = new URLSearchParams(location.search);
    const asked = names.map((name) => params.get(name) ?? '');
    const list = await choices;
    const byId = new Map(list.plans.map((plan) => [plan.id, plan]));
    selects.forEach((select, index) => {
      select.value = asked[index] ?? '';
    });
    result.replaceChildren();
    const wanted = asked.filter((id) => id !== '');
    const chosen = wanted.map((id) => byId.get(id));
    if (wanted.length < 2 || chosen.some((plan) => plan === undefined)) {
      status.textContent = chosen.some((plan) => plan === undefined) ? '所选计划不在本库中，请重新选择。' : '请选择两份计划。';
      return;
    }
    result.style.setProperty('--compared', String(chosen.length));
    status.textContent = '正在读取所选计划…';
    const plans = await Promise.all((chosen as PlanChoice[]).map(load));
    const heads = element('div', undefined, 'compare-heads');
    for (const plan of plans) {
      const head = element('div');
      head.append(link(at(plan.choice.url), plan.choice.title), element('p', `${planLabel(plan.choice)} · ${plan.items.length} 条`, 'muted'));
      heads.append(head);
    }
    result.append(heads, byTopic(plans, list.topics));
    const [a, b] = plans as [LoadedPlan, LoadedPlan];
    // Item by item only for two plans of one region a year apart.
    if (plans.length === 2 && isYearOnYear({ region: a.choice.regionCode, year: a.choice.year }, { region: b.choice.regionCode, year: b.choice.year })) {
      result.append(a.choice.year < b.choice.year ? changes(a, b) : changes(b, a));
    }
    status.textContent = `比较：${plans.map((plan) => planLabel(plan.choice)).join(' 与 ')}`;
  };

  void choices.then((list) => {
    for (const select of selects) {
      for (const plan of [...list.plans].sort((x, y) => x.region.localeCompare(y.region, 'zh-CN') || y.year - x.year)) {
        const option = element<HTMLOptionElement>('option', `${planLabel(plan)}：${plan.title}`);
        option.value = plan.id;
        select.append(option);
      }
    }
    void show();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams(selects.flatMap((select, index) => (select.value === '' ? [] : [[names[index]!, select.value]])));
    history.pushState(null, '', `${location.pathname}?${params.toString()}`);
    void show();
  });
  window.addEventListener('popstate', () => void show());
}

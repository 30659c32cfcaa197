/**
 * Filters the rows of a table by the choices of a form beside it: each row names,
 * in data-province, data-year and data-topic, the values it has (separated by
 * spaces); a row is shown when it has every value chosen. The choices are kept in
 * the page's address (?province=…&year=…&topic=…), so a filtered view can be linked.
 */
const keys = ['province', 'year', 'topic'] as const;

export function rowMatches(row: Partial<Record<(typeof keys)[number], string | undefined>>, chosen: Partial<Record<(typeof keys)[number], string>>): boolean {
  return keys.every((key) => !chosen[key] || (row[key] ?? '').split(' ').includes(chosen[key]!));
}

export function startRowFilters(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-row-filter]')) {
    const table = document.getElementById(form.dataset.rowFilter ?? '');
    const status = form.querySelector<HTMLElement>('[data-row-count]');
    if (!table) continue;
    const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    const apply = (): void => {
      const chosen = Object.fromEntries(keys.map((key) => [key, (form.elements.namedItem(key) as HTMLSelectElement | null)?.value ?? '']));
      let shown = 0;
      for (const row of rows) {
        const visible = rowMatches({ province: row.dataset.province, year: row.dataset.year, topic: row.dataset.topic }, chosen);
        row.hidden = !visible;
        if (visible) shown += 1;
      }
      if (status) status.textContent = `显示 ${shown} / ${rows.length} 行`;
      const address = new URL(window.location.href);
      for (const key of keys) {
        if (chosen[key]) address.searchParams.set(key, chosen[key]);
        else address.searchParams.delete(key);
      }
      window.history.replaceState(null, '', address);
    };
    const given = new URL(window.location.href).searchParams;
    for (const key of keys) {
      const select = form.elements.namedItem(key) as HTMLSelectElement | null;
      const value = given.get(key);
      if (select && value && [...select.options].some((option) => option.value === value)) select.value = value;
    }
    form.addEventListener('change', apply);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      apply();
    });
    form.hidden = false;
    apply();
  }
}

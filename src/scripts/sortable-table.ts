/**
 * Progressive enhancement for the reports table: click a column header to sort, type to filter.
 * Without JavaScript the table is a plain, complete table.
 */
const collator = new Intl.Collator('zh-CN', { numeric: true });

function cellValue(row: HTMLTableRowElement, column: number): string {
  const cell = row.cells[column];
  return cell?.dataset.value ?? cell?.textContent?.trim() ?? '';
}

export function enhanceTable(root: Document): void {
  const table = root.querySelector<HTMLTableElement>('table[data-sortable]');
  const body = table?.tBodies[0];
  if (!table || !body) return;
  const rows = [...body.rows];

  table.querySelectorAll<HTMLTableCellElement>('th[data-sort]').forEach((th) => {
    const column = th.cellIndex;
    const numeric = th.dataset.sort === 'number';
    const button = root.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = th.textContent ?? '';
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th[aria-sort]').forEach((other) => other.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const sorted = [...rows].sort((a, b) => {
        const [x, y] = [cellValue(a, column), cellValue(b, column)];
        const order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
        return ascending ? order : -order;
      });
      body.append(...sorted);
    });
  });

  const tools = root.querySelector<HTMLElement>('[data-table-tools]');
  const filter = root.querySelector<HTMLInputElement>('[data-table-filter]');
  const count = root.querySelector<HTMLElement>('[data-table-count]');
  if (!tools || !filter || !count) return;
  tools.hidden = false;
  filter.addEventListener('input', () => {
    const needle = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const match = needle === '' || (row.textContent ?? '').toLowerCase().includes(needle);
      row.hidden = !match;
      if (match) shown++;
    }
    count.textContent = needle ? `显示 ${shown} / ${rows.length} 篇` : '';
  });
}

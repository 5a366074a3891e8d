export interface RowView {
  /** Column index to sort by, or null for the run's order. */
  sortColumn: number | null;
  descending: boolean;
  /** Keeps rows where any cell's text contains this (case-insensitive). */
  filter: string;
}

/** A cell as the table shows it and the filter searches it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function compare(a: unknown, b: unknown): number {
  // NULLs last, numbers as numbers, everything else as text.
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'bigint' || typeof b === 'bigint') return Number(a) - Number(b);
  return cellText(a).localeCompare(cellText(b), undefined, { numeric: true });
}

/** The preview's rows filtered and sorted as the panel asks; the run's order when unsorted. */
export function viewRows(rows: readonly unknown[][], view: RowView): readonly unknown[][] {
  const needle = view.filter.trim().toLowerCase();
  let out = needle === '' ? rows : rows.filter((row) => row.some((cell) => cellText(cell).toLowerCase().includes(needle)));
  if (view.sortColumn !== null) {
    const col = view.sortColumn;
    const sign = view.descending ? -1 : 1;
    out = [...out].sort((a, b) => sign * compare(a[col], b[col]));
  }
  return out;
}

/** DuckDB types a histogram makes sense for. */
export function isNumericType(type: string): boolean {
  return /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL.*|INT\d*)$/i.test(type.trim());
}

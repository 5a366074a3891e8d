import { useMemo, useState } from 'react';
import { cellText, viewRows } from './preview-rows';
import { useWindow } from './useWindow';

const rowHeight = 24;
const columnWidth = 150;

interface Props {
  columns: { name: string; type: string }[];
  rows: unknown[][];
  filter: string;
}

/** The preview's rows, windowed; a header click sorts by that column (again: descending, a third time: run order). */
export function PreviewTable({ columns, rows, filter }: Props) {
  const [sort, setSort] = useState<{ column: number | null; descending: boolean }>({ column: null, descending: false });
  const shown = useMemo(() => viewRows(rows, { sortColumn: sort.column, descending: sort.descending, filter }), [rows, sort, filter]);
  const win = useWindow(shown.length, rowHeight);
  // Fixed widths: each row is its own grid, so only fixed tracks line up with the header.
  const template = `48px repeat(${columns.length}, ${columnWidth}px)`;
  const cycle = (i: number) =>
    setSort((s) => (s.column !== i ? { column: i, descending: false } : s.descending ? { column: null, descending: false } : { column: i, descending: true }));
  return (
    <div className="pw-table" ref={win.ref} onScroll={win.onScroll} data-testid="preview-table" role="table" aria-rowcount={shown.length}>
      <div className="pw-table__head" style={{ gridTemplateColumns: template }} role="row">
        <span className="pw-table__index">#</span>
        {columns.map((c, i) => (
          <button key={c.name} type="button" role="columnheader" className="pw-table__column" data-testid={`preview-column-${c.name}`} title={`Sort by ${c.name}`} onClick={() => cycle(i)}>
            <span className="pw-table__name">{c.name}</span>
            <span className="pw-table__type">{c.type}</span>
            {sort.column === i && <span aria-label={sort.descending ? 'sorted descending' : 'sorted ascending'}>{sort.descending ? '▼' : '▲'}</span>}
          </button>
        ))}
      </div>
      <div style={{ height: win.totalHeight, position: 'relative' }}>
        <div style={{ transform: `translateY(${win.offset}px)` }}>
          {shown.slice(win.start, win.end).map((row, i) => (
            <div key={win.start + i} className="pw-table__row" style={{ gridTemplateColumns: template, height: rowHeight }} role="row" data-testid="preview-row">
              <span className="pw-table__index">{win.start + i + 1}</span>
              {columns.map((c, j) => (
                <span key={c.name} className="pw-table__cell" data-null={row[j] === null || undefined} title={cellText(row[j])}>
                  {cellText(row[j])}
                </span>
              ))}
            </div>
          ))}
        </div>
      </div>
      {shown.length === 0 && <p className="pw-logs__hint">{rows.length === 0 ? 'No rows.' : 'No row matches the filter.'}</p>}
    </div>
  );
}

import { useEffect, useId, useRef, useState, type ClipboardEvent } from 'react';
import { useDraft } from '../useDraft';
import { DataList } from './DataList';
import type { FieldProps } from './field-props';
import { asInlineTable, cellText, cellValue, commonTypes, freeName, pastedCells, pasteInto, tableFromPaste, type InlineTable } from './inline-table';
import { JsonFallback } from './JsonFallback';
import './structured-fields.css';

/** Text with a tab or a line break: cells copied from a spreadsheet or a CSV file, not one value. */
const pastedGrid = (e: ClipboardEvent) => {
  const text = e.clipboardData.getData('text/plain');
  return /[\t\n]/.test(text.trimEnd()) ? pastedCells(text) : null;
};

/**
 * An inline table typed by hand: a grid of typed columns and rows. Cells
 * copied from a spreadsheet paste in place (rows and columns added as
 * needed); into an empty table, their first line names the columns.
 */
export function InlineTableField(props: FieldProps) {
  const { testId, value, onChange, label } = props;
  const table = asInlineTable(value);
  const [asJson, setAsJson] = useState(false);
  const typeList = useId();
  const grid = useRef<HTMLDivElement>(null);
  // Enter moves down a column, as in a spreadsheet; below the last row it adds one, focused once drawn.
  const [focusCell, setFocusCell] = useState<string | null>(null);
  useEffect(() => {
    if (focusCell === null) return;
    grid.current?.querySelector<HTMLInputElement>(`[data-cell="${focusCell}"]`)?.focus();
    setFocusCell(null);
  }, [focusCell]);
  if (asJson || table === null) return <JsonFallback {...props} shape="a table of columns and rows" backToForm={table !== null ? () => setAsJson(false) : undefined} />;
  const change = (next: InlineTable) => onChange(next.columns.length === 0 && next.rows.length === 0 ? undefined : next);
  const { columns, rows } = table;
  const setColumn = (j: number, patch: Partial<InlineTable['columns'][number]>) => change({ columns: columns.with(j, { ...columns[j], ...patch }), rows });
  const addColumn = () => change({ columns: [...columns, { name: freeName(columns, columns.length + 1), type: 'VARCHAR' }], rows: rows.map((r) => [...r, null]) });
  const removeColumn = (j: number) => change({ columns: columns.filter((_, k) => k !== j), rows: rows.map((r) => r.filter((_, k) => k !== j)) });
  const setCell = (i: number, j: number, cell: unknown) => change({ columns, rows: rows.with(i, rows[i].with(j, cell)) });
  const down = (i: number, j: number) => {
    if (i + 1 === rows.length) change({ columns, rows: [...rows, columns.map(() => null)] });
    setFocusCell(`${i + 1}:${j}`);
  };
  const paste = (i: number, j: number) => (e: ClipboardEvent) => {
    const cells = pastedGrid(e);
    if (!cells) return;
    e.preventDefault();
    change(pasteInto(table, i, j, cells));
  };
  return (
    <div className="pw-records" role="group" aria-label={label}>
      <DataList id={typeList} values={commonTypes} />
      {columns.length === 0 ? (
        <FirstLine testId={`${testId}-paste`} label={label} onTable={change} />
      ) : (
        <div className="pw-grid-wrap" ref={grid}>
          <table className="pw-grid">
            <thead>
              <tr>
                <th className="pw-grid__n" />
                {columns.map((c, j) => (
                  <th key={j}>
                    <div className="pw-grid__head">
                      <input className="pw-input pw-input--mono" data-testid={`${testId}-column-${j}-name`} aria-label={`Column ${j + 1} name`} value={c.name} spellCheck={false} onChange={(e) => setColumn(j, { name: e.target.value })} />
                      <button type="button" className="pw-icon-button" tabIndex={-1} aria-label={`Remove column ${c.name}`} data-testid={`${testId}-column-${j}-remove`} onClick={() => removeColumn(j)}>
                        ×
                      </button>
                    </div>
                    <input className="pw-input pw-input--mono pw-grid__type" data-testid={`${testId}-column-${j}-type`} aria-label={`Column ${j + 1} type`} list={typeList} value={c.type} spellCheck={false} onChange={(e) => setColumn(j, { type: e.target.value.toUpperCase() })} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  <td className="pw-grid__n">
                    <button type="button" className="pw-icon-button" tabIndex={-1} aria-label={`Remove row ${i + 1}`} data-testid={`${testId}-row-${i}-remove`} onClick={() => change({ columns, rows: rows.filter((_, k) => k !== i) })}>
                      ×
                    </button>
                  </td>
                  {columns.map((c, j) => (
                    <td key={j}>
                      <Cell testId={`${testId}-cell-${i}-${j}`} at={`${i}:${j}`} onEnter={() => down(i, j)} label={`${c.name}, row ${i + 1}`} value={row[j] ?? null} parse={(text) => cellValue(text, c.type)} onChange={(cell) => setCell(i, j, cell)} onPaste={paste(i, j)} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="pw-records__actions">
        <span>
          <button type="button" className="pw-link-button" data-testid={`${testId}-add-row`} disabled={columns.length === 0} onClick={() => change({ columns, rows: [...rows, columns.map(() => null)] })}>
            + Row
          </button>{' '}
          <button type="button" className="pw-link-button" data-testid={`${testId}-add-column`} onClick={addColumn}>
            + Column
          </button>
        </span>
        <button type="button" className="pw-link-button" data-testid={`${testId}-as-json`} onClick={() => setAsJson(true)}>
          Edit as JSON
        </button>
      </div>
    </div>
  );
}

/** One cell: the text as typed ("1.0" on the way to "1.05"), the file gets what it stands for. Empty is NULL. */
interface CellProps {
  testId: string;
  /** row:column, for focusing it. */
  at: string;
  onEnter(): void;
  label: string;
  value: unknown;
  parse(text: string): unknown;
  onChange(value: unknown): void;
  onPaste(e: ClipboardEvent): void;
}

function Cell({ testId, at, onEnter, label, value, parse, onChange, onPaste }: CellProps) {
  const [draft, setDraft] = useDraft(value, cellText);
  return (
    <input
      className="pw-input pw-input--mono pw-grid__cell"
      data-testid={testId}
      data-cell={at}
      aria-label={label}
      value={draft}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        e.preventDefault();
        onEnter();
      }}
      placeholder="NULL"
      spellCheck={false}
      onPaste={onPaste}
      onChange={(e) => {
        const cell = parse(e.target.value);
        setDraft(e.target.value, { value: cell });
        onChange(cell);
      }}
    />
  );
}

/**
 * An empty table's one line: cells pasted from a spreadsheet or CSV (header
 * first), or column names typed comma-separated and Enter.
 */
function FirstLine({ testId, label, onTable }: { testId: string; label: string; onTable(table: InlineTable): void }) {
  const [text, setText] = useState('');
  return (
    <input
      className="pw-input"
      data-testid={testId}
      aria-label={`${label}: column names or pasted cells`}
      placeholder="Paste cells, header first, or type column names, Enter"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || text.trim() === '') return;
        e.preventDefault();
        onTable(tableFromPaste(pastedCells(text)));
      }}
      onPaste={(e) => {
        const cells = pastedGrid(e);
        if (!cells) return;
        e.preventDefault();
        onTable(tableFromPaste(cells));
      }}
    />
  );
}

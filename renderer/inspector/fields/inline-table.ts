import { numberText } from './record-values';

/** An inline table as the file keeps it: typed columns and rows of values (source.inline's `table` param). */
export interface InlineTable {
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

/** The types the grid offers for a column; any other DuckDB type can be typed in. */
export const commonTypes = ['VARCHAR', 'INTEGER', 'BIGINT', 'DOUBLE', 'DECIMAL(10,2)', 'BOOLEAN', 'DATE', 'TIMESTAMP'];

export function asInlineTable(value: unknown): InlineTable | null {
  if (value === undefined) return { columns: [], rows: [] };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { columns, rows } = value as Partial<InlineTable>;
  const columnsOk = Array.isArray(columns) && columns.every((c) => c && typeof c === 'object' && typeof c.name === 'string' && typeof c.type === 'string');
  const rowsOk = rows === undefined || (Array.isArray(rows) && rows.every(Array.isArray));
  return columnsOk && rowsOk ? { columns, rows: rows ?? [] } : null;
}

const numeric = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC)\b/i;

/**
 * What a typed cell stands for in a column of `type`: empty is NULL; a number
 * in a numeric column and true/false in a BOOLEAN one keep their JSON type
 * (a readable, diffable file); anything else is text, which DuckDB casts.
 */
export function cellValue(text: string, type: string): unknown {
  if (text === '') return null;
  if (numeric.test(type) && numberText.test(text.trim())) return Number(text.trim());
  if (/^BOOL(EAN)?$/i.test(type) && /^(true|false)$/i.test(text.trim())) return text.trim().toLowerCase() === 'true';
  return text;
}

/** A cell's value as the text its input shows; NULL is empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Cells of pasted text: tab-separated lines as a spreadsheet copies them, or,
 * with no tab in it, CSV lines as a text editor copies them (commas, quoted
 * fields with commas, doubled quotes and line breaks). A last empty line is dropped.
 */
export function pastedCells(text: string): string[][] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const rows = !normalised.includes('\t') && normalised.includes(',') ? csvCells(normalised) : normalised.split('\n').map((line) => line.split('\t'));
  if (rows.length > 0 && rows.at(-1)!.length === 1 && rows.at(-1)![0] === '') rows.pop();
  return rows;
}

function csvCells(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') cell += text[++i];
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      rows.at(-1)!.push(cell);
      cell = '';
    } else if (ch === '\n') {
      rows.at(-1)!.push(cell);
      cell = '';
      rows.push([]);
    } else cell += ch;
  }
  rows.at(-1)!.push(cell);
  return rows;
}

/**
 * The table with `cells` written from row `row`, column `column` on: rows are
 * added as needed, and columns too (VARCHAR, named column_<n>).
 */
export function pasteInto(table: InlineTable, row: number, column: number, cells: string[][]): InlineTable {
  const width = Math.max(table.columns.length, column + Math.max(...cells.map((c) => c.length)));
  const columns = [...table.columns];
  for (let c = columns.length; c < width; c++) columns.push({ name: freeName(columns, c + 1), type: 'VARCHAR' });
  const rows = table.rows.map((r) => [...r, ...Array<null>(width - r.length).fill(null)]);
  cells.forEach((line, i) => {
    const r = row + i;
    while (rows.length <= r) rows.push(Array<null>(width).fill(null));
    line.forEach((text, j) => (rows[r][column + j] = cellValue(text, columns[column + j].type)));
  });
  return { columns, rows };
}

/** A column name not taken yet: column_<n>, counting up. */
export function freeName(columns: readonly { name: string }[], n: number): string {
  const taken = new Set(columns.map((c) => c.name.toLowerCase()));
  while (taken.has(`column_${n}`)) n++;
  return `column_${n}`;
}

/**
 * A new table from pasted cells whose first line names the columns; each
 * column typed by what its cells hold: BIGINT when all are whole numbers,
 * DOUBLE when all are numbers, BOOLEAN for true/false, else VARCHAR.
 */
export function tableFromPaste(cells: string[][]): InlineTable {
  const [header = [], ...lines] = cells;
  const columns = header.map((name, j) => {
    const texts = lines.map((l) => (l[j] ?? '').trim()).filter((t) => t !== '');
    const type =
      texts.length === 0 ? 'VARCHAR'
      : texts.every((t) => /^-?(0|[1-9]\d*)$/.test(t)) ? 'BIGINT'
      : texts.every((t) => numberText.test(t)) ? 'DOUBLE'
      : texts.every((t) => /^(true|false)$/i.test(t)) ? 'BOOLEAN'
      : 'VARCHAR';
    return { name: name.trim() || `column_${j + 1}`, type };
  });
  return pasteInto({ columns, rows: [] }, 0, 0, lines);
}

import { describe, expect, it } from 'vitest';
import { inlineNode } from '../../../node-library/nodes/source/inline.node';
import { asInlineTable, cellText, cellValue, pastedCells, pasteInto, tableFromPaste } from '../../../renderer/inspector/fields/inline-table';
import { sourceHarness } from '../nodes/sources/harness';

const h = sourceHarness();

describe('the inline table grid', () => {
  it('keeps numbers and booleans typed in their columns, text as text, empty as NULL', () => {
    expect(cellValue('12', 'INTEGER')).toBe(12);
    expect(cellValue('1.50', 'DECIMAL(10,2)')).toBe(1.5);
    expect(cellValue('12', 'VARCHAR')).toBe('12');
    expect(cellValue('007', 'INTEGER')).toBe('007'); // left for DuckDB's cast to judge
    expect(cellValue('TRUE', 'BOOLEAN')).toBe(true);
    expect(cellValue('2024-01-31', 'DATE')).toBe('2024-01-31');
    expect(cellValue('', 'VARCHAR')).toBeNull();
    expect(cellText(null)).toBe('');
    expect(cellText(['a', 'b'])).toBe('["a","b"]');
  });

  it('pastes spreadsheet cells in place, adding rows and columns as needed', () => {
    const table = { columns: [{ name: 'code', type: 'VARCHAR' }, { name: 'rate', type: 'DOUBLE' }], rows: [['GB', 1]] };
    expect(pasteInto(table, 0, 1, pastedCells('2.5\r\n3\textra\r\n'))).toEqual({
      columns: [...table.columns, { name: 'column_3', type: 'VARCHAR' }],
      rows: [
        ['GB', 2.5, null],
        [null, 3, 'extra'],
      ],
    });
  });

  it('reads pasted CSV lines too: commas, quoted commas, doubled quotes and line breaks', () => {
    expect(pastedCells('code,name\r\nGB,"Great Britain, and ""NI"""\nXX,"two\nlines"\n')).toEqual([
      ['code', 'name'],
      ['GB', 'Great Britain, and "NI"'],
      ['XX', 'two\nlines'],
    ]);
    // Tabs win: a spreadsheet's cells may hold commas.
    expect(pastedCells('a,b\tc\n')).toEqual([['a,b', 'c']]);
  });

  it('makes a table of a paste with its header into an empty one, typing columns by their cells', () => {
    expect(tableFromPaste(pastedCells('code\trate\tcount\tactive\tsince\nGB\t1.25\t3\ttrue\t2020-01-01\nUS\t\t-4\tFALSE\t\n'))).toEqual({
      columns: [
        { name: 'code', type: 'VARCHAR' },
        { name: 'rate', type: 'DOUBLE' },
        { name: 'count', type: 'BIGINT' },
        { name: 'active', type: 'BOOLEAN' },
        { name: 'since', type: 'VARCHAR' },
      ],
      rows: [
        ['GB', 1.25, 3, true, '2020-01-01'],
        ['US', null, -4, false, null],
      ],
    });
  });

  it('edits as JSON what is not columns and rows', () => {
    expect(asInlineTable(undefined)).toEqual({ columns: [], rows: [] });
    expect(asInlineTable({ columns: [{ name: 'a', type: 'INTEGER' }] })).toEqual({ columns: [{ name: 'a', type: 'INTEGER' }], rows: [] });
    expect(asInlineTable([1])).toBeNull();
    expect(asInlineTable({ columns: 'a' })).toBeNull();
  });

  it('makes what the inline table node reads: a pasted table runs on DuckDB as typed', async () => {
    const table = tableFromPaste(pastedCells('code\trate\tcount\nGB\t1.25\t3\nUS\t\t-4\n'));
    const { out } = await h.run(inlineNode, { table });
    expect(await h.rows(out)).toEqual({
      columns: ['code:VARCHAR', 'rate:DOUBLE', 'count:BIGINT'],
      rows: [
        ['GB', 1.25, 3],
        ['US', null, -4],
      ],
    });
  });
});

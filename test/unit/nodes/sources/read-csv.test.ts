import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rowsWhere, type TableValue } from '../../../../node-library/data/table';
import { csvBufferSize, readCsvNode } from '../../../../node-library/nodes/source/read-csv.node';
import { ordersCsv, writeTempFile } from '../../helpers';
import { csvFixtures, sourceHarness } from './harness';

const h = sourceHarness();
const fixture = (name: string) => path.join(csvFixtures, name);

describe('source.read_csv', () => {
  it('reads a CSV relative to the pipeline folder, sniffing types once: the query it returns pins them', async () => {
    const file = await writeTempFile(h.dir, 'orders.csv', ordersCsv);
    const { out } = await h.run(readCsvNode, { path: 'orders.csv' });
    expect((out as { sql: string }).sql).toBe(
      `SELECT * FROM read_csv('${file}', header = true, delim = ',', quote = '"', escape = '"', encoding = 'utf-8', skip = 0, nullstr = '', allow_quoted_nulls = false, ` +
        `auto_detect = false, new_line = '\\n', columns = {'id': 'BIGINT', 'customer': 'VARCHAR', 'amount': 'DOUBLE'})`,
    );
    expect(await h.rows(out)).toEqual({
      columns: ['id:BIGINT', 'customer:VARCHAR', 'amount:DOUBLE'],
      rows: [[1, 'Ada', 250], [2, 'Grace', 75.5], [3, 'Alan', 1200], [4, 'Edsger', 100]],
    });
    expect(h.logs.map((l) => l.message)).toEqual(['read 4 rows from orders.csv']);
  });

  it('counts, in its one pass over the file, the rows each filter reading it keeps; a condition DuckDB refuses is left to its filter', async () => {
    await writeTempFile(h.dir, 'orders.csv', ordersCsv);
    const [big, none, broken] = ['(amount > 100\n)', '(amount < 0\n)', '(no_such_column > 1\n)'];
    const { out } = await h.run(readCsvNode, { path: 'orders.csv' }, {}, { readerConditions: [big, none] });
    expect([big, none].map((c) => h.data.knownCount(rowsWhere(out as TableValue, c)))).toEqual([2, 0]);
    const again = await h.run(readCsvNode, { path: 'orders.csv' }, {}, { readerConditions: [broken] });
    expect(h.data.knownCount(again.out as TableValue)).toBe(4);
    expect(h.data.knownCount(rowsWhere(again.out as TableValue, broken))).toBeUndefined();
  });

  it('honours the delimiter and a header-less file', async () => {
    await writeTempFile(h.dir, 'semi.csv', '1;x\n2;y\n');
    const { out } = await h.run(readCsvNode, { path: 'semi.csv', delimiter: ';', header: false });
    expect(await h.rows(out)).toEqual({ columns: ['column0:BIGINT', 'column1:VARCHAR'], rows: [[1, 'x'], [2, 'y']] });
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', async () => {
    const { out } = await h.run(readCsvNode, { path: fixture('quoted.csv') });
    expect((await h.rows(out)).rows).toEqual([
      [1, 'Smith, John', 'said "hi"'],
      [2, 'multi\nline', 'plain'],
      [3, '', 'a, "b", c'],
    ]);
  });

  it('reads an empty field as NULL and a quoted empty field as an empty string', async () => {
    const { out } = await h.run(readCsvNode, { path: fixture('empty-vs-null.csv') });
    expect((await h.rows(out)).rows).toEqual([
      [1, null, ''],
      [2, 'x', null],
      [3, '', 'y'],
    ]);
  });

  it('treats the null text as NULL when told one', async () => {
    await writeTempFile(h.dir, 'na.csv', 'id,v\n1,NA\n2,7\n');
    const { out } = await h.run(readCsvNode, { path: 'na.csv', nullString: 'NA' });
    expect(await h.rows(out)).toEqual({ columns: ['id:BIGINT', 'v:BIGINT'], rows: [[1, null], [2, 7]] });
  });

  it('drops a UTF-8 byte order mark from the first column name', async () => {
    expect((await readFile(fixture('bom.csv'))).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const { out } = await h.run(readCsvNode, { path: fixture('bom.csv') });
    expect(await h.rows(out)).toEqual({ columns: ['id:BIGINT', 'city:VARCHAR'], rows: [[1, 'Zürich'], [2, 'Malmö']] });
  });

  it('reads CRLF line ends, keeping a CRLF inside a quoted field', async () => {
    const { out } = await h.run(readCsvNode, { path: fixture('crlf.csv') });
    expect(await h.rows(out)).toEqual({ columns: ['id:BIGINT', 'name:VARCHAR', 'amount:DOUBLE'], rows: [[1, 'Ada', 2.5], [2, 'Grace\r\nHopper', 10]] });
  });

  it('reads a Latin-1 file when told the encoding, and says to set it when not', async () => {
    const bytes = await readFile(fixture('latin1.csv'));
    expect(bytes.includes(0xe9)).toBe(true);
    const { out } = await h.run(readCsvNode, { path: fixture('latin1.csv'), encoding: 'latin-1' });
    expect((await h.rows(out)).rows).toEqual([[1, 'José', 'München'], [2, 'Nuñez', 'Sevilla']]);
    await expect(h.run(readCsvNode, { path: fixture('latin1.csv') })).rejects.toThrow(/latin1\.csv, line \d+: .*not utf-8 encoded.*set Encoding/);
  });

  it.each([
    ['ragged.csv', 'line 3: expected 3 fields, found 2 (the line reads: 2,Grace)'],
    ['ragged-long.csv', 'line 3: expected 3 fields, found 4 (the line reads: 2,Grace,20,extra)'],
  ])('fails on a ragged row of %s, naming its line', async (name, message) => {
    await expect(h.run(readCsvNode, { path: fixture(name) })).rejects.toThrow(`${fixture(name)}, ${message}`);
  });

  it('says what to check when DuckDB cannot make out the file at all', async () => {
    await writeTempFile(h.dir, 'open-quote.csv', 'id,name\n1,"Ada\n2,Grace\n');
    await expect(h.run(readCsvNode, { path: 'open-quote.csv' })).rejects.toThrow(
      'open-quote.csv: DuckDB could not read this file as CSV with these settings; check the delimiter, quote, escape and encoding, and look for a quote that is never closed',
    );
  });

  it('names the line of a ragged row far past the rows DuckDB samples', async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `${i},n${i},${i}`);
    await writeTempFile(h.dir, 'late.csv', ['id,name,amount', ...lines, '30000,short', ''].join('\n'));
    await expect(h.run(readCsvNode, { path: 'late.csv' })).rejects.toThrow('late.csv, line 30002: expected 3 fields, found 2 (the line reads: 30000,short)');
  });

  it('reads a file of several buffers whole, quoted line breaks and all, and names the line of a ragged row near its end', async () => {
    // About 9 MB: read in 2 MB buffers (csvBufferSize), so records with quoted line breaks straddle buffer edges.
    const record = (i: number) => `${i},"multi\nline ${i}, with ""quotes""",${i / 2}`;
    const lines = Array.from({ length: 200_000 }, (_, i) => record(i));
    expect(csvBufferSize(lines.join('\n').length, 2)).toBe(2 * 2 ** 20);
    await writeTempFile(h.dir, 'big.csv', ['id,text,half', ...lines, ''].join('\n'));
    const { out } = await h.run(readCsvNode, { path: 'big.csv' });
    const check = `SELECT count(*), sum(id), count(*) FILTER (WHERE text = 'multi' || chr(10) || 'line ' || id || ', with "quotes"' AND half = id / 2) FROM (${(out as { sql: string }).sql})`;
    expect((await h.data.query(check)).rows).toEqual([[200_000, 19_999_900_000, 200_000]]);
    // Records here are single lines: DuckDB numbers records, so a line break inside quotes would shift the count.
    const plain = Array.from({ length: 400_000 }, (_, i) => `${i},line ${i} of a file read in several buffers,${i / 2}`);
    await writeTempFile(h.dir, 'big-ragged.csv', ['id,text,half', ...plain, '400000,short', ''].join('\n'));
    await expect(h.run(readCsvNode, { path: 'big-ragged.csv' })).rejects.toThrow('big-ragged.csv, line 400002: expected 3 fields, found 2 (the line reads: 400000,short)');
  });

  it('takes column types from the params over the sniffed ones, and says how when a sniffed type breaks', async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `${i},x`);
    await writeTempFile(h.dir, 'codes.csv', ['code,v', ...lines, 'A7,y', ''].join('\n'));
    await expect(h.run(readCsvNode, { path: 'codes.csv' })).rejects.toThrow(/codes\.csv, line 30002: Error when converting column "code".*set a type for column code under Column types/);
    const { out } = await h.run(readCsvNode, { path: 'codes.csv', types: { code: 'VARCHAR' } });
    expect((await h.data.query(`SELECT typeof(code), count(*) FROM (${(out as { sql: string }).sql}) GROUP BY 1`)).rows).toEqual([['VARCHAR', 30_001]]);
  });

  it('skips lines before the header', async () => {
    await writeTempFile(h.dir, 'titled.csv', 'Sales export\ngenerated 2024-01-01\nid,amount\n1,5\n');
    const { out } = await h.run(readCsvNode, { path: 'titled.csv', skipRows: 2 });
    expect(await h.rows(out)).toEqual({ columns: ['id:BIGINT', 'amount:BIGINT'], rows: [[1, 5]] });
  });

  it('fails with a message naming the missing file', async () => {
    await expect(h.run(readCsvNode, { path: 'missing.csv' })).rejects.toThrow(/missing\.csv/);
  });

  it('rejects an unknown encoding before reading', async () => {
    await expect(h.run(readCsvNode, { path: 'x.csv', encoding: 'ebcdic' })).rejects.toThrow(/param encoding/);
  });
});

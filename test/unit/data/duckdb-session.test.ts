import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendRows } from '../../../node-library/data/append-rows';
import { DuckDbSession, previewCellChars } from '../../../node-library/data/duckdb-session';
import { table } from '../../../node-library/data/table';

const sessions: DuckDbSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});
function session(options?: ConstructorParameters<typeof DuckDbSession>[0]): DuckDbSession {
  const s = new DuckDbSession(options);
  sessions.push(s);
  return s;
}

describe('DuckDbSession', () => {
  it('opens DuckDB in a temp folder of the run, with threads, a memory limit and a spill folder, and removes it on close', async () => {
    const data = session({ threads: 2, memoryLimit: '1GB' });
    const scratch = await data.tempFile('x.json');
    const dir = path.dirname(scratch);
    expect(path.basename(dir)).toMatch(/^pipewright-run-/);
    expect(path.dirname(dir)).toBe(os.tmpdir());
    const { rows } = await data.query("SELECT current_setting('threads'), current_setting('memory_limit'), current_setting('temp_directory')");
    expect(rows).toEqual([[2, '953.6 MiB', path.join(dir, 'spill')]]);
    await data.close();
    expect(existsSync(dir)).toBe(false);
  });

  it('spills tables larger than its memory limit to the temp folder', async () => {
    const data = session({ memoryLimit: '64MB', threads: 1 });
    const big = await data.materialise('big', table("SELECT i, md5(i::VARCHAR) || md5((i + 1)::VARCHAR) AS s FROM range(2000000) t(i)"));
    const { rows } = await data.query(`SELECT count(*), sum(length(s)) FROM (${big.sql})`);
    expect(rows).toEqual([[2_000_000, 128_000_000]]);
    const spill = path.join(path.dirname(await data.tempFile('x')), 'spill');
    const files = await data.query('SELECT path FROM duckdb_temporary_files()');
    expect(files.rows.length).toBeGreaterThan(0);
    expect(files.rows.every(([file]) => String(file).startsWith(spill))).toBe(true);
  });

  it('can keep its tables in a database file in that folder', async () => {
    const data = session({ storage: 'file' });
    await data.materialise('t', table('SELECT 42 AS x'));
    const { rows } = await data.query('SELECT path FROM duckdb_databases() WHERE database_name = current_database()');
    expect(String(rows[0][0])).toMatch(/pipewright-run-[^/]+\/run\.duckdb$/);
    expect((await data.query('SELECT * FROM t')).rows).toEqual([[42]]);
  });

  it('materialises a query as a table once, and returns a reference as it is', async () => {
    const data = session();
    const ref = await data.materialise('read__out', table('SELECT * FROM range(3) t(i)'));
    expect(ref).toEqual({ kind: 'table', sql: 'SELECT * FROM "read__out"' });
    expect(await data.materialise('noop__out', ref)).toBe(ref);
    expect((await data.query('SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1')).rows).toEqual([['read__out']]);
  });

  it('gives each session on default settings a database of its own in one shared instance, detached on close', async () => {
    const [a, b] = [session(), session()];
    await a.materialise('t', table("SELECT 'a' AS who"));
    await b.materialise('t', table("SELECT 'b' AS who FROM range(2)"));
    expect([(await a.query('SELECT * FROM t')).rows, (await b.query('SELECT * FROM t')).rows]).toEqual([[['a']], [['b'], ['b']]]);
    const [[nameA]] = (await a.query('SELECT current_database()')).rows;
    const [[nameB]] = (await b.query('SELECT current_database()')).rows;
    expect(nameA).not.toBe(nameB);
    await a.close();
    // b still works, and a's database (with its table) is gone from the instance they shared.
    expect((await b.query('SELECT count(*) FROM t')).rows).toEqual([[2]]);
    expect((await b.query(`SELECT count(*) FROM duckdb_databases() WHERE database_name = '${nameA}'`)).rows).toEqual([[0]]);
    // A session with settings of its own has an instance of its own.
    const own = session({ threads: 1 });
    expect((await own.query(`SELECT count(*) FROM duckdb_databases() WHERE database_name = '${nameB}'`)).rows).toEqual([[0]]);
  });

  it('gives portable SQL: stored tables replaced by the queries they came from', async () => {
    const data = session();
    const read = await data.materialise('read__out', table('SELECT * FROM range(5) t(i)'));
    const filter = await data.materialise('filter__out', table(`SELECT * FROM (${read.sql}) WHERE i > 1`));
    const downstream = table(`SELECT count(*) AS n FROM (${filter.sql})`);
    const portable = data.portable(downstream);
    if (!portable) throw new Error('expected portable SQL for a query over stored tables');
    expect(portable.sql).toBe('SELECT count(*) AS n FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM range(5) t(i))) WHERE i > 1))');
    const other = session();
    expect((await other.query(portable.sql)).rows).toEqual([[3]]);
  });

  it('previews the first rows, the schema and the row count, as JSON-safe values', async () => {
    const data = session();
    const value = table(`SELECT i AS id, i * 9007199254740993 AS big, (i / 4)::DECIMAL(5,2) AS d, DATE '2024-02-29' + i::INT AS day,
      TIMESTAMP '2024-01-01 10:00:00.5' AS ts, TIMESTAMPTZ '2024-01-01 10:00:00+02' AS tz, 'nan'::DOUBLE AS n, [i, i] AS l, {'a': i} AS s, '\\x00'::BLOB AS b
      FROM range(1, 201) t(i)`);
    const preview = await data.preview(value, 2);
    expect(preview.totalRows).toBe(200);
    expect(preview.columns.map((c) => c.type)).toEqual(['BIGINT', 'BIGINT', 'DECIMAL(5,2)', 'DATE', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'DOUBLE', 'BIGINT[]', 'STRUCT("a" BIGINT)', 'BLOB']);
    expect(preview.rows).toEqual([
      [1, '9007199254740993', '0.25', '2024-03-01', '2024-01-01T10:00:00.5', '2024-01-01T08:00:00Z', 'NaN', [1, 1], { a: 1 }, '\\x00'],
      [2, '18014398509481986', '0.50', '2024-03-02', '2024-01-01T10:00:00.5', '2024-01-01T08:00:00Z', 'NaN', [2, 2], { a: 2 }, '\\x00'],
    ]);
    expect(JSON.parse(JSON.stringify(preview.rows))).toEqual(preview.rows);
  });

  it('cuts a long value in a preview to its start and its length, and leaves short ones whole', async () => {
    const data = session();
    const preview = await data.preview(table(`SELECT repeat('x', 3000000) AS long_text, range(0, 100000) AS long_list, 'short' AS short_text, [1, 2] AS short_list`), 10);
    const [longText, longList, shortText, shortList] = preview.rows[0];
    expect(longText).toBe(`${'x'.repeat(previewCellChars)}… (3,000,000 characters)`);
    expect(String(longList)).toMatch(/^\[0,1,2,3,.*… \(\d{3},\d{3} characters\)$/);
    expect(String(longList).length).toBeLessThan(previewCellChars + 40);
    expect([shortText, shortList]).toEqual(['short', [1, 2]]);
  });

  it('counts without a second query when the preview holds every row', async () => {
    const data = session();
    expect((await data.preview(table('SELECT * FROM range(3)'), 100)).totalRows).toBe(3);
    expect((await data.preview(table('SELECT * FROM range(3)'), 3)).totalRows).toBe(3);
  });

  it('previews the first rows of a stored table in order, across row groups, and after a statement removed some', async () => {
    const s = session();
    // Stored by a parallel query over several row groups (122,880 rows each): insertion order is the query's.
    const stored = await s.materialise('t', table('SELECT i, i * 2 AS twice FROM range(400000) t(i) WHERE i % 3 <> 0'));
    const kept = (from: number) => Array.from({ length: 400_000 - from }, (_, k) => from + k).filter((i) => i % 3 !== 0);
    const preview = await s.preview(stored, 100);
    expect(preview.rows).toEqual(kept(0).slice(0, 100).map((i) => [i, i * 2]));
    expect(preview.totalRows).toBe(kept(0).length);
    // Rows 0..n-1 by rowid no longer are the first n rows.
    await s.execute('DELETE FROM t WHERE i < 1000');
    const after = await s.preview(stored, 5);
    expect(after.rows).toEqual(kept(1000).slice(0, 5).map((i) => [i, i * 2]));
    expect(after.totalRows).toBe(kept(1000).length);
  });

  it('knows the row count of a table it stored, and counts again after a statement that may change it', async () => {
    const s = session();
    const stored = await s.materialise('t', table('SELECT * FROM range(5000)'));
    expect((await s.preview(stored, 10)).totalRows).toBe(5000);
    await s.execute('DELETE FROM t WHERE range < 1000');
    expect(await s.count(stored)).toBe(4000);
    const loaded = await s.load('l', [{ name: 'n', type: 'INTEGER' }], async (c, name) => {
      await c.run(`INSERT INTO ${name} SELECT * FROM range(7)`);
      return 7;
    });
    expect((await s.preview(loaded, 3)).totalRows).toBe(7);
  });

  it('streams rows in batches of the size asked, across DuckDB chunks', async () => {
    const data = session();
    const sizes: number[] = [];
    let sum = 0;
    for await (const batch of data.batches(table('SELECT i FROM range(5000) t(i)'), 3000)) {
      sizes.push(batch.rows.length);
      expect(batch.columns).toEqual([{ name: 'i', type: 'BIGINT' }]);
      for (const [i] of batch.rows) sum += i as number;
    }
    expect(sizes).toEqual([3000, 2000]);
    expect(sum).toBe((4999 * 5000) / 2);
  });

  it('loads rows from JavaScript through the appender, and names the row and column of a misfit', async () => {
    const data = session();
    const columns = [
      { name: 'id', type: 'BIGINT' as const },
      { name: 'v', type: 'DOUBLE' as const },
      { name: 's', type: 'VARCHAR' as const },
      { name: 'b', type: 'BLOB' as const },
      { name: 'ok', type: 'BOOLEAN' as const },
    ];
    const ref = await data.load('t', columns, (c, t) => appendRows(c, t, columns, [[1n, 1, 'x', Buffer.from('hi'), true], [2, 2n, 3, null, 0]]).then(() => {}));
    expect((await data.query(ref.sql)).rows).toEqual([[1, 1, 'x', 'hi', true], [2, 2, '3', null, false]]);
    await expect(data.load('u', columns, (c, t) => appendRows(c, t, columns, [[1n, 1, 'x', null, true], ['two', 1, 'x', null, true]]).then(() => {}))).rejects.toThrow(
      'row 2, column id: text "two" does not fit its type BIGINT',
    );
  });

  it('interrupts a running query when the signal aborts', async () => {
    const data = session();
    const controller = new AbortController();
    const slow = data.query('SELECT count(*) FROM range(10000000000) a(i) WHERE i % 7 = 3', controller.signal);
    setTimeout(() => controller.abort(), 100);
    await expect(slow).rejects.toThrow(/INTERRUPT|interrupted/i);
  });
});

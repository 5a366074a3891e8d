import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sqliteNode } from '../../../../node-library/nodes/source/sqlite.node';
import { sourceHarness } from './harness';

const h = sourceHarness();

function makeDb(sql: string, rows: unknown[][] = [], insert = ''): string {
  const file = path.join(h.dir, 'shop.db');
  const db = new Database(file);
  db.exec(sql);
  if (insert) {
    const statement = db.prepare(insert);
    db.transaction(() => rows.forEach((row) => statement.run(row)))();
  }
  db.close();
  return file;
}

describe('source.sqlite', () => {
  it('returns the rows of a query, typed by their values, 64-bit integers exact', async () => {
    makeDb(
      'CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, price REAL, big INTEGER, raw BLOB, note)',
      [
        [1, 'pen', 1.5, 9007199254740993n, Buffer.from([1, 2]), null],
        [2, "it's", 2, 5n, null, null],
      ],
      'INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)',
    );
    const { out } = await h.run(sqliteNode, { path: 'shop.db', query: 'SELECT * FROM items ORDER BY id' });
    expect(await h.rows(out)).toEqual({
      columns: ['id:BIGINT', 'name:VARCHAR', 'price:DOUBLE', 'big:BIGINT', 'raw:BLOB', 'note:VARCHAR'],
      rows: [
        [1, 'pen', 1.5, '9007199254740993', '\\x01\\x02', null],
        [2, "it's", 2, 5, null, null],
      ],
    });
    expect(h.logs.map((l) => l.message)).toEqual(['read 2 rows from shop.db']);
  });

  it('types expression columns from their values and makes duplicate names distinct', async () => {
    makeDb('CREATE TABLE t (x INTEGER)', [[1], [2], [3]], 'INSERT INTO t VALUES (?)');
    const { out } = await h.run(sqliteNode, { path: 'shop.db', query: 'SELECT count(*) AS n, avg(x) AS n, group_concat(x) AS list FROM t' });
    expect(await h.rows(out)).toEqual({ columns: ['n:BIGINT', 'n_2:DOUBLE', 'list:VARCHAR'], rows: [[3, 2, '1,2,3']] });
  });

  it('reads more rows than the type sample, and mixed numbers as DOUBLE', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [i, i % 2 ? i + 0.5 : i]);
    makeDb('CREATE TABLE t (id INTEGER, v NUMERIC)', rows, 'INSERT INTO t VALUES (?, ?)');
    const { out } = await h.run(sqliteNode, { path: 'shop.db', query: 'SELECT * FROM t' });
    const { rows: stats } = await h.data.query(`SELECT count(*), sum(id), sum(v), typeof(v) FROM (${(out as { sql: string }).sql}) GROUP BY ALL`);
    expect(stats).toEqual([[2500, 3123750, 3124375, 'DOUBLE']]);
  });

  it('empty results keep the declared column types', async () => {
    makeDb('CREATE TABLE t (id INTEGER, name TEXT, amount REAL)');
    const { out } = await h.run(sqliteNode, { path: 'shop.db', query: 'SELECT * FROM t' });
    expect(await h.rows(out)).toEqual({ columns: ['id:BIGINT', 'name:VARCHAR', 'amount:DOUBLE'], rows: [] });
  });

  it('fails naming the row and column of a value that breaks the sampled type', async () => {
    const rows: unknown[][] = Array.from({ length: 1000 }, (_, i) => [BigInt(i)]);
    rows.push(['oops']);
    makeDb('CREATE TABLE t (v)', rows, 'INSERT INTO t VALUES (?)');
    await expect(h.run(sqliteNode, { path: 'shop.db', query: 'SELECT v FROM t' })).rejects.toThrow('row 1001, column v: text "oops" does not fit its type BIGINT');
  });

  it.each([
    ['SELEC 1', /param query: near "SELEC": syntax error/],
    ['CREATE TABLE x (a)', /param query: this statement returns no rows/],
    ['SELECT * FROM nope', /param query: no such table: nope/],
  ])('rejects the query %s', async (query, message) => {
    makeDb('CREATE TABLE t (x)');
    await expect(h.run(sqliteNode, { path: 'shop.db', query })).rejects.toThrow(message);
  });

  it('opens the database read-only and never creates a missing file', async () => {
    makeDb('CREATE TABLE t (x)');
    await expect(h.run(sqliteNode, { path: 'shop.db', query: 'SELECT * FROM t; DELETE FROM t' })).rejects.toThrow(/param query/);
    await expect(h.run(sqliteNode, { path: 'missing.db', query: 'SELECT 1' })).rejects.toThrow(/missing\.db|unable to open|directory does not exist/);
  });

  it('loads the native addon PIPEWRIGHT_SQLITE_BINDING names, as the desktop app and exported scripts set it', async () => {
    makeDb('CREATE TABLE t (x)');
    vi.stubEnv('PIPEWRIGHT_SQLITE_BINDING', path.join(h.dir, 'nowhere', 'better_sqlite3.node'));
    try {
      await expect(h.run(sqliteNode, { path: 'shop.db', query: 'SELECT * FROM t' })).rejects.toThrow(/nowhere/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

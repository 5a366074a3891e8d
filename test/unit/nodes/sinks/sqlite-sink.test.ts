import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { table } from '../../../../node-library/data/table';
import { sqliteSinkNode } from '../../../../node-library/nodes/sink/sqlite.node';
import { sourceHarness } from '../sources/harness';

const h = sourceHarness();

const typed = table(`SELECT * FROM (VALUES
  (1, 'Ada', 2.5, 12.30::DECIMAL(10,2), true, DATE '2024-01-31', TIMESTAMP '2024-01-31 10:00:00', 9007199254740993::BIGINT, '\\x01\\x02'::BLOB, [1, 2], {'k': 'v'}),
  (2, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL)
) t(id, name, score, price, ok, day, "at", big, raw, tags, meta)`);

function readDb(sql: string): unknown[] {
  const db = new Database(path.join(h.dir, 'out/shop.db'), { readonly: true });
  try {
    return db.prepare(sql).safeIntegers(true).raw(true).all();
  } finally {
    db.close();
  }
}

const orders = (rows: string) => table(`SELECT * FROM (VALUES ${rows}) t(id, amount)`);

describe('sink.sqlite', () => {
  it('creates a table with SQLite types and writes every row', async () => {
    const { file } = await h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'items', mode: 'create' }, { in: typed });
    expect(file).toBe(path.join(h.dir, 'out/shop.db'));
    expect(readDb("SELECT name, type FROM pragma_table_info('items')")).toEqual([
      ['id', 'INTEGER'], ['name', 'TEXT'], ['score', 'REAL'], ['price', 'REAL'], ['ok', 'INTEGER'], ['day', 'TEXT'],
      ['at', 'TEXT'], ['big', 'INTEGER'], ['raw', 'BLOB'], ['tags', 'TEXT'], ['meta', 'TEXT'],
    ]);
    expect(readDb('SELECT * FROM items ORDER BY id')).toEqual([
      [1n, 'Ada', 2.5, 12.3, 1n, '2024-01-31', '2024-01-31T10:00:00', 9007199254740993n, Buffer.from([1, 2]), '[1,2]', '{"k":"v"}'],
      [2n, null, null, null, 0n, null, null, null, null, null, null],
    ]);
    expect(h.logs.map((l) => l.message)).toEqual(['wrote 2 rows into items in out/shop.db']);
  });

  it('create fails when the table exists; append adds rows; replace starts over', async () => {
    await h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'orders', mode: 'create' }, { in: orders('(1, 10), (2, 20)') });
    await expect(h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'orders', mode: 'create' }, { in: orders('(3, 30)') })).rejects.toThrow(
      'table orders already exists in out/shop.db; choose mode append, replace or upsert',
    );
    await h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'orders', mode: 'append' }, { in: orders('(3, 30)') });
    expect(readDb('SELECT * FROM orders ORDER BY id')).toEqual([[1n, 10n], [2n, 20n], [3n, 30n]]);
    await h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'orders', mode: 'replace' }, { in: orders('(9, 90)') });
    expect(readDb('SELECT * FROM orders')).toEqual([[9n, 90n]]);
  });

  it('upserts on the key columns: new rows inserted, matching rows updated', async () => {
    await h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'orders', mode: 'upsert', keys: ['id'] }, { in: orders('(1, 10), (2, 20)') });
    await h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'orders', mode: 'upsert', keys: ['id'] }, { in: orders('(2, 25), (3, 30)') });
    expect(readDb('SELECT * FROM orders ORDER BY id')).toEqual([[1n, 10n], [2n, 25n], [3n, 30n]]);
    expect(h.logs.at(-1)?.message).toBe('upserted 2 rows into orders in out/shop.db');
  });

  it('explains an upsert into a table without a unique key, and bad keys', async () => {
    await h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'orders', mode: 'create' }, { in: orders('(1, 10)') });
    await expect(h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'orders', mode: 'upsert', keys: ['id'] }, { in: orders('(1, 11)') })).rejects.toThrow(
      /table orders has no PRIMARY KEY or UNIQUE index on \(id\), which upsert needs/,
    );
    await expect(h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'orders', mode: 'upsert' }, { in: orders('(1, 11)') })).rejects.toThrow('param keys: upsert needs at least one key column');
    await expect(h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'orders', mode: 'upsert', keys: ['nope'] }, { in: orders('(1, 11)') })).rejects.toThrow(
      'param keys: no column nope in the input; its columns are id, amount',
    );
  });

  it('writes nothing when a row fails: one transaction', async () => {
    await h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'orders', mode: 'upsert', keys: ['id'] }, { in: orders('(1, 10)') });
    const failing = table(`SELECT id, CASE WHEN id < 5000 THEN id ELSE error('row ' || id || ' is bad') END AS amount FROM range(2, 6000) t(id)`);
    await expect(h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'orders', mode: 'append' }, { in: failing })).rejects.toThrow(/is bad/);
    expect(readDb('SELECT * FROM orders')).toEqual([[1n, 10n]]);
  });

  it('requires a mode', async () => {
    await expect(h.run(sqliteSinkNode, { path: 'out/shop.db', table: 'orders' }, { in: orders('(1, 10)') })).rejects.toThrow(/param mode/);
  });
});

import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { readBack } from './read-back';

describe('readBack, how the golden test compares outputs', () => {
  it('reads Parquet as typed columns and rows, whatever the compression', async () => {
    const dir = await tempDir();
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const source = `SELECT * FROM (VALUES (1, 'a', 2.50::DECIMAL(10,2)), (2, NULL, 3)) t(id, name, price)`;
    await c.run(`COPY (${source}) TO '${path.join(dir, 'snappy.parquet')}' (FORMAT parquet)`);
    await c.run(`COPY (${source}) TO '${path.join(dir, 'zstd.parquet')}' (FORMAT parquet, COMPRESSION zstd)`);
    c.closeSync();
    db.closeSync();
    const snappy = await readBack(path.join(dir, 'snappy.parquet'));
    expect(snappy).toEqual({ columns: ['id:INTEGER', 'name:VARCHAR', 'price:DECIMAL(12,2)'], rows: [[1, 'a', '2.50'], [2, null, '3.00']] });
    expect(await readBack(path.join(dir, 'zstd.parquet'))).toEqual(snappy);
  });

  it('reads SQLite as each table with its columns and rows', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'out.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE orders (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO orders VALUES (1, 2.5), (2, NULL); CREATE TABLE empty (x TEXT)`);
    db.close();
    expect(await readBack(file)).toEqual({
      empty: { columns: ['x:TEXT'], rows: [] },
      orders: { columns: ['id:INTEGER:pk', 'amount:REAL'], rows: [[1, 2.5], [2, null]] },
    });
  });
});

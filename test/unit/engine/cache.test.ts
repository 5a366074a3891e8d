import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DuckDbSession } from '../../../node-library/data/duckdb-session';
import { table, type TableValue } from '../../../node-library/data/table';
import { fileCache, hashKey } from '../../../node-library/engine/cache';
import { tempDir } from '../helpers';

const data = new DuckDbSession();
afterEach(() => data.close());
const signal = new AbortController().signal;

describe('output cache', () => {
  it('stores a table as Parquet and reads it back without its source', async () => {
    const cache = fileCache(await tempDir(), 10 * 1024 ** 2);
    const stored = await cache.put('k1', { out: table('SELECT * FROM range(5) t(i)'), note: 'json kept as is' }, data, signal);
    const hit = await cache.get('k1');
    expect(hit).toEqual(stored);
    expect(hit?.note).toBe('json kept as is');
    expect((await data.preview(hit!.out as TableValue, 10, signal)).rows).toEqual([[0], [1], [2], [3], [4]]);
    expect(await cache.get('missing')).toBeUndefined();
  });

  it('evicts the least recently used entries past its size cap', async () => {
    const dir = await tempDir();
    await fileCache(dir, 1024 ** 2).put('old', { out: table('SELECT 1 AS a') }, data, signal);
    const entryBytes = (await Promise.all((await readdir(path.join(dir, 'old'))).map((f) => stat(path.join(dir, 'old', f))))).reduce((n, s) => n + s.size, 0);
    const cache = fileCache(dir, Math.floor(entryBytes * 1.5)); // room for one entry
    await new Promise((r) => setTimeout(r, 20));
    await cache.put('new', { out: table('SELECT 2 AS a') }, data, signal);
    expect(await readdir(dir)).toEqual(['new']);

    await new Promise((r) => setTimeout(r, 20));
    await cache.get('new'); // used recently: survives the next put
    await fileCache(dir, Math.floor(entryBytes * 2.5)).put('newest', { out: table('SELECT 3 AS a') }, data, signal);
    expect((await readdir(dir)).sort()).toEqual(['new', 'newest']);
  });

  it('keys differ when any part differs', () => {
    expect(hashKey(['transform.filter', 1, { condition: 'a > 1' }])).not.toBe(hashKey(['transform.filter', 1, { condition: 'a > 2' }]));
    expect(hashKey(['x', 1])).toBe(hashKey(['x', 1]));
  });
});

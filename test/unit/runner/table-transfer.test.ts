import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDbSession } from '../../../node-library/data/duckdb-session';
import { table } from '../../../node-library/data/table';
import { rowsToIpc } from '../../../node-library/runner/arrow-columns';
import { TableRows } from '../../../node-library/runner/table-rows';
import { arrowToTable, tableToArrow } from '../../../node-library/runner/table-transfer';

let data: DuckDbSession;
beforeEach(() => void (data = new DuckDbSession()));
afterEach(() => data.close());

const query = `
  SELECT i::INTEGER AS id,
         CASE WHEN i % 3 = 0 THEN NULL ELSE i * 10_000_000_000 END AS big,
         (i / 4)::DECIMAL(10, 2) AS price,
         (i * 1.5 - 7)::DECIMAL(30, 3) AS wide,
         (i % 100)::TINYINT AS tiny,
         i * 0.5 AS half,
         CASE WHEN i % 5 = 0 THEN NULL ELSE i % 2 = 0 END AS even,
         CASE WHEN i % 7 = 0 THEN NULL WHEN i % 2 = 0 THEN 'short ' || i ELSE 'a longer string than twelve bytes, née ' || i END AS label,
         DATE '2024-01-01' + i::INTEGER AS day
  FROM range(5000) t(i)`;

describe('tables crossing into a runner as Arrow', () => {
  it('keeps every value and null of each column kind across many chunks', async () => {
    const rows = TableRows.fromIpc(await tableToArrow(data, table(query)));
    expect(rows.length).toBe(5000);
    expect(rows.columns).toEqual(['id', 'big', 'price', 'wide', 'tiny', 'half', 'even', 'label', 'day']);
    const expected = (await data.query(`SELECT * FROM (${query}) WHERE id IN (0, 1, 2, 2047, 2048, 4999) ORDER BY id`)).rows;
    const picked = [0, 1, 2, 2047, 2048, 4999].map((i) => Object.values(rows.get(i)));
    expect(picked).toEqual(
      expected.map(([id, big, price, wide, tiny, half, even, label, day]) => [id, big, Number(price), Number(wide), tiny, Number(half), even, label, day]),
    );
    expect(rows.get(1).label).toBe('a longer string than twelve bytes, née 1');
    expect([...rows].length).toBe(5000);
  });

  it('reads rows, columns and iteration alike across text segments, ASCII and not', async () => {
    // The first 2048 rows' text is all ASCII, the rest not: each 2048-row segment of a batch decodes its text on its own.
    const rows = TableRows.fromIpc(await tableToArrow(data, table("SELECT i AS n, CASE WHEN i < 2048 THEN 'plain ' || i WHEN i % 2 = 0 THEN NULL ELSE 'ünïcode ' || i END AS t FROM range(3000) t(i)")));
    const all = rows.toArray();
    expect([...rows]).toEqual(all);
    expect(rows.column('t')).toEqual(all.map((r) => r.t));
    expect([rows.get(0), rows.get(2047), rows.get(2048), rows.get(2999)]).toEqual([
      { n: 0, t: 'plain 0' }, { n: 2047, t: 'plain 2047' }, { n: 2048, t: null }, { n: 2999, t: 'ünïcode 2999' },
    ]);
    expect(() => rows.column('nope')).toThrow('no column nope; the columns are n, t');
  });

  it('reads wide decimals beyond 64 bits, negative ones too, as the nearest doubles', async () => {
    const rows = TableRows.fromIpc(await tableToArrow(data, table('SELECT * FROM (VALUES (123456789012345678905.5::DECIMAL(30, 1)), (-98765432109876543210.25::DECIMAL(30, 2)), (-0.5::DECIMAL(30, 1))) t(d)')));
    const values = rows.column('d') as number[];
    expect(values[0] / 1.2345678901234568e20).toBeCloseTo(1, 15);
    expect(values[1] / -9.876543210987654e19).toBeCloseTo(1, 15);
    expect(values[2]).toBe(-0.5);
  });

  it.each([
    ['a query of unknown length: buffers grow', false],
    ['a stored table, its count known: buffers sized once', true],
  ])('packs up to 128Ki rows in one record batch, from %s', async (_, stored) => {
    const wide = table("SELECT i AS n, CASE WHEN i % 3 = 0 THEN NULL ELSE 'v' || i END AS t, i % 2 = 0 AS even, i / 8 AS half FROM range(200000) t(i) ORDER BY i");
    const value = stored ? await data.materialise('wide', wide) : wide;
    const rows = TableRows.fromIpc(await tableToArrow(data, value));
    expect(rows.arrow.batches.map((b) => b.numRows)).toEqual([131072, 68928]);
    const expected = (i: number) => ({ n: i, t: i % 3 === 0 ? null : `v${i}`, even: i % 2 === 0, half: i / 8 });
    expect([0, 1, 2, 131071, 131072, 131073, 199999].map((i) => rows.get(i))).toEqual([0, 1, 2, 131071, 131072, 131073, 199999].map(expected));
    expect(rows.column('t').filter((t) => t === null)).toHaveLength(66667);
  });

  it('reads an empty result with its columns', async () => {
    const rows = TableRows.fromIpc(await tableToArrow(data, table('SELECT 1 AS a, \'x\' AS b WHERE false')));
    expect({ columns: rows.columns, length: rows.length }).toEqual({ columns: ['a', 'b'], length: 0 });
  });
});

describe('rows coming back from a runner', () => {
  it('become a DuckDB table with inferred types, nulls kept, across chunks', async () => {
    const rows = Array.from({ length: 4100 }, (_, i) => ({
      id: i,
      big: i % 3 === 0 ? null : 2 ** 40 + i,
      ratio: i / 8,
      ok: i % 4 === 0 ? undefined : i % 2 === 0,
      name: i % 5 === 0 ? null : i % 2 ? `long name number ${i} ✓` : `n${i}`,
      when: new Date(Date.UTC(2024, 0, 1 + (i % 28))),
      tags: { i },
    }));
    const stored = await arrowToTable(data, 'back', rowsToIpc(rows));
    const result = await data.query(`SELECT * FROM (${stored.sql}) WHERE id IN (0, 1, 2, 2049, 4099) ORDER BY id`);
    expect(result.columns).toEqual([
      { name: 'id', type: 'INTEGER' }, { name: 'big', type: 'BIGINT' }, { name: 'ratio', type: 'DOUBLE' }, { name: 'ok', type: 'BOOLEAN' },
      { name: 'name', type: 'VARCHAR' }, { name: 'when', type: 'VARCHAR' }, { name: 'tags', type: 'VARCHAR' },
    ]);
    expect(result.rows).toEqual(
      [0, 1, 2, 2049, 4099].map((i) => {
        const r = rows[i];
        return [r.id, r.big, r.ratio, r.ok ?? null, r.name, r.when.toISOString(), JSON.stringify(r.tags)];
      }),
    );
    expect(result.rows[1]).toEqual([1, 2 ** 40 + 1, 0.125, false, 'long name number 1 ✓', '2024-01-02T00:00:00.000Z', '{"i":1}']);
    expect(await data.count(stored)).toBe(4100);
  });

  it('keep text at the 12-byte boundary where DuckDB stops storing a string inline, and compare equal to SQL literals', async () => {
    const texts = ['', 'a', 'twelve bytes', 'thirteen byte', 'é'.repeat(6), `${'é'.repeat(6)}x`, null];
    const stored = await arrowToTable(data, 'texts', rowsToIpc(texts.map((t, i) => ({ i, t }))));
    expect((await data.query(`SELECT t, length(t), strlen(t) FROM (${stored.sql}) ORDER BY i`)).rows).toEqual(
      texts.map((t) => (t === null ? [null, null, null] : [t, t.length, Buffer.byteLength(t)])),
    );
    expect((await data.query(`SELECT i FROM (${stored.sql}) WHERE t IN ('twelve bytes', 'thirteen byte', 'a', '') ORDER BY i`)).rows).toEqual([[0], [1], [2], [3]]);
  });

  it('take columns first seen in a later row, null in the rows before', async () => {
    const stored = await arrowToTable(data, 'late', rowsToIpc([{ a: 1 }, { b: 'x', a: 2 }, { a: 3 }]));
    expect((await data.query(`SELECT * FROM (${stored.sql})`)).rows).toEqual([[1, null], [2, 'x'], [3, null]]);
  });

  it('reads a column a row lacks as null, even one named like what every object inherits', async () => {
    const rows: Record<string, unknown>[] = [{ id: 1, constructor: 'c1', toString: 'hi' }, { id: 2 }, { id: 3, constructor: 'c3' }];
    const stored = await arrowToTable(data, 'inherited', rowsToIpc(rows));
    expect((await data.query(`SELECT * FROM (${stored.sql})`)).rows).toEqual([[1, 'c1', 'hi'], [2, null, null], [3, 'c3', null]]);
  });

  it('refuses rows that are not plain objects', () => {
    expect(() => rowsToIpc([{ a: 1 }, [1, 2]])).toThrow('a table port needs rows as plain objects, got an array');
  });
});

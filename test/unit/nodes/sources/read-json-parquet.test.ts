import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqlString } from '../../../../node-library/data/table';
import { readJsonNode } from '../../../../node-library/nodes/source/read-json.node';
import { readParquetNode } from '../../../../node-library/nodes/source/read-parquet.node';
import { writeTempFile } from '../../helpers';
import { sourceHarness } from './harness';

const h = sourceHarness();

describe('source.read_json', () => {
  it('reads an array of objects, a key per column, missing keys as NULL', async () => {
    await writeTempFile(h.dir, 'people.json', '[{"id": 1, "name": "Ada", "tags": ["x"]}, {"id": 2, "name": "Grace", "born": "1906-12-09"}]');
    const { out } = await h.run(readJsonNode, { path: 'people.json' });
    expect(await h.rows(out)).toEqual({
      columns: ['id:BIGINT', 'name:VARCHAR', 'tags:VARCHAR[]', 'born:DATE'],
      rows: [
        [1, 'Ada', ['x'], null],
        [2, 'Grace', null, '1906-12-09'],
      ],
    });
    expect(h.logs.map((l) => l.message)).toEqual(['read 2 rows from people.json']);
  });

  it('reads newline-delimited JSON, keeping 64-bit integers exact', async () => {
    await writeTempFile(h.dir, 'events.ndjson', '{"id": 9007199254740993, "kind": "a"}\n{"id": 2, "kind": "b"}\n');
    const { out } = await h.run(readJsonNode, { path: 'events.ndjson', format: 'newline_delimited' });
    expect(await h.rows(out)).toEqual({ columns: ['id:BIGINT', 'kind:VARCHAR'], rows: [['9007199254740993', 'a'], [2, 'b']] });
  });

  it('fails on a format that does not match the file, naming the file', async () => {
    await writeTempFile(h.dir, 'events.ndjson', '{"id": 1}\n{"id": 2}\n');
    await expect(h.run(readJsonNode, { path: 'events.ndjson', format: 'array' })).rejects.toThrow(/^events\.ndjson: Expected top-level JSON array/);
  });

  it('fails on malformed JSON, naming the file', async () => {
    await writeTempFile(h.dir, 'bad.json', '[{"id": 1}, {"id": ');
    await expect(h.run(readJsonNode, { path: 'bad.json' })).rejects.toThrow(/^bad\.json: Malformed JSON/);
  });
});

describe('source.read_parquet', () => {
  it('reads a Parquet file with its stored column types', async () => {
    const file = path.join(h.dir, 'sales.parquet');
    await h.data.execute(`COPY (SELECT * FROM (VALUES (1, 12.50::DECIMAL(10,2), DATE '2024-03-01'), (2, NULL, DATE '2024-03-02')) t(id, amount, day)) TO ${sqlString(file)} (FORMAT parquet)`);
    const { out } = await h.run(readParquetNode, { path: 'sales.parquet' });
    // Not copied into the run's database: the value stays the file's query.
    expect(out).toEqual({ kind: 'table', sql: `SELECT * FROM read_parquet(${sqlString(file)})` });
    expect(h.logs.map((l) => l.message)).toEqual(['read 2 rows from sales.parquet']);
    expect(await h.rows(out)).toEqual({
      columns: ['id:INTEGER', 'amount:DECIMAL(10,2)', 'day:DATE'],
      rows: [
        [1, '12.50', '2024-03-01'],
        [2, null, '2024-03-02'],
      ],
    });
  });

  it('fails naming a missing file', async () => {
    await expect(h.run(readParquetNode, { path: 'nope.parquet' })).rejects.toThrow(/nope\.parquet/);
  });
});

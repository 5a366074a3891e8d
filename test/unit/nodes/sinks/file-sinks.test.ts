import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { table } from '../../../../node-library/data/table';
import { writeCsvNode } from '../../../../node-library/nodes/sink/write-csv.node';
import { writeJsonNode } from '../../../../node-library/nodes/sink/write-json.node';
import { writeNdjsonNode } from '../../../../node-library/nodes/sink/write-ndjson.node';
import { writeParquetNode } from '../../../../node-library/nodes/sink/write-parquet.node';
import { readParquetNode } from '../../../../node-library/nodes/source/read-parquet.node';
import { sourceHarness } from '../sources/harness';

const h = sourceHarness();
const people = table(`SELECT * FROM (VALUES (1, 'a,b', 2.5, DATE '2024-01-31', [1, 2]), (2, 'say "hi"', NULL, NULL, [])) t(id, name, score, day, tags)`);

describe('sink.write_csv', () => {
  it('writes a header and every row, quoting as needed, creating the folder', async () => {
    const input = table(`SELECT * FROM (VALUES (1, 'a,b'), (2, 'c')) t(id, name)`);
    const { file } = await h.run(writeCsvNode, { path: 'out/deep/result.csv' }, { in: input });
    const written = path.join(h.dir, 'out/deep/result.csv');
    expect(file).toBe(written);
    expect(await readFile(written, 'utf8')).toBe('id,name\n1,"a,b"\n2,c\n');
    expect(h.logs.map((l) => l.message)).toEqual(['wrote 2 rows to out/deep/result.csv']);
  });

  it('writes quotes, NULLs and dates; another delimiter; no header when told', async () => {
    await h.run(writeCsvNode, { path: 'p.csv', delimiter: ';', header: false }, { in: people });
    expect(await readFile(path.join(h.dir, 'p.csv'), 'utf8')).toBe('1;a,b;2.5;2024-01-31;[1, 2]\n2;"say ""hi""";;;[]\n');
  });

  it('leaves no file, and no temp file, when the write fails', async () => {
    await expect(h.run(writeCsvNode, { path: 'bad.csv' }, { in: table('SELECT 1/0 AS x, error(\'boom\') AS y') })).rejects.toThrow(/boom/);
    expect(await readdir(h.dir)).toEqual([]);
  });

  it('says when its input is not connected', async () => {
    await expect(h.run(writeCsvNode, { path: 'x.csv' }, {})).rejects.toThrow('input in received nothing; connect a table to it');
  });
});

describe('sink.write_json and sink.write_ndjson', () => {
  it('writes one JSON array of row objects', async () => {
    await h.run(writeJsonNode, { path: 'out/p.json' }, { in: people });
    const text = await readFile(path.join(h.dir, 'out/p.json'), 'utf8');
    expect(JSON.parse(text)).toEqual([
      { id: 1, name: 'a,b', score: 2.5, day: '2024-01-31', tags: [1, 2] },
      { id: 2, name: 'say "hi"', score: null, day: null, tags: [] },
    ]);
    expect(h.logs.map((l) => l.message)).toEqual(['wrote 2 rows to out/p.json']);
  });

  it('writes an empty array for an empty table', async () => {
    await h.run(writeJsonNode, { path: 'e.json' }, { in: table('SELECT 1 AS x WHERE false') });
    expect(JSON.parse(await readFile(path.join(h.dir, 'e.json'), 'utf8'))).toEqual([]);
  });

  it('writes one object per line', async () => {
    await h.run(writeNdjsonNode, { path: 'p.ndjson' }, { in: people });
    expect(await readFile(path.join(h.dir, 'p.ndjson'), 'utf8')).toBe(
      '{"id":1,"name":"a,b","score":2.5,"day":"2024-01-31","tags":[1,2]}\n{"id":2,"name":"say \\"hi\\"","score":null,"day":null,"tags":[]}\n',
    );
  });
});

describe('sink.write_parquet', () => {
  it('writes a Parquet file that reads back with the same columns, types and rows', async () => {
    const { file } = await h.run(writeParquetNode, { path: 'out/p.parquet', compression: 'zstd' }, { in: people });
    expect((await readFile(file as string)).subarray(0, 4).toString()).toBe('PAR1');
    const { out } = await h.run(readParquetNode, { path: 'out/p.parquet' }, {}, { nodeId: 'back' });
    expect(await h.rows(out)).toEqual({
      columns: ['id:INTEGER', 'name:VARCHAR', 'score:DECIMAL(2,1)', 'day:DATE', 'tags:INTEGER[]'],
      rows: [
        [1, 'a,b', '2.5', '2024-01-31', [1, 2]],
        [2, 'say "hi"', null, null, []],
      ],
    });
  });
});

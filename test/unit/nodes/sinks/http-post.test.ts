import { describe, expect, it } from 'vitest';
import { table } from '../../../../node-library/data/table';
import { httpPostNode } from '../../../../node-library/nodes/sink/http-post.node';
import { sourceHarness } from '../sources/harness';
import { httpServer, json } from '../sources/http-server';

const h = sourceHarness();
const rows = (n: number) => table(`SELECT i AS id, 'n' || i AS name, (i / 2)::DECIMAL(6,1) AS half, DATE '2024-01-01' + i::INT AS day FROM range(1, ${n + 1}) t(i)`);

describe('sink.http_post', () => {
  it('posts the rows as JSON arrays of objects, in batches, with secret headers', async () => {
    const server = await httpServer((_req, res) => json(res, 200, { ok: true }));
    const result = await h.run(httpPostNode, { url: `${server.url}/ingest`, batchSize: 2, headers: { 'X-Api-Key': { $secret: 'KEY' } } }, { in: rows(5) }, { secrets: { KEY: 'k1' } });
    expect(result).toEqual({ result: { rows: 5, batches: 3 } });
    expect(server.received.map((r) => [r.method, r.url, r.headers['content-type'], r.headers['x-api-key']])).toEqual(Array(3).fill(['POST', '/ingest', 'application/json', 'k1']));
    expect(server.received.map((r) => JSON.parse(r.body))).toEqual([
      [
        { id: 1, name: 'n1', half: 0.5, day: '2024-01-02' },
        { id: 2, name: 'n2', half: 1, day: '2024-01-03' },
      ],
      [
        { id: 3, name: 'n3', half: 1.5, day: '2024-01-04' },
        { id: 4, name: 'n4', half: 2, day: '2024-01-05' },
      ],
      [{ id: 5, name: 'n5', half: 2.5, day: '2024-01-06' }],
    ]);
    expect(h.logs.map((l) => l.message)).toEqual([`sent 5 rows in 3 requests to ${server.url}/ingest`]);
  });

  it('sends nothing for an empty table', async () => {
    const server = await httpServer((_req, res) => json(res, 200, {}));
    expect(await h.run(httpPostNode, { url: server.url }, { in: table('SELECT 1 AS x WHERE false') })).toEqual({ result: { rows: 0, batches: 0 } });
    expect(server.received).toEqual([]);
  });

  it('stops at a failing batch, naming it, its rows and the status', async () => {
    const server = await httpServer((_req, res) => (server.received.length === 2 ? res.writeHead(422).end('bad row 4') : json(res, 200, {})));
    await expect(h.run(httpPostNode, { url: server.url, batchSize: 3 }, { in: rows(9) })).rejects.toThrow(`batch 2 (rows 4-6): POST ${server.url} returned HTTP 422 Unprocessable Entity: bad row 4`);
    expect(server.received).toHaveLength(2);
  });

  it('rejects a batch size below 1', async () => {
    await expect(h.run(httpPostNode, { url: 'http://127.0.0.1:1', batchSize: 0 }, { in: rows(1) })).rejects.toThrow(/param batchSize/);
  });
});

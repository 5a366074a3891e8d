import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { httpNode } from '../../../../node-library/nodes/source/http.node';
import { sourceHarness } from './harness';
import { httpServer, json } from './http-server';

const h = sourceHarness();

describe('source.http', () => {
  it('turns a JSON array response into a table, sending headers with secrets filled in', async () => {
    const server = await httpServer((_req, res) => json(res, 200, [{ id: 1, name: 'Ada' }, { id: 2, name: 'Grace', extra: true }]));
    const { out } = await h.run(
      httpNode,
      { url: `${server.url}/people?page=1`, headers: { Accept: 'application/json', Authorization: { $secret: 'API_TOKEN' } } },
      {},
      { secrets: { API_TOKEN: 'Bearer s3cret' } },
    );
    expect(await h.rows(out)).toEqual({ columns: ['id:BIGINT', 'name:VARCHAR', 'extra:BOOLEAN'], rows: [[1, 'Ada', null], [2, 'Grace', true]] });
    expect(server.received).toMatchObject([{ method: 'GET', url: '/people?page=1', headers: { accept: 'application/json', authorization: 'Bearer s3cret' } }]);
  });

  it('takes the records from a path inside the response', async () => {
    const server = await httpServer((_req, res) => json(res, 200, { data: { items: [{ n: 1 }, { n: 2 }] }, next: null }));
    const { out } = await h.run(httpNode, { url: server.url, recordsPath: 'data.items' });
    expect(await h.rows(out)).toEqual({ columns: ['n:BIGINT'], rows: [[1], [2]] });
  });

  it('returns parsed JSON or text, and sends a JSON body as application/json', async () => {
    const server = await httpServer((req, res) => json(res, 201, { echoed: JSON.parse(req.body) }));
    const body = '{"q": "x"}';
    expect(await h.run(httpNode, { url: server.url, method: 'POST', body, response: 'json' })).toEqual({ out: { echoed: { q: 'x' } } });
    expect(await h.run(httpNode, { url: server.url, method: 'PUT', body, response: 'text' })).toEqual({ out: '{"echoed":{"q":"x"}}' });
    expect(server.received.map((r) => [r.method, r.headers['content-type'], r.body])).toEqual([
      ['POST', 'application/json', body],
      ['PUT', 'application/json', body],
    ]);
  });

  it('fails with the status and the start of the body on a non-2xx response', async () => {
    const server = await httpServer((_req, res) => res.writeHead(503, { 'Content-Type': 'text/plain' }).end('down for maintenance'));
    await expect(h.run(httpNode, { url: `${server.url}/x` })).rejects.toThrow(`GET ${server.url}/x: HTTP 503 Service Unavailable: down for maintenance`);
  });

  it.each([
    [{ a: 1 }, {}, /is not a JSON array, so it cannot be a table/],
    [[], {}, /is an empty array/],
    [{ data: [] }, { recordsPath: 'items' }, /param recordsPath: the response has nothing at items/],
  ])('explains a response %j that is no table', async (value, params, message) => {
    const server = await httpServer((_req, res) => json(res, 200, value));
    await expect(h.run(httpNode, { url: server.url, ...params })).rejects.toThrow(message);
  });

  it('says when the response is not JSON', async () => {
    const server = await httpServer((_req, res) => res.end('<html>'));
    await expect(h.run(httpNode, { url: server.url, response: 'json' })).rejects.toThrow(/the response is not JSON: <html>; use Response as text/);
  });

  it('names a missing secret and how to set it', async () => {
    await expect(h.run(httpNode, { url: 'http://127.0.0.1:9', headers: { Authorization: { $secret: 'NOPE' } } })).rejects.toThrow(
      'param headers.Authorization: secret NOPE is not set; add it to the secret store (headless: PIPEWRIGHT_SECRET_NOPE)',
    );
  });

  it('stops a request when the signal aborts (the node timeout)', async () => {
    const server = await httpServer(() => {});
    const controller = new AbortController();
    const pending = h.run(httpNode, { url: server.url }, {}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('node timed out')), 50);
    await expect(pending).rejects.toThrow('node timed out');
  });

  it('fails naming the URL when nothing listens there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
    await new Promise((resolve) => closed.close(resolve));
    await expect(h.run(httpNode, { url })).rejects.toThrow(`GET ${url} failed: connect ECONNREFUSED`);
  });
});

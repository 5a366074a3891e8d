import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WireServerMessage } from '../../node-library/contract';
import { createBackend } from '../../node-library/backend/create-backend';
import { serve, type RunningServer } from '../../node-library/server/serve';
import { copyExamples, tempDir, writeTempFile } from '../unit/helpers';
import { recordFigure, scale } from './figures';

const messages = scale(1_000, 1_000);
let server: RunningServer | undefined;
afterAll(() => server?.close());

/** Garbage a client could send: not JSON, JSON of the wrong shape, unknown methods, bad arguments, huge payloads. */
function malformed(i: number): string | Buffer {
  const kinds: (() => string | Buffer)[] = [
    () => '{not json',
    () => Buffer.from([0xff, 0xfe, 0x00, i % 256]),
    () => JSON.stringify(null),
    () => JSON.stringify([1, 2, 3]),
    () => JSON.stringify({ id: i, method: 'nopePipeline', args: [] }),
    () => JSON.stringify({ id: i, method: 'loadPipeline', args: [{ $gt: '' }] }),
    () => JSON.stringify({ id: i, method: 'loadPipeline', args: ['../../etc/passwd'] }),
    () => JSON.stringify({ id: i, method: 'startRun', args: [{ pipelineId: 42 }] }),
    () => JSON.stringify({ id: i, method: '__proto__', args: [] }),
    () => JSON.stringify({ id: i, method: 'savePipeline', args: [{ format: 'x'.repeat(100_000) }] }),
    () => JSON.stringify({ id: `${i}`, method: 'constructor', args: 'not a list' }),
  ];
  return kinds[i % kinds.length]();
}

describe('serve mode under abuse', () => {
  it(`answers ${messages} malformed socket messages with errors and keeps serving`, async () => {
    const rendererDir = await tempDir();
    await writeTempFile(rendererDir, 'index.html', '<!doctype html><title>Pipewright</title>');
    server = await serve({ backend: createBackend({ pipelinesDir: await copyExamples(), dataDir: await tempDir() }), rendererDir });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const replies: WireServerMessage[] = [];
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as WireServerMessage;
      if (!('events' in message)) replies.push(message);
    });
    for (let i = 0; i < messages; i++) ws.send(malformed(i));
    await expect.poll(() => replies.length, { timeout: 60_000 }).toBe(messages);
    const errors = replies.filter((r) => 'ok' in r && !r.ok && typeof r.error?.code === 'string' && r.error.message.length > 0).length;

    // Still serving: a well-formed request on the same socket, and a fresh page load with the token.
    ws.send(JSON.stringify({ id: 1_000_001, method: 'listPipelines', args: [] }));
    await expect.poll(() => replies.some((r) => 'id' in r && r.id === 1_000_001 && r.ok), { timeout: 10_000 }).toBe(true);
    expect((await fetch(server.url)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(403);
    ws.close();
    recordFigure(`serve: ${messages} malformed socket messages`, `${errors}/${messages} got an error reply; server still serving; no token -> 403; loopback only`, errors === messages);
    expect(errors).toBe(messages);
  });
});

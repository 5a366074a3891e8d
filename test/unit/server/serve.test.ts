import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WireServerMessage } from '../../../node-library/contract';
import { createBackend } from '../../../node-library/backend/create-backend';
import { serve, type RunningServer } from '../../../node-library/server/serve';
import { copyExamples, tempDir, writeTempFile } from '../helpers';

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start() {
  const rendererDir = await tempDir();
  await writeTempFile(rendererDir, 'index.html', '<!doctype html><title>Pipewright</title>');
  const server = await serve({ backend: createBackend({ pipelinesDir: await copyExamples(), dataDir: await tempDir() }), rendererDir });
  servers.push(server);
  return server;
}

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('serve mode', () => {
  it('listens on 127.0.0.1 with a per-start token in the URL', async () => {
    const { url, token } = await start();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${token}$`));
    const first = await start();
    expect(first.token).not.toBe(token);
  });

  it('refuses pages and sockets without the right token', async () => {
    const { port } = await start();
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(403);
    expect((await fetch(`http://127.0.0.1:${port}/?token=wrong`)).status).toBe(403);
    await expect(connect(`ws://127.0.0.1:${port}/api`)).rejects.toThrow('HTTP 403');
    await expect(connect(`ws://127.0.0.1:${port}/api?token=wrong`)).rejects.toThrow('HTTP 403');
  });

  it('serves the renderer with the token, then by cookie, and blocks path traversal', async () => {
    const { url, port } = await start();
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Pipewright</title>');
    const cookie = page.headers.get('set-cookie')!.split(';')[0];
    const byCookie = await fetch(`http://127.0.0.1:${port}/assets/missing.js`, { headers: { cookie } });
    expect(await byCookie.text()).toContain('<title>Pipewright</title>');
    const traversal = await fetch(`http://127.0.0.1:${port}/..%2f..%2fetc%2fpasswd`, { headers: { cookie } });
    expect(await traversal.text()).not.toContain('root:');
  });

  it('refuses a socket from another origin even with the token', async () => {
    const { port, token } = await start();
    await expect(connect(`ws://127.0.0.1:${port}/api?token=${token}`, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('answers API calls over the socket and pushes run events', async () => {
    const { port, token } = await start();
    const ws = await connect(`ws://127.0.0.1:${port}/api?token=${token}`);
    const messages: WireServerMessage[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    const reply = (id: number) => expect.poll(() => messages.find((m) => 'id' in m && m.id === id), { timeout: 10_000 }).toBeTruthy();

    ws.send(JSON.stringify({ id: 1, method: 'listPipelines', args: [] }));
    await reply(1);
    expect(messages.find((m) => 'id' in m && m.id === 1)).toMatchObject({ ok: true, result: expect.arrayContaining([expect.objectContaining({ id: 'big-orders' })]) });

    ws.send(JSON.stringify({ id: 2, method: 'loadPipeline', args: ['../etc'] }));
    await reply(2);
    expect(messages.find((m) => 'id' in m && m.id === 2)).toMatchObject({ ok: false, error: { code: 'E_API_001' } });

    ws.send(JSON.stringify({ id: 3, method: 'startRun', args: [{ pipelineId: 'big-orders' }] }));
    const events = () => messages.flatMap((m) => ('events' in m ? m.events : []));
    await expect.poll(() => events().some((e) => e.type === 'run:finish'), { timeout: 10_000 }).toBe(true);
    expect(events().find((e) => e.type === 'run:finish')).toMatchObject({ state: 'succeeded' });
    // Batched, in order: the run's start comes first and its finish last, each once.
    const run = events().filter((e) => e.runId === events()[0].runId);
    expect(run[0].type).toBe('run:start');
    expect(run.at(-1)!.type).toBe('run:finish');
    expect(run.filter((e) => e.type === 'run:finish')).toHaveLength(1);
    ws.close();
  });
});


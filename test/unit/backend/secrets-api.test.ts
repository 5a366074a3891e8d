import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../../node-library/contract';
import { createBackend } from '../../../node-library/backend/create-backend';
import { dispatch } from '../../../node-library/backend/dispatch';
import { tempDir } from '../helpers';

const value = 'tok-serve-8c1f0a7e55';

/** Answers 401 with the X-Token header it got, so a run fails with the value in its error (to be masked). */
function echoServer(): Promise<{ server: Server; url: string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    received.push(String(request.headers['x-token'] ?? ''));
    response.writeHead(401).end(`rejected token ${request.headers['x-token']}`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received })));
}

function pipelineUsing(url: string, secret: string): PipelineFile {
  return {
    format: 'pipewright/pipeline@1',
    id: 'calls-api',
    name: 'Calls API',
    description: '',
    params: {},
    nodes: [{ id: 'call', type: 'source.http', version: 1, params: { url, headers: { 'X-Token': { $secret: secret } }, response: 'table' } }],
    edges: [],
    layout: {},
  };
}

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function serveBackend() {
  const pipelinesDir = await tempDir();
  const dataDir = await tempDir();
  return { backend: createBackend({ pipelinesDir, dataDir }), pipelinesDir, dataDir };
}

describe('the secret methods of the serve-mode backend', () => {
  it('lists names and the weakness, refuses to store before the opt-in, then creates, renames and deletes', async () => {
    const { backend } = await serveBackend();
    try {
      expect(await backend.listSecrets()).toEqual({ names: [], weakness: expect.stringMatching(/no OS keyring/), weakAllowed: false });
      await expect(backend.setSecret('API_TOKEN', value)).rejects.toMatchObject({ code: 'E_SECRET_002' });
      await backend.allowWeakSecretStorage(true);
      await backend.setSecret('API_TOKEN', value);
      await backend.renameSecret('API_TOKEN', 'SERVICE_TOKEN');
      const info = await backend.listSecrets();
      expect(info).toMatchObject({ names: ['SERVICE_TOKEN'], weakAllowed: true });
      expect(JSON.stringify(info)).not.toContain(value);
      await expect(backend.renameSecret('API_TOKEN', 'X')).rejects.toMatchObject({ code: 'E_SECRET_003', message: 'no secret named API_TOKEN' });
      await backend.deleteSecret('SERVICE_TOKEN');
      expect((await backend.listSecrets()).names).toEqual([]);
    } finally {
      await backend.close();
    }
  });

  it('checks names and values against the contract before the store sees them', async () => {
    const { backend } = await serveBackend();
    try {
      for (const [method, args] of [
        ['setSecret', ['api_token', 'v']],
        ['setSecret', ['API_TOKEN', '']],
        ['setSecret', ['API_TOKEN', 'x'.repeat(65_537)]],
        ['setSecret', ['API_TOKEN']],
        ['renameSecret', ['A', '1B']],
        ['deleteSecret', ['__proto__']],
        ['allowWeakSecretStorage', ['yes']],
      ] as const) {
        await expect(dispatch(backend, method, args), `${method} ${JSON.stringify(args).slice(0, 40)}`).rejects.toMatchObject({ code: 'E_API_001' });
      }
      await expect(dispatch(backend, 'setSecret', ['API_TOKEN', ''])).rejects.toThrow('setSecret: 1: a secret needs a value');
    } finally {
      await backend.close();
    }
  });

  it('runs read the store first, then PIPEWRIGHT_SECRET_<NAME>; the value reaches the node, never the logs or the data folder', async () => {
    const { backend, pipelinesDir, dataDir } = await serveBackend();
    const { server, url, received } = await echoServer();
    servers.push(server);
    const run = async (secret: string) => {
      await writeFile(path.join(pipelinesDir, 'calls-api.pipeline.json'), JSON.stringify(pipelineUsing(url, secret)));
      const { runId } = await backend.startRun({ pipelineId: 'calls-api' });
      await backend.whenFinished(runId);
      return (await backend.getRunLogs(runId)).map((l) => l.message).join('\n') + JSON.stringify(await backend.getRunEvents(runId));
    };
    process.env.PIPEWRIGHT_SECRET_API_TOKEN = 'from-env-value';
    process.env.PIPEWRIGHT_SECRET_ENV_ONLY = 'env-only-value';
    try {
      await backend.allowWeakSecretStorage(true);
      await backend.setSecret('API_TOKEN', value);
      const logs = await run('API_TOKEN');
      expect(received).toEqual([value]);
      expect(logs).toContain('rejected token ***');
      expect(logs).not.toContain(value);
      await run('ENV_ONLY');
      expect(received.at(-1)).toBe('env-only-value');
    } finally {
      delete process.env.PIPEWRIGHT_SECRET_API_TOKEN;
      delete process.env.PIPEWRIGHT_SECRET_ENV_ONLY;
      await backend.close();
    }
    const files = (await readdir(dataDir, { withFileTypes: true, recursive: true })).filter((e) => e.isFile());
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['serve-secrets.json', 'serve-secrets.key']));
    for (const file of files) {
      const bytes = await readFile(path.join(file.parentPath, file.name));
      for (const form of [value, Buffer.from(value).toString('base64')]) expect(bytes.includes(form), `${file.name} holds ${form}`).toBe(false);
    }
  });

  it('a backend whose host keeps the secrets (the desktop app) refuses the secret methods with a typed error', async () => {
    const backend = createBackend({ pipelinesDir: await tempDir(), dataDir: await tempDir(), secrets: () => undefined });
    try {
      await expect(backend.listSecrets()).rejects.toMatchObject({ code: 'E_API_002' });
      await expect(backend.setSecret('A', 'b')).rejects.toMatchObject({ code: 'E_API_002' });
    } finally {
      await backend.close();
    }
  });
});

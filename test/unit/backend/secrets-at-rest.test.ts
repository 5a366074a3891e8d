import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../../node-library/contract';
import { RunService } from '../../../node-library/backend/run-service';
import { createRegistry } from '../../../node-library/nodes/registry';
import { tempDir } from '../helpers';

const secrets = new Map(Array.from({ length: 20 }, (_, i) => [`SECRET_${String(i).padStart(2, '0')}`, `s3cr3t-${i}-${(i * 7919).toString(36)} /+:Zq${'x'.repeat(i)}`]));

/** Echoes the X-Token header back, in a different form per path, inside a failure or a success. */
function echoServer(): Promise<{ server: Server; url: string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    const token = String(request.headers['x-token'] ?? '');
    received.push(token);
    const forms: Record<string, string> = {
      '/raw': `rejected token ${token}`,
      '/url': `rejected https://api.test/?token=${encodeURIComponent(token)}`,
      '/basic': `rejected Basic ${Buffer.from(`user:${token}`).toString('base64')}`,
      '/b64': `rejected ${Buffer.from(token).toString('base64')}`,
    };
    if (request.url === '/ok') response.writeHead(200, { 'content-type': 'application/json' }).end('[{"ok":1}]');
    else response.writeHead(401).end(forms[request.url ?? ''] ?? 'unknown');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received })));
}

function pipelineUsing(url: string): PipelineFile {
  const paths = ['/raw', '/url', '/basic', '/b64', '/ok'];
  return {
    format: 'pipewright/pipeline@1',
    id: 'uses-secrets',
    name: 'Uses secrets',
    description: '',
    params: {},
    nodes: [...secrets.keys()].map((name, i) => ({
      id: `call_${i}`,
      type: 'source.http',
      version: 1,
      params: { url: `${url}${paths[i % paths.length]}`, headers: { 'X-Token': { $secret: name } }, response: 'table' },
    })),
    edges: [],
    layout: {},
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

describe('secret values at rest', () => {
  it('a byte search of the data folder after runs that use 20 secrets finds none of them, in any form', async () => {
    const dataDir = await tempDir();
    const { server, url, received } = await echoServer();
    servers.push(server);
    const runs = new RunService({ registry: createRegistry(), dataDir, secrets: (name) => secrets.get(name) });
    const pipeline = pipelineUsing(url);
    const events = [];
    runs.onEvent((e) => events.push(e));
    for (let round = 0; round < 2; round += 1) {
      const { done } = runs.start({ pipeline, source: path.join(dataDir, '..', 'uses-secrets.pipeline.json'), trigger: 'manual' });
      expect(await done).toBe('failed');
    }
    const logs = runs.store.listRuns({}).flatMap((run) => runs.store.logs(run.runId));
    await runs.close();

    // The secrets did flow: the server got all 20, twice, and echoed them into errors that were masked.
    expect(new Set(received)).toEqual(new Set(secrets.values()));
    expect(logs.filter((l) => l.message.includes('***')).length).toBeGreaterThanOrEqual(16);

    const files = await filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('history.sqlite'))).toBe(true);
    for (const file of files) {
      const bytes = await readFile(file);
      for (const value of secrets.values()) {
        for (const form of [value, encodeURIComponent(value), Buffer.from(value).toString('base64'), value.slice(0, 12)]) {
          expect(bytes.includes(Buffer.from(form)), `${path.relative(dataDir, file)} holds ${form}`).toBe(false);
        }
      }
    }
  });
});

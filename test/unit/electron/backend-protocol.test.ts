import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../node-library/contract';
import { createBackend } from '../../../node-library/backend/create-backend';
import { remoteBackend, serveBackend, type MessagePortLike } from '../../../electron/backend-protocol';
import { copyExamples, tempDir } from '../helpers';

/** Two connected ports that structured-clone every message asynchronously, as a process boundary does. */
function portPair(): [MessagePortLike, MessagePortLike] {
  const listeners: [((m: unknown) => void)[], ((m: unknown) => void)[]] = [[], []];
  const port = (mine: number): MessagePortLike => ({
    post: (message) => {
      const copy = structuredClone(message);
      setImmediate(() => listeners[1 - mine].forEach((l) => l(copy)));
    },
    onMessage: (listener) => void listeners[mine].push(listener),
  });
  return [port(0), port(1)];
}

async function connected() {
  const [mainPort, childPort] = portPair();
  const secrets = new Map<string, string>();
  const backend = createBackend({ pipelinesDir: await copyExamples(), dataDir: await tempDir(), secrets: (n) => secrets.get(n) });
  serveBackend(childPort, backend, (values) => {
    secrets.clear();
    for (const [k, v] of Object.entries(values)) secrets.set(k, v);
  });
  return { remote: remoteBackend(mainPort), backend, secrets };
}

describe('backend in a utilityProcess: the message protocol', () => {
  it('answers contract calls and streams run events to main', async () => {
    const { remote, backend } = await connected();
    expect((await remote.listPipelines()).map((p) => p.id)).toContain('big-orders');
    const events: RunEvent[] = [];
    remote.onRunEvent((e) => events.push(e));
    const { runId } = await remote.startRun({ pipelineId: 'big-orders' });
    await backend.whenFinished(runId);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events.at(-1)).toMatchObject({ type: 'run:finish', runId, state: 'succeeded' });
    await backend.close();
  });

  it('turns backend failures and invalid arguments into typed errors in main', async () => {
    const { remote, backend } = await connected();
    await expect(remote.getRun('run_missing')).rejects.toMatchObject({ code: 'E_RUN_001' });
    await expect((remote.loadPipeline as (...a: unknown[]) => Promise<unknown>)(42)).rejects.toMatchObject({ code: 'E_API_001' });
    await backend.close();
  });

  it('hands secret values to the backend and fails pending calls when the process is gone', async () => {
    const { remote, backend, secrets } = await connected();
    remote.sendSecrets({ API_TOKEN: 't0ken' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(secrets.get('API_TOKEN')).toBe('t0ken');
    const waiting = remote.listPipelines();
    remote.failPending('the backend process exited');
    await expect(waiting).rejects.toMatchObject({ code: 'E_INTERNAL_001', message: 'the backend process exited' });
    await backend.close();
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiChannels } from '../../../node-library/contract';
import { SecretStore } from '../../../node-library/backend/secret-store';
import type { BackendMessage } from '../../../electron/backend-protocol';
import { hostBackend, type UtilityProcessLike } from '../../../electron/backend-host';
import { registerIpcHandlers, type IpcEventLike, type IpcReply } from '../../../electron/ipc';
import { withSecretStore } from '../../../electron/with-secret-store';
import { fakeSafeStorage } from '../fake-safe-storage';
import { tempDir } from '../helpers';

type Handler = (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;
const appFrame = { senderFrame: { url: 'file:///app/dist/renderer/index.html' } };

/** A fake backend utilityProcess: ready at once, answers every call with the method's name. */
function fakeProcess() {
  const handlers: { message?: (m: unknown) => void } = {};
  const proc = {
    posted: [] as BackendMessage[],
    postMessage(message: BackendMessage) {
      proc.posted.push(message);
      if (message.kind === 'call') queueMicrotask(() => handlers.message?.({ kind: 'reply', id: message.id, reply: { ok: true, result: `process:${message.method}` } }));
    },
    on(event: 'message' | 'exit', listener: (value: never) => void) {
      if (event !== 'message') return;
      handlers.message = listener as never;
      queueMicrotask(() => handlers.message?.({ kind: 'ready' }));
    },
    kill: () => true,
  };
  return proc;
}

async function mainWithStore(backend = 'gnome_libsecret') {
  const proc = fakeProcess();
  const store = await SecretStore.open(path.join(await tempDir(), 'secrets.json'), fakeSafeStorage(backend), 'linux');
  const host = hostBackend(() => proc as unknown as UtilityProcessLike, () => store.values());
  const handlers = new Map<string, Handler>();
  registerIpcHandlers({ handle: (channel, listener) => void handlers.set(channel, listener) }, withSecretStore(host.backend, store), (url) => url === appFrame.senderFrame.url);
  const call = async (method: keyof typeof apiChannels, ...args: unknown[]) => (await handlers.get(apiChannels[method])!(appFrame, ...args)) as IpcReply;
  return { proc, store, call };
}

describe('the desktop app: secret methods answered by main, values re-sent to the backend process', () => {
  it('stores through main safeStorage, hands the backend the new values after each change, and never returns a value', async () => {
    const { proc, store, call } = await mainWithStore();
    expect(await call('listSecrets')).toEqual({ ok: true, result: { names: [], weakAllowed: false } });
    expect(await call('setSecret', 'API_TOKEN', 'tok-1')).toEqual({ ok: true, result: undefined });
    expect(await call('renameSecret', 'API_TOKEN', 'SERVICE_TOKEN')).toMatchObject({ ok: true });
    expect(await call('setSecret', 'SERVICE_TOKEN', 'tok-2')).toMatchObject({ ok: true });
    const listed = await call('listSecrets');
    expect(listed).toEqual({ ok: true, result: { names: ['SERVICE_TOKEN'], weakAllowed: false } });
    expect(JSON.stringify(listed)).not.toContain('tok-');
    expect(await call('deleteSecret', 'SERVICE_TOKEN')).toMatchObject({ ok: true });
    expect(store.names()).toEqual([]);

    // The process saw the values at start and after every change, and not one secret call.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(proc.posted.filter((m) => m.kind === 'call')).toEqual([]);
    expect(proc.posted.filter((m) => m.kind === 'secrets').map((m) => (m as { values: unknown }).values)).toEqual([{}, { API_TOKEN: 'tok-1' }, { SERVICE_TOKEN: 'tok-1' }, { SERVICE_TOKEN: 'tok-2' }, {}]);
    // Everything else still goes to the process.
    expect(await call('listPipelines')).toEqual({ ok: true, result: 'process:listPipelines' });
  });

  it('without a keyring (basic_text): refuses with the reason until the opt-in, and checks arguments first', async () => {
    const { proc, call } = await mainWithStore('basic_text');
    expect(await call('listSecrets')).toMatchObject({ ok: true, result: { weakness: expect.stringMatching(/no OS keyring/), weakAllowed: false } });
    expect(await call('setSecret', 'API_TOKEN', 'tok')).toMatchObject({ ok: false, error: { code: 'E_SECRET_002', message: expect.stringMatching(/fixed key/) } });
    expect(await call('setSecret', 'api token', 'tok')).toMatchObject({ ok: false, error: { code: 'E_API_001' } });
    expect(await call('allowWeakSecretStorage', true)).toMatchObject({ ok: true });
    expect(await call('setSecret', 'API_TOKEN', 'tok')).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(proc.posted.at(-1)).toEqual({ kind: 'secrets', values: { API_TOKEN: 'tok' } });
  });
});

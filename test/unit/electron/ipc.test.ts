import { describe, expect, it } from 'vitest';
import { apiChannels, apiMethods } from '../../../node-library/contract';
import { createBackend } from '../../../node-library/backend/create-backend';
import { pickFolderChannel, registerFolderPicker } from '../../../electron/folder-picker';
import { registerIpcHandlers, type IpcEventLike, type IpcReply } from '../../../electron/ipc';
import { copyExamples, tempDir } from '../helpers';

type Handler = (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;

/** A fake ipcMain that records handlers, as Electron's would hold them. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle(channel: string, listener: Handler) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
  };
}

const appFrame = { senderFrame: { url: 'file:///app/dist/renderer/index.html' } };
const trusted = (url: string) => url === appFrame.senderFrame.url;

describe('electron IPC registration', () => {
  it('registers one handler per contract method on app:<namespace>.<method> channels', async () => {
    const ipc = fakeIpcMain();
    registerIpcHandlers(ipc, createBackend({ pipelinesDir: await copyExamples(), dataDir: await tempDir() }), trusted);
    expect([...ipc.handlers.keys()].sort()).toEqual(apiMethods.map((m) => apiChannels[m]).sort());
    for (const channel of ipc.handlers.keys()) expect(channel).toMatch(/^app:[a-zA-Z]+\.[a-zA-Z]+$/);
  });

  it('calls the same backend serve mode uses and wraps results', async () => {
    const ipc = fakeIpcMain();
    registerIpcHandlers(ipc, createBackend({ pipelinesDir: await copyExamples(), dataDir: await tempDir() }), trusted);
    const reply = (await ipc.handlers.get(apiChannels.listPipelines)!(appFrame)) as IpcReply;
    expect(reply).toMatchObject({ ok: true, result: expect.arrayContaining([expect.objectContaining({ id: 'big-orders' })]) });
  });

  it('answers malformed arguments with a typed error, never a throw', async () => {
    const ipc = fakeIpcMain();
    registerIpcHandlers(ipc, createBackend({ pipelinesDir: await copyExamples(), dataDir: await tempDir() }), trusted);
    for (const args of [[], [null], [{ pipelineId: 7 }], ['big-orders', 'extra'], [{ toString: 1 }]]) {
      const reply = (await ipc.handlers.get(apiChannels.startRun)!(appFrame, ...args)) as IpcReply;
      expect(reply).toMatchObject({ ok: false, error: { code: 'E_API_001' } });
    }
  });

  it('refuses calls from frames that are not the app', async () => {
    const ipc = fakeIpcMain();
    registerIpcHandlers(ipc, createBackend({ pipelinesDir: await copyExamples(), dataDir: await tempDir() }), trusted);
    for (const event of [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: null }, {}]) {
      const reply = (await ipc.handlers.get(apiChannels.listPipelines)!(event)) as IpcReply;
      expect(reply).toMatchObject({ ok: false, error: { code: 'E_API_003' } });
    }
  });
});

describe('shell folder picker', () => {
  it('answers the chosen folder, null on cancel, and nothing to other frames', async () => {
    const ipc = fakeIpcMain();
    let answer = { canceled: false, filePaths: ['/home/ada/exports'] };
    registerFolderPicker(ipc, async () => answer, trusted);
    const pick = ipc.handlers.get(pickFolderChannel)!;
    expect(await pick(appFrame)).toBe('/home/ada/exports');
    answer = { canceled: true, filePaths: [] };
    expect(await pick(appFrame)).toBeNull();
    answer = { canceled: false, filePaths: ['/etc'] };
    expect(await pick({ senderFrame: { url: 'https://evil.example/' } })).toBeNull();
  });
});

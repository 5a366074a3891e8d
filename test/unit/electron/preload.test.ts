import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiChannels, apiMethods, runEventChannel, type PipewrightApi } from '../../../node-library/contract';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn();
const listeners = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

describe('preload bridge', () => {
  beforeEach(async () => {
    await import('../../../electron/preload');
  });

  it('exposes exactly the contract, method by method, and no ipcRenderer', () => {
    const api = exposed.pipewright as Record<string, unknown>;
    expect(Object.keys(exposed)).toEqual(['pipewright', 'pipewrightShell']);
    expect(Object.keys(api).sort()).toEqual([...apiMethods, 'onRunEvent', 'onInstallEvent'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('sends each method on its channel and unwraps replies and typed errors', async () => {
    const api = exposed.pipewright as PipewrightApi;
    invoke.mockResolvedValueOnce({ ok: true, result: { runId: 'r1' } });
    expect(await api.startRun({ pipelineId: 'big-orders' })).toEqual({ runId: 'r1' });
    expect(invoke).toHaveBeenLastCalledWith(apiChannels.startRun, { pipelineId: 'big-orders' });
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'E_RUN_001', message: 'run r9 is not running' } });
    await expect(api.cancelRun('r9')).rejects.toMatchObject({ code: 'E_RUN_001', message: 'run r9 is not running' });
  });

  it('exposes the shell folder picker on its own channel', async () => {
    invoke.mockResolvedValueOnce('/home/ada/exports');
    expect(await (exposed.pipewrightShell as { pickFolder(): Promise<string | null> }).pickFolder()).toBe('/home/ada/exports');
    expect(invoke).toHaveBeenLastCalledWith('shell:pickFolder');
  });

  it('forwards run events and stops when unsubscribed', () => {
    const api = exposed.pipewright as PipewrightApi;
    const received: unknown[] = [];
    const unsubscribe = api.onRunEvent((e) => received.push(e));
    listeners.get(runEventChannel)!({}, [{ type: 'run:finish', runId: 'r1', at: 1, state: 'succeeded' }]);
    expect(received).toHaveLength(1);
    unsubscribe();
    expect(listeners.has(runEventChannel)).toBe(false);
  });
});

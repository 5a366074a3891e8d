import { apiMethods, PipewrightError, toErrorInfo, type ApiMethod, type ErrorCode, type InstallEvent, type PipewrightApi, type RunEvent } from '../node-library/contract';
import { dispatch } from '../node-library/backend/dispatch';
import { eventBatches } from '../node-library/backend/event-batches';
import type { IpcReply } from './ipc';

/**
 * The main process and the backend's utilityProcess talk through this: calls
 * go one way, replies and run events come back. Both ends wrap Electron's
 * port (whose shapes differ) in this.
 */
export interface MessagePortLike {
  post(message: BackendMessage): void;
  onMessage(listener: (message: unknown) => void): void;
}

export type BackendMessage =
  | { kind: 'ready' }
  | { kind: 'call'; id: number; method: string; args: unknown[] }
  | { kind: 'secrets'; values: Record<string, string> }
  | { kind: 'reply'; id: number; reply: IpcReply }
  | { kind: 'events'; events: RunEvent[] }
  | { kind: 'install'; event: InstallEvent };

/** The utilityProcess side: answers every call through the contract's checks and streams run events. */
export function serveBackend(port: MessagePortLike, backend: PipewrightApi, onSecrets: (values: Record<string, string>) => void): void {
  const events = eventBatches((batch) => port.post({ kind: 'events', events: batch }));
  backend.onRunEvent(events.push);
  backend.onInstallEvent((event) => port.post({ kind: 'install', event }));
  port.onMessage((message) => {
    const m = message as BackendMessage;
    if (m?.kind === 'secrets' && typeof m.values === 'object' && m.values !== null) onSecrets(m.values);
    if (m?.kind !== 'call' || typeof m.id !== 'number') return;
    dispatch(backend, m.method, Array.isArray(m.args) ? m.args : [])
      .then((result): IpcReply => ({ ok: true, result }), (error: unknown): IpcReply => ({ ok: false, error: toErrorInfo(error) }))
      .then((reply) => {
        events.flush(); // a reply never overtakes the events emitted before it
        port.post({ kind: 'reply', id: m.id, reply });
      });
  });
  // Main holds its messages until this: one posted before the listener existed could be lost.
  port.post({ kind: 'ready' });
}

export interface RemoteBackend extends PipewrightApi {
  /** Hands the backend the decrypted secret values; they stay in its memory only. */
  sendSecrets(values: Record<string, string>): void;
  /** Fails every call still waiting, e.g. when the process has exited. */
  failPending(message: string): void;
}

/** The main-process side: the contract, method by method, as calls to the utilityProcess. */
export function remoteBackend(port: MessagePortLike): RemoteBackend {
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Set<(event: RunEvent) => void>();
  const installListeners = new Set<(event: InstallEvent) => void>();
  port.onMessage((message) => {
    const m = message as BackendMessage;
    if (m?.kind === 'events' && Array.isArray(m.events)) for (const event of m.events) for (const listener of listeners) listener(event);
    if (m?.kind === 'install') for (const listener of installListeners) listener(m.event);
    if (m?.kind !== 'reply') return;
    const call = pending.get(m.id);
    pending.delete(m.id);
    if (!call) return;
    if (m.reply.ok) call.resolve(m.reply.result);
    else call.reject(new PipewrightError(m.reply.error.code as ErrorCode, m.reply.error.message));
  });
  const call = (method: ApiMethod, args: unknown[]) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      port.post({ kind: 'call', id, method, args });
    });
  const methods = Object.fromEntries(apiMethods.map((method) => [method, (...args: unknown[]) => call(method, args)]));
  return {
    ...(methods as unknown as Omit<PipewrightApi, 'onRunEvent' | 'onInstallEvent'>),
    onRunEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onInstallEvent(listener) {
      installListeners.add(listener);
      return () => void installListeners.delete(listener);
    },
    sendSecrets: (values) => port.post({ kind: 'secrets', values }),
    failPending(message) {
      for (const { reject } of pending.values()) reject(new PipewrightError('E_INTERNAL_001', message));
      pending.clear();
    },
  };
}

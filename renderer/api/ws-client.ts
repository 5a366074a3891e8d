import type {
  ApiMethod,
  ApiResult,
  InstallEvent,
  PipewrightApi,
  RunEvent,
  WireRequest,
  WireServerMessage,
} from '../../node-library/contract';
import { ApiError } from './api-error';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** ws://<host>/api?token=<token>, the token taken from the page's own `?token=`. */
export function apiSocketUrl(location: Location): string {
  const token = new URLSearchParams(location.search).get('token');
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

const connectionClosed = () =>
  new ApiError({ code: 'E_INTERNAL_001', message: 'The connection to the Pipewright backend closed. Restart `pipewright serve` and reload the page.' });

/**
 * The contract's PipewrightApi over serve mode's WebSocket. Connects on first
 * use; does not reconnect (a closed connection rejects every later call).
 */
export function createWsClient(url: string): PipewrightApi {
  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: RunEvent) => void>();
  const installListeners = new Set<(event: InstallEvent) => void>();
  let nextId = 1;
  let socket: Promise<WebSocket> | undefined;

  const receive = (message: WireServerMessage) => {
    if ('events' in message) {
      for (const event of message.events) for (const listener of listeners) listener(event);
      return;
    }
    if ('install' in message) {
      for (const listener of installListeners) listener(message.install);
      return;
    }
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if (message.ok) entry.resolve(message.result);
    else entry.reject(new ApiError(message.error));
  };

  const closed = () => {
    for (const entry of pending.values()) entry.reject(connectionClosed());
    pending.clear();
  };

  const connect = () => (socket ??= openSocket(url, receive, closed));

  async function call<M extends ApiMethod>(method: M, ...args: Parameters<PipewrightApi[M]>): Promise<ApiResult<M>> {
    const ws = await connect();
    if (ws.readyState !== WebSocket.OPEN) throw connectionClosed();
    return new Promise<ApiResult<M>>((resolve, reject) => {
      // Optional trailing arguments are left out rather than sent as null.
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      const request: WireRequest = { id: nextId++, method, args };
      pending.set(request.id, { resolve: (value) => resolve(value as ApiResult<M>), reject });
      ws.send(JSON.stringify(request));
    });
  }

  return {
    listPipelines: () => call('listPipelines'),
    loadPipeline: (pipelineId) => call('loadPipeline', pipelineId),
    savePipeline: (pipelineId, pipeline) => call('savePipeline', pipelineId, pipeline),
    createPipeline: (name) => call('createPipeline', name),
    deletePipeline: (pipelineId) => call('deletePipeline', pipelineId),
    savePipelineAs: (pipeline, name) => call('savePipelineAs', pipeline, name),
    renamePipeline: (pipelineId, name) => call('renamePipeline', pipelineId, name),
    duplicatePipeline: (pipelineId) => call('duplicatePipeline', pipelineId),
    listRecentPipelines: () => call('listRecentPipelines'),
    addRecentPipeline: (pipelineId) => call('addRecentPipeline', pipelineId),
    saveDraft: (pipeline) => call('saveDraft', pipeline),
    loadDraft: (pipelineId) => call('loadDraft', pipelineId),
    discardDraft: (pipelineId) => call('discardDraft', pipelineId),
    validatePipeline: (pipeline) => call('validatePipeline', pipeline),
    listNodeTypes: () => call('listNodeTypes'),
    exportPipeline: (request) => call('exportPipeline', request),
    startRun: (request) => call('startRun', request),
    cancelRun: (runId) => call('cancelRun', runId),
    resumeRun: (runId) => call('resumeRun', runId),
    listRuns: (filter) => call('listRuns', filter),
    getRun: (runId) => call('getRun', runId),
    getRunEvents: (runId) => call('getRunEvents', runId),
    getRunLogs: (runId, nodeId) => call('getRunLogs', runId, nodeId),
    previewSchedule: (schedule) => call('previewSchedule', schedule),
    listSchedules: () => call('listSchedules'),
    listScheduleFires: (filter) => call('listScheduleFires', filter),
    listSecrets: () => call('listSecrets'),
    setSecret: (name, value) => call('setSecret', name, value),
    renameSecret: (from, to) => call('renameSecret', from, to),
    deleteSecret: (name) => call('deleteSecret', name),
    allowWeakSecretStorage: (allow) => call('allowWeakSecretStorage', allow),
    dependencyStatus: (pipelineId, dependencies) => call('dependencyStatus', pipelineId, dependencies),
    installDependencies: (pipelineId) => call('installDependencies', pipelineId),
    packageTypes: (pipelineId) => call('packageTypes', pipelineId),
    listDataFiles: (pipelineId, extensions) => call('listDataFiles', pipelineId, extensions),
    onRunEvent(listener) {
      listeners.add(listener);
      // Events only flow over an open socket. A failed connection is reported
      // by the next request (the start-up loader makes one), not here.
      connect().catch(() => undefined);
      return () => void listeners.delete(listener);
    },
    onInstallEvent(listener) {
      installListeners.add(listener);
      connect().catch(() => undefined);
      return () => void installListeners.delete(listener);
    },
  };
}

function openSocket(url: string, receive: (message: WireServerMessage) => void, closed: () => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.addEventListener('open', () => resolve(ws), { once: true });
    ws.addEventListener('message', (event) => {
      let message: WireServerMessage;
      try {
        message = JSON.parse(String(event.data)) as WireServerMessage;
      } catch {
        console.error('Pipewright: ignoring a backend message that is not JSON');
        return;
      }
      receive(message);
    });
    ws.addEventListener('close', () => {
      reject(new ApiError({ code: 'E_INTERNAL_001', message: `Could not connect to the Pipewright backend at ${url.split('?')[0]}. Open the URL that \`pipewright serve\` printed, token included.` }));
      closed();
    });
  });
}

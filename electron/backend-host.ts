import { remoteBackend, type BackendMessage, type RemoteBackend } from './backend-protocol';

/** What main needs of Electron's UtilityProcess; a fake stands in for it in tests. */
export interface UtilityProcessLike {
  postMessage(message: BackendMessage): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface BackendHost {
  /** The contract, answered by whichever backend process is current. */
  backend: RemoteBackend;
  /** Starts a fresh backend process, e.g. on another pipelines folder. */
  restart(fork: () => UtilityProcessLike): void;
  stop(): void;
}

/**
 * Runs the backend in a utilityProcess and keeps one running: when it dies,
 * calls in flight fail with a typed error and a new one takes over, with the
 * secrets handed to it again.
 */
export function hostBackend(fork: () => UtilityProcessLike, secrets: () => Record<string, string>): BackendHost {
  const listeners: ((message: unknown) => void)[] = [];
  let child: UtilityProcessLike | undefined;
  /** Messages for a process that has not said it is ready yet. */
  let queue: BackendMessage[] | undefined;
  let forkCurrent = fork;
  let stopping = false;

  const start = () => {
    const started = forkCurrent();
    child = started;
    queue = [];
    started.on('message', (message) => {
      if (child !== started) return;
      if ((message as BackendMessage)?.kind === 'ready') {
        const waiting = queue ?? [];
        queue = undefined;
        waiting.forEach((m) => started.postMessage(m));
      } else listeners.forEach((l) => l(message));
    });
    started.on('exit', (code) => {
      if (child !== started) return;
      backend.failPending(`the backend process stopped (exit code ${code}); it has been restarted, try again`);
      child = undefined;
      if (!stopping) start();
    });
    backend.sendSecrets(secrets());
  };
  const backend = remoteBackend({
    post: (message) => (queue ? queue.push(message) : child?.postMessage(message)),
    onMessage: (listener) => void listeners.push(listener),
  });
  start();

  return {
    backend,
    restart(nextFork) {
      forkCurrent = nextFork;
      const old = child;
      child = undefined;
      backend.failPending('the backend was restarted on another folder');
      old?.kill();
      start();
    },
    stop() {
      stopping = true;
      child?.kill();
    },
  };
}

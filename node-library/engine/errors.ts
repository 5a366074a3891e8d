import { PipewrightError, toErrorInfo, type ErrorInfo } from '../contract';

/** The error a node's failure is reported with: its own code when it has one, else E_NODE_001. */
export function nodeErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof PipewrightError) return toErrorInfo(error);
  const info = toErrorInfo(error);
  return { ...info, code: 'E_NODE_001' };
}

/** Sleeps, waking early (and throwing) when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A promise that rejects with the signal's reason once it aborts; never resolves. */
export function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

import { PipewrightError, type ErrorInfo, type PipelineNode } from '../contract';
import { nodeErrorInfo, rejectOnAbort, sleep } from './errors';

export interface AttemptHooks {
  /** Attempt n is starting (1-based). */
  onStart(attempt: number): void;
  /** Attempt n failed and attempt n + 1 follows after delayMs. */
  onRetry(attempt: number, error: ErrorInfo, delayMs: number): void;
}

/** The wait before attempt `next` (2, 3, ...): delay x backoff^(next-2), capped by the max delay. */
export function retryDelay(node: Pick<PipelineNode, 'retryDelayMs' | 'retryBackoff' | 'retryMaxDelayMs'>, next: number): number {
  const delay = (node.retryDelayMs ?? 0) * (node.retryBackoff ?? 1) ** (next - 2);
  return node.retryMaxDelayMs === undefined ? delay : Math.min(delay, node.retryMaxDelayMs);
}

/**
 * Runs `work` until it succeeds or the node's retries are used up. Each
 * attempt gets the run's signal, plus a timer when the node has a timeout; a
 * node that ignores its signal is abandoned at the limit rather than waited
 * for. (On a cancelled run the scheduler abandons every running node itself.)
 */
export function withAttempts<T>(node: PipelineNode, runSignal: AbortSignal, hooks: AttemptHooks, work: (signal: AbortSignal, attempt: number) => Promise<T>): Promise<T> {
  // Hot path: one attempt, no timer: nothing to race, and no promise of its own.
  if (!node.retries && node.timeoutMs === undefined) {
    try {
      hooks.onStart(1);
      return work(runSignal, 1);
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return retrying(node, runSignal, hooks, work);
}

async function retrying<T>(node: PipelineNode, runSignal: AbortSignal, hooks: AttemptHooks, work: (signal: AbortSignal, attempt: number) => Promise<T>): Promise<T> {
  const attempts = (node.retries ?? 0) + 1;
  for (let attempt = 1; ; attempt++) {
    hooks.onStart(attempt);
    try {
      return await attemptOnce(node, runSignal, (signal) => work(signal, attempt));
    } catch (error) {
      if (runSignal.aborted || attempt >= attempts) throw error;
      const delay = retryDelay(node, attempt + 1);
      hooks.onRetry(attempt, nodeErrorInfo(error), delay);
      await sleep(delay, runSignal);
    }
  }
}

async function attemptOnce<T>(node: PipelineNode, runSignal: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (node.timeoutMs === undefined) return work(runSignal);
  const timeout = new AbortController();
  const timer = setTimeout(() => {
    timeout.abort(new PipewrightError('E_NODE_002', `node ${node.id} exceeded its timeout of ${node.timeoutMs} ms`));
  }, node.timeoutMs);
  const signal = AbortSignal.any([runSignal, timeout.signal]);
  try {
    return await Promise.race([work(signal), rejectOnAbort(signal)]);
  } finally {
    clearTimeout(timer);
  }
}

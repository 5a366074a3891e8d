// Builders for store tests: a real store file in a temp folder and terse events.
import path from 'node:path';
import type { RunEvent, RunTrigger } from '../../../node-library/contract';
import { RunStore, type RunStoreOptions } from '../../../node-library/store/run-store';
import { csvPipeline, tempDir } from '../helpers';

export async function storeFile(): Promise<string> {
  return path.join(await tempDir(), 'history', 'runs.sqlite');
}

export function pipeline(id = 'orders') {
  return { ...csvPipeline('in.csv', 'out.csv'), id, name: `Pipeline ${id}` };
}

export function begin(store: RunStore, runId: string, options: { pipelineId?: string; startedAt?: number; trigger?: RunTrigger } = {}): void {
  store.beginRun({ runId, pipeline: pipeline(options.pipelineId), params: { limit: 5 }, trigger: options.trigger ?? 'manual', startedAt: options.startedAt ?? 1_000 });
}

type StateExtras = Partial<Omit<Extract<RunEvent, { type: 'node:state' }>, 'type' | 'runId' | 'nodeId' | 'state'>>;

export const ev = {
  start: (runId: string, at = 1_000): RunEvent => ({ type: 'run:start', runId, at, pipelineId: 'orders', nodeIds: ['read', 'filter', 'write'], params: {}, trigger: 'manual' }),
  state: (runId: string, nodeId: string, state: Extract<RunEvent, { type: 'node:state' }>['state'], at: number, extras: StateExtras = {}): RunEvent => ({
    type: 'node:state',
    runId,
    nodeId,
    state,
    at,
    ...extras,
  }),
  log: (runId: string, nodeId: string, message: string, at = 1_001, extras: { item?: number; attempt?: number } = {}): RunEvent => ({
    type: 'node:log',
    runId,
    nodeId,
    level: 'info',
    message,
    at,
    ...extras,
  }),
  preview: (runId: string, nodeId: string, totalRows: number, at = 1_002, port = 'out'): RunEvent => ({
    type: 'node:preview',
    runId,
    nodeId,
    port,
    columns: [{ name: 'id', type: 'INTEGER' }],
    rows: [[1], [2]],
    totalRows,
    at,
  }),
  finish: (runId: string, state: 'succeeded' | 'failed' | 'cancelled' = 'succeeded', at = 2_000, error?: { code: string; message: string }): RunEvent => ({
    type: 'run:finish',
    runId,
    state,
    at,
    ...(error && { error }),
  }),
};

/** Lets a deferred (setImmediate) flush happen. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Waits (a turn at a time, at most 10 s) until `done` holds: for what the writer thread writes without a flush. */
export async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('still not done after 10 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * The two ways a RunStore writes, for describe.each: in this thread (a short
 * run, before the writer thread starts) and on the writer thread (from the
 * first batch). `opener` opens a store file the given way.
 */
export const writerModes = [
  ['in this thread', {}],
  ['on the writer thread', { threadFromBytes: 0 }],
] as const;

export const opener =
  (writer: RunStoreOptions) =>
  (file: string, options: RunStoreOptions = {}): RunStore =>
    RunStore.open(file, { ...writer, ...options });

import { nodePorts, PipewrightError, type PipelineNode, type RunEventOf } from '../contract';
import type { NodeDefinition } from '../nodes/define-node';
import { withAttempts } from './attempts';
import { nodeErrorInfo } from './errors';
import type { NodeCallParams, RunContext } from './execute-node';
import { runNode } from './run-node';

type ItemAttempt = RunEventOf<'node:items'>['attempts'][number];

/** Ended item attempts are sent when this many are waiting, or when the oldest has waited this long. */
const batchSize = 1_000;
const batchMs = 100;

/**
 * Runs the node once per item of its mapped input, up to the run's
 * concurrency at a time, each item with its own attempts and logs. Ended
 * attempts go out in `node:items` batches: an event per item attempt cost
 * more than the items themselves. Outputs are lists in item order; the node
 * fails if any item does.
 */
export async function mapItems(run: RunContext, node: PipelineNode, definition: NodeDefinition, params: NodeCallParams, inputs: Record<string, unknown>) {
  const mapped = node.mapOver!;
  const items = inputs[mapped];
  if (!Array.isArray(items)) {
    throw new PipewrightError('E_NODE_003', `node ${node.id} maps over input ${mapped}, which received ${describe(items)}, not a list`);
  }
  run.emit({ type: 'node:state', runId: run.runId, at: Date.now(), nodeId: node.id, state: 'running', attempt: 1 });
  const ended = new AttemptBatch(run, node.id);
  const results: Record<string, unknown>[] = new Array(items.length);
  const failures: { item: number; message: string }[] = [];
  let next = 0;
  const runItem = async (item: number) => {
    let attempt = 1;
    let startedAt = 0;
    const log = (message: string, level: Parameters<Parameters<typeof runNode>[1]['log']>[1]) =>
      run.emit({ type: 'node:log', runId: run.runId, at: Date.now(), nodeId: node.id, item, attempt, level, message });
    const hooks = {
      onStart: (n: number) => {
        attempt = n;
        startedAt = Date.now();
      },
      onRetry: (n: number, error: ItemAttempt['error']) => ended.add({ item, attempt: n, state: 'retrying', startedAt, finishedAt: Date.now(), error }),
    };
    try {
      const itemInputs = { ...inputs, [mapped]: items[item] };
      results[item] = await withAttempts(node, run.signal, hooks, (signal, n) => runNode(run, { node, definition, params, inputs: itemInputs, signal, attempt: n, item, log }));
      ended.add({ item, attempt, state: 'succeeded', startedAt, finishedAt: Date.now() });
    } catch (error) {
      if (run.signal.aborted) throw error;
      const info = nodeErrorInfo(error);
      failures.push({ item, message: info.message });
      ended.add({ item, attempt, state: 'failed', startedAt, finishedAt: Date.now(), error: info });
    }
  };
  const worker = async () => {
    while (next < items.length && !run.signal.aborted) await runItem(next++);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(run.concurrency, items.length) }, worker));
  } finally {
    ended.send();
  }
  run.signal.throwIfAborted();
  if (failures.length > 0) {
    const first = failures.reduce((a, b) => (b.item < a.item ? b : a));
    throw new PipewrightError('E_NODE_001', `${failures.length} of ${items.length} items failed; item ${first.item}: ${first.message}`);
  }
  return Object.fromEntries(nodePorts(node, definition).outputs.map((port) => [port.id, results.map((r) => r[port.id])]));
}

class AttemptBatch {
  private attempts: ItemAttempt[] = [];
  private oldest = 0;

  constructor(
    private readonly run: RunContext,
    private readonly nodeId: string,
  ) {}

  add(attempt: ItemAttempt): void {
    if (this.attempts.length === 0) this.oldest = attempt.finishedAt;
    this.attempts.push(attempt);
    if (this.attempts.length >= batchSize || attempt.finishedAt - this.oldest >= batchMs) this.send();
  }

  send(): void {
    if (this.attempts.length === 0) return;
    this.run.emit({ type: 'node:items', runId: this.run.runId, at: Date.now(), nodeId: this.nodeId, attempts: this.attempts });
    this.attempts = [];
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'object' && (value as { kind?: unknown }).kind === 'table') return 'a table';
  return `a ${typeof value}`;
}

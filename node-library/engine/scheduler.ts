import { nodePorts, type ErrorInfo, type NodeState, type PipelineFile, type RunEventOf } from '../contract';
import { isTable, outputTableName } from '../data/table';
import { valuePreview } from '../data/value-preview';
import { nodeErrorInfo } from './errors';
import { executeNode, type RunContext } from './execute-node';
import type { Reusable, RunPlan } from './plan';

type StateExtra = Omit<Partial<RunEventOf<'node:state'>>, 'type' | 'runId' | 'at' | 'nodeId' | 'state'>;

/** Output port types whose non-table values get a value preview. */
const valuePorts = new Set<string>(['json', 'text', 'any']);

const terminal = new Set<NodeState>(['succeeded', 'failed', 'skipped', 'cancelled']);

/**
 * The ready queue. Each node waits for a count of unfinished upstream nodes;
 * when it reaches zero the node's trigger rule decides: run (now, or queued
 * behind the concurrency limit) or skip. Linear in nodes + edges.
 */
export class Scheduler {
  /** Errors of failed nodes, in the order they failed. */
  readonly errors = new Map<string, ErrorInfo>();
  private readonly states = new Map<string, NodeState>();
  private readonly outputs = new Map<string, Record<string, unknown>>();
  private readonly waiting = new Map<string, number>();
  private readonly queue: string[] = [];
  private queueHead = 0;
  private active = 0;
  private remaining = 0;
  private finish!: () => void;
  private readonly byId: Map<string, PipelineFile['nodes'][number]>;

  constructor(
    pipeline: PipelineFile,
    private readonly plan: RunPlan,
    private readonly ctx: RunContext,
    private readonly options: {
      reusable?: Reusable;
      onOutputs?(nodeId: string, outputs: Record<string, unknown>): void;
      /** Rows per table preview; 0 for none. */
      previewRows: number;
    },
  ) {
    this.byId = new Map(pipeline.nodes.map((n) => [n.id, n]));
  }

  run(): Promise<Map<string, NodeState>> {
    const done = new Promise<void>((resolve) => (this.finish = resolve));
    for (const id of this.plan.reuse) {
      const stored = this.options.reusable!.get(id)!;
      this.outputs.set(id, stored.outputs);
      // Recorded again under this run, so resuming it later can reuse them too.
      this.options.onOutputs?.(id, stored.outputs);
      this.setState(id, 'succeeded', { reused: stored.runId });
    }
    const ready: string[] = [];
    // File order, so equal-ranked nodes start in the order the user wrote them.
    for (const id of this.byId.keys()) {
      if (!this.plan.run.has(id)) continue;
      const count = this.upstream(id).filter((u) => this.plan.run.has(u)).length;
      this.waiting.set(id, count);
      this.states.set(id, 'pending');
      if (count === 0) ready.push(id);
    }
    this.remaining = this.plan.run.size;
    if (this.remaining === 0) this.finish();
    this.ctx.signal.addEventListener('abort', () => this.cancelWaiting(), { once: true });
    for (const id of ready) this.becomeReady(id);
    return done.then(() => this.states);
  }

  private upstream(id: string): string[] {
    return this.plan.upstream.get(id) ?? [];
  }

  private becomeReady(id: string): void {
    if (terminal.has(this.states.get(id)!)) return;
    if (this.ctx.signal.aborted) return this.complete(id, 'cancelled', { reason: 'the run was cancelled' });
    const skip = this.skipReason(id);
    if (skip) return this.complete(id, 'skipped', { reason: skip });
    if (this.active < this.ctx.concurrency) return this.start(id);
    this.queue.push(id);
    this.setState(id, 'queued');
  }

  /** The node's trigger rule over its upstream states; a reason to skip, or undefined to run. */
  private skipReason(id: string): string | undefined {
    const node = this.byId.get(id)!;
    const ups = this.upstream(id);
    const trigger = node.trigger ?? 'all_success';
    if (trigger === 'all_done') return undefined;
    if (trigger === 'one_failed') return ups.some((u) => this.states.get(u) === 'failed') ? undefined : 'no upstream node failed (trigger one_failed)';
    const blocker = ups.find((u) => this.states.get(u) !== 'succeeded');
    return blocker ? `upstream node ${blocker} ${this.states.get(blocker)}` : undefined;
  }

  private start(id: string): void {
    this.active++;
    void this.execute(id).then(({ state, extra }) => {
      this.active--;
      this.complete(id, state, extra);
      this.drainQueue();
    });
  }

  /** Runs one node to its end state; never throws. */
  private async execute(id: string): Promise<{ state: NodeState; extra: StateExtra }> {
    const node = this.byId.get(id)!;
    const inputs: Record<string, unknown> = {};
    for (const edge of this.plan.incoming.get(id) ?? []) inputs[edge.to.port] = this.outputs.get(edge.from.node)?.[edge.from.port];
    const startedAt = Date.now();
    try {
      const { outputs, cached } = await executeNode(this.ctx, node, inputs);
      this.outputs.set(id, outputs);
      const hasValues = Object.values(outputs).some((v) => v !== null && v !== undefined);
      const recordable = hasValues ? await this.emitPreviews(id, outputs) : outputs;
      // Outputs that read rows loaded into this run only are not recorded: a resume runs their node again.
      if (recordable) this.options.onOutputs?.(id, recordable);
      return { state: 'succeeded', extra: { cached: cached || undefined, durationMs: Date.now() - startedAt } };
    } catch (error) {
      if (this.ctx.signal.aborted) return { state: 'cancelled', extra: { reason: 'the run was cancelled', durationMs: Date.now() - startedAt } };
      const info = nodeErrorInfo(error);
      this.errors.set(id, info);
      this.ctx.emit({ type: 'node:log', runId: this.ctx.runId, at: Date.now(), nodeId: id, level: 'error', message: info.message });
      return { state: 'failed', extra: { error: info, durationMs: Date.now() - startedAt } };
    }
  }

  /**
   * Stores each table output as a table of the run's database (downstream
   * nodes, the preview and the row count then read it instead of running the
   * node's query again), and previews every output: tables from DuckDB (first
   * rows, schema, count), json and text values cut to about 10 KB. Without
   * previews (previewRows 0: a headless run nobody watches), a table output
   * stays a lazy query unless several nodes read it, so a chain of SQL nodes
   * runs as one fused query. Returns the outputs as the run store should keep
   * them for a resume, or undefined when one reads rows that exist only in this run.
   */
  private async emitPreviews(nodeId: string, outputs: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
    const { data, signal } = this.ctx;
    const node = this.byId.get(nodeId)!;
    const definition = this.ctx.registry.get(node.type);
    const ports = definition ? nodePorts(node, definition).outputs : [];
    const previewRows = this.options.previewRows;
    const portable: Record<string, unknown> = { ...outputs };
    let recordable = true;
    for (const [port, value] of Object.entries(outputs)) {
      let preview;
      if (isTable(value)) {
        portable[port] = data.portable(value);
        recordable &&= portable[port] !== undefined;
        const store = previewRows > 0 ? !definition?.view : this.readers(nodeId, port) > 1;
        // In place: this object is the one the nodes downstream will read.
        const ref = store ? await data.materialise(outputTableName(nodeId, port), value, signal) : value;
        outputs[port] = ref;
        if (previewRows === 0) continue;
        preview = await data.preview(ref, previewRows, signal);
      } else if (previewRows > 0 && value !== null && value !== undefined && valuePorts.has(ports.find((p) => p.id === port)?.type ?? 'file')) {
        preview = valuePreview(value);
      } else continue;
      this.ctx.emit({ type: 'node:preview', runId: this.ctx.runId, at: Date.now(), nodeId, port, ...preview });
    }
    // Recorded for resume as SQL that reads the sources, not this run's tables.
    return recordable ? portable : undefined;
  }

  /** How many edges read this output port. */
  private readers(nodeId: string, port: string): number {
    let count = 0;
    for (const down of this.plan.downstream.get(nodeId) ?? []) {
      for (const edge of this.plan.incoming.get(down) ?? []) if (edge.from.node === nodeId && edge.from.port === port) count++;
    }
    return count;
  }

  private drainQueue(): void {
    while (this.active < this.ctx.concurrency && this.queueHead < this.queue.length) {
      const id = this.queue[this.queueHead++];
      if (this.states.get(id) === 'queued') this.start(id);
    }
  }

  private complete(id: string, state: NodeState, extra: StateExtra = {}): void {
    if (terminal.has(this.states.get(id)!)) return;
    this.setState(id, state, extra);
    if (--this.remaining === 0) return this.finish();
    for (const down of this.plan.downstream.get(id) ?? []) {
      if (!this.plan.run.has(down)) continue;
      const left = this.waiting.get(down)! - 1;
      this.waiting.set(down, left);
      if (left === 0) this.becomeReady(down);
    }
  }

  /** On cancel: every node that has not started becomes cancelled at once. */
  private cancelWaiting(): void {
    for (const [id, state] of this.states) {
      if (state !== 'pending' && state !== 'queued') continue;
      this.setState(id, 'cancelled', { reason: 'the run was cancelled' });
      this.remaining--;
    }
    if (this.remaining === 0) this.finish();
  }

  private setState(id: string, state: NodeState, extra: StateExtra = {}): void {
    this.states.set(id, state);
    this.ctx.emit({ type: 'node:state', runId: this.ctx.runId, at: Date.now(), nodeId: id, state, ...extra });
  }
}

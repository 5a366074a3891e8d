import { nodePorts, type ErrorInfo, type NodeState, type PipelineFile, type RunEventOf } from '../contract';
import { isTable, outputTableName } from '../data/table';
import { valuePreview } from '../data/value-preview';
import { nodeErrorInfo } from './errors';
import { executeNode, type RunContext } from './execute-node';
import { resolveNodeParams } from './run-node';
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
  /** By node number; undefined for nodes outside this run. */
  private readonly states: (NodeState | undefined)[];
  private readonly outputs: (Record<string, unknown> | undefined)[];
  /** Unfinished upstream nodes of each node in the run. */
  private readonly waiting: Int32Array;
  /** Nodes in the run that have yet to read each node's outputs; at 0 the outputs are let go. */
  private readonly unread: Int32Array;
  private readonly queue: number[] = [];
  private queueHead = 0;
  private active = 0;
  private remaining = 0;
  private finish!: () => void;
  private readonly nodes: PipelineFile['nodes'];

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
    this.nodes = pipeline.nodes;
    this.states = new Array(this.nodes.length);
    this.outputs = new Array(this.nodes.length);
    this.waiting = new Int32Array(this.nodes.length);
    this.unread = new Int32Array(this.nodes.length);
  }

  /** Runs the plan; resolves with the end state of every node in it. */
  run(): Promise<NodeState[]> {
    const done = new Promise<void>((resolve) => (this.finish = resolve));
    const { plan } = this;
    for (let i = 0; i < plan.ids.length; i++) {
      if (!plan.reuse[i]) continue;
      const stored = this.options.reusable!.get(plan.ids[i])!;
      this.outputs[i] = stored.outputs;
      // Recorded again under this run, so resuming it later can reuse them too.
      this.options.onOutputs?.(plan.ids[i], stored.outputs);
      this.setState(i, 'succeeded', { reused: stored.runId });
    }
    const ready: number[] = [];
    // File order, so equal-ranked nodes start in the order the user wrote them.
    for (let i = 0; i < plan.ids.length; i++) {
      if (!plan.run[i]) continue;
      let count = 0;
      for (let k = plan.upStart[i]; k < plan.upStart[i + 1]; k++) {
        count += plan.run[plan.up[k]];
        this.unread[plan.up[k]]++;
      }
      this.waiting[i] = count;
      this.states[i] = 'pending';
      if (count === 0) ready.push(i);
    }
    this.remaining = plan.runCount;
    if (this.remaining === 0) this.finish();
    this.ctx.signal.addEventListener('abort', () => this.cancelWaiting(), { once: true });
    for (const i of ready) this.becomeReady(i);
    return done.then(() => this.states.filter((s): s is NodeState => s !== undefined));
  }

  private becomeReady(i: number): void {
    if (terminal.has(this.states[i]!)) return;
    if (this.ctx.signal.aborted) return this.complete(i, 'cancelled', { reason: 'the run was cancelled' });
    const skip = this.skipReason(i);
    if (skip) return this.complete(i, 'skipped', { reason: skip });
    if (this.active < this.ctx.concurrency) return this.start(i);
    this.queue.push(i);
    this.setState(i, 'queued');
  }

  /** The node's trigger rule over its upstream states; a reason to skip, or undefined to run. */
  private skipReason(i: number): string | undefined {
    const { upStart, up, ids } = this.plan;
    const trigger = this.nodes[i].trigger ?? 'all_success';
    if (trigger === 'all_done') return undefined;
    let failed = false;
    for (let k = upStart[i]; k < upStart[i + 1]; k++) {
      const state = this.states[up[k]];
      if (state === 'failed') failed = true;
      if (trigger === 'all_success' && state !== 'succeeded') return `upstream node ${ids[up[k]]} ${state}`;
    }
    if (trigger === 'one_failed' && !failed) return 'no upstream node failed (trigger one_failed)';
    return undefined;
  }

  private start(i: number): void {
    this.active++;
    void this.execute(i).then(({ state, extra }) => {
      this.active--;
      this.complete(i, state, extra);
      this.drainQueue();
    });
  }

  /** Runs one node to its end state; never throws. */
  private async execute(i: number): Promise<{ state: NodeState; extra: StateExtra }> {
    const node = this.nodes[i];
    const { inStart, inEdges, inFrom } = this.plan;
    const inputs: Record<string, unknown> = {};
    for (let k = inStart[i]; k < inStart[i + 1]; k++) inputs[inEdges[k].to.port] = this.outputs[inFrom[k]]?.[inEdges[k].from.port];
    this.letGoOfReadOutputs(i);
    const startedAt = Date.now();
    try {
      const { outputs, cached } = await executeNode(this.ctx, node, inputs);
      this.outputs[i] = outputs;
      const recordable = hasValues(outputs) ? await this.emitPreviews(i, outputs) : outputs;
      // Outputs that read rows loaded into this run only are not recorded: a resume runs their node again.
      if (recordable) this.options.onOutputs?.(node.id, recordable);
      return { state: 'succeeded', extra: { cached: cached || undefined, durationMs: Date.now() - startedAt } };
    } catch (error) {
      if (this.ctx.signal.aborted) return { state: 'cancelled', extra: { reason: 'the run was cancelled', durationMs: Date.now() - startedAt } };
      const info = nodeErrorInfo(error);
      this.errors.set(node.id, info);
      this.ctx.emit({ type: 'node:log', runId: this.ctx.runId, at: Date.now(), nodeId: node.id, level: 'error', message: info.message });
      return { state: 'failed', extra: { error: info, durationMs: Date.now() - startedAt } };
    }
  }

  /**
   * Stores each table output as a table of the run's database (downstream
   * nodes, the preview and the row count then read it instead of running the
   * node's query again), and previews every output: tables from DuckDB (first
   * rows, schema, count), json and text values cut to about 10 KB. Views
   * (filter, select) are never stored with previews. Without previews
   * (previewRows 0: a headless run nobody watches), and for lazy sources
   * always, a table output stays a query unless several nodes read it, so a
   * chain of SQL nodes runs as one fused query. Returns the outputs as the
   * run store should keep them for a resume, or undefined when one reads rows
   * that exist only in this run.
   */
  private async emitPreviews(i: number, outputs: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
    const { data, signal } = this.ctx;
    const node = this.nodes[i];
    const nodeId = node.id;
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
        const lazy = previewRows === 0 || definition?.lazy === true;
        const store = previewRows > 0 && definition?.view ? false : !lazy || this.readers(i, port) > 1;
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

  /** Node i has read its inputs: outputs no node of the run reads any more need not live until its end. */
  private letGoOfReadOutputs(i: number): void {
    const { upStart, up } = this.plan;
    for (let k = upStart[i]; k < upStart[i + 1]; k++) if (--this.unread[up[k]] === 0) this.outputs[up[k]] = undefined;
  }

  /**
   * The row conditions of the view nodes that read a lazy source's table
   * output when that output has no other reader (it stays a query then): the
   * source counts those rows in its own pass over the file.
   */
  readerConditions(nodeId: string): string[] {
    const i = this.plan.numberOf.get(nodeId);
    if (i === undefined || this.options.previewRows === 0) return [];
    const { downStart, down, inStart, inEdges, inFrom, run } = this.plan;
    const conditions: string[] = [];
    for (let k = downStart[i]; k < downStart[i + 1]; k++) {
      const d = down[k];
      const definition = this.ctx.registry.get(this.nodes[d].type);
      if (!run[d] || !definition?.rowCondition) continue;
      for (let e = inStart[d]; e < inStart[d + 1]; e++) {
        if (inFrom[e] !== i || this.readers(i, inEdges[e].from.port) !== 1) continue;
        try {
          conditions.push(definition.rowCondition(resolveNodeParams(this.nodes[d], definition, this.ctx.runParams)));
        } catch {
          // A bad param fails that node when it runs, with its own message.
        }
      }
    }
    return conditions;
  }

  /** How many edges read this output port. */
  private readers(i: number, port: string): number {
    const { downStart, down, inStart, inEdges, inFrom } = this.plan;
    let count = 0;
    for (let k = downStart[i]; k < downStart[i + 1]; k++) {
      const d = down[k];
      for (let e = inStart[d]; e < inStart[d + 1]; e++) if (inFrom[e] === i && inEdges[e].from.port === port) count++;
    }
    return count;
  }

  private drainQueue(): void {
    while (this.active < this.ctx.concurrency && this.queueHead < this.queue.length) {
      const i = this.queue[this.queueHead++];
      if (this.states[i] === 'queued') this.start(i);
    }
  }

  private complete(i: number, state: NodeState, extra: StateExtra = {}): void {
    if (terminal.has(this.states[i]!)) return;
    this.setState(i, state, extra);
    if (--this.remaining === 0) return this.finish();
    const { downStart, down, run } = this.plan;
    for (let k = downStart[i]; k < downStart[i + 1]; k++) {
      const d = down[k];
      if (run[d] && --this.waiting[d] === 0) this.becomeReady(d);
    }
  }

  /** On cancel: every node that has not started becomes cancelled at once. */
  private cancelWaiting(): void {
    for (let i = 0; i < this.states.length; i++) {
      const state = this.states[i];
      if (state !== 'pending' && state !== 'queued') continue;
      this.setState(i, 'cancelled', { reason: 'the run was cancelled' });
      this.remaining--;
    }
    if (this.remaining === 0) this.finish();
  }

  private setState(i: number, state: NodeState, extra: StateExtra = {}): void {
    this.states[i] = state;
    this.ctx.emit({ type: 'node:state', runId: this.ctx.runId, at: Date.now(), nodeId: this.plan.ids[i], state, ...extra });
  }
}

function hasValues(outputs: Record<string, unknown>): boolean {
  for (const port in outputs) if (outputs[port] !== null && outputs[port] !== undefined) return true;
  return false;
}

import type { PartialRun, PipelineEdge, PipelineFile } from '../contract';

/** Outputs an earlier run stored, usable instead of running the node again. */
export type Reusable = Map<string, { runId: string; outputs: Record<string, unknown> }>;

export interface RunPlan {
  /** Nodes this run executes. */
  run: Set<string>;
  /** Nodes whose stored outputs this run takes instead of executing them. */
  reuse: Set<string>;
  incoming: Map<string, PipelineEdge[]>;
  /** Distinct nodes before and after each node. */
  upstream: Map<string, string[]>;
  downstream: Map<string, string[]>;
}

/** Edges into each node and the distinct nodes after each one, built once per run. */
export function graphIndex(pipeline: PipelineFile): Pick<RunPlan, 'incoming' | 'upstream' | 'downstream'> {
  const incoming = new Map<string, PipelineEdge[]>();
  const upstream = new Map<string, string[]>();
  const downstream = new Map<string, string[]>();
  for (const { id } of pipeline.nodes) {
    incoming.set(id, []);
    upstream.set(id, []);
    downstream.set(id, []);
  }
  for (const edge of pipeline.edges) {
    const into = incoming.get(edge.to.node);
    const after = downstream.get(edge.from.node);
    if (!into || !after) continue;
    into.push(edge);
    upstream.get(edge.to.node)!.push(edge.from.node);
    after.push(edge.to.node);
  }
  // Two edges between the same pair of nodes (two ports) list the pair once; most lists are short and unique.
  for (const lists of [upstream, downstream]) {
    for (const [id, list] of lists) if (list.length > 1 && hasRepeats(list)) lists.set(id, [...new Set(list)]);
  }
  return { incoming, upstream, downstream };
}

function hasRepeats(list: string[]): boolean {
  return list.length === 2 ? list[0] === list[1] : new Set(list).size < list.length;
}

/**
 * Which nodes a run executes and which it reuses. The nodes that must run are
 * the whole graph, one node, everything up to or from a node, or (resume)
 * whatever did not succeed. Any input they need from outside that set comes
 * from a stored output when there is one, else its node runs too.
 */
export function planRun(
  pipeline: PipelineFile,
  options: { partial?: PartialRun; mustRun?: Iterable<string>; reusable?: Reusable; showReused?: Iterable<string> } = {},
): RunPlan {
  const index = graphIndex(pipeline);
  const upstream = (id: string) => index.upstream.get(id) ?? [];
  const required = new Set(options.mustRun ?? selectPartial(pipeline, index, options.partial));
  const run = new Set<string>();
  const reuse = new Set<string>();
  const stack = [...required];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (run.has(id)) continue;
    run.add(id);
    for (const up of upstream(id)) {
      if (run.has(up) || reuse.has(up) || required.has(up)) continue;
      if (options.reusable?.has(up)) reuse.add(up);
      else stack.push(up);
    }
  }
  // A resumed run shows every node of the run it continues, reused ones included.
  for (const id of options.showReused ?? []) if (!run.has(id) && options.reusable?.has(id)) reuse.add(id);
  return { run, reuse, ...index };
}

function selectPartial(pipeline: PipelineFile, index: Pick<RunPlan, 'upstream' | 'downstream'>, partial?: PartialRun): string[] {
  if (!partial) return pipeline.nodes.map((n) => n.id);
  if (!index.upstream.has(partial.nodeId)) throw new Error(`node ${partial.nodeId} is not in pipeline ${pipeline.id}`);
  if (partial.mode === 'node') return [partial.nodeId];
  const next = (id: string) => (partial.mode === 'upTo' ? index.upstream : index.downstream).get(id) ?? [];
  const seen = new Set([partial.nodeId]);
  const stack = [partial.nodeId];
  while (stack.length > 0) {
    for (const n of next(stack.pop()!)) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return [...seen];
}

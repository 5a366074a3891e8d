import type { PartialRun, PipelineEdge, PipelineFile } from '../contract';

/** Outputs an earlier run stored, usable instead of running the node again. */
export type Reusable = Map<string, { runId: string; outputs: Record<string, unknown> }>;

/**
 * The graph as numbers: node i is pipeline.nodes[i], and each adjacency is
 * one flat array sliced by a start array (node i's entries sit at
 * start[i] ..< start[i + 1]). A 10,000-node graph is a handful of typed
 * arrays rather than 30,000 small ones, which the garbage collector would
 * otherwise copy on every run.
 */
export interface GraphIndex {
  ids: readonly string[];
  numberOf: ReadonlyMap<string, number>;
  /** Edges into each node, in file order, and the number of each one's source node. */
  inStart: Int32Array;
  inEdges: readonly PipelineEdge[];
  inFrom: Int32Array;
  /** Distinct nodes right before and right after each node. */
  upStart: Int32Array;
  up: Int32Array;
  downStart: Int32Array;
  down: Int32Array;
}

export interface RunPlan extends GraphIndex {
  /** 1 for each node this run executes. */
  run: Uint8Array;
  /** 1 for each node whose stored outputs this run takes instead of executing it. */
  reuse: Uint8Array;
  runCount: number;
}

/** Builds the index in two passes over the edges; edges naming unknown nodes are left out. */
export function graphIndex(pipeline: PipelineFile): GraphIndex {
  const n = pipeline.nodes.length;
  const ids = pipeline.nodes.map((node) => node.id);
  const numberOf = new Map<string, number>();
  for (let i = 0; i < n; i++) numberOf.set(ids[i], i);
  const { edges } = pipeline;
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  const inCount = new Int32Array(n + 1);
  for (let e = 0; e < edges.length; e++) {
    const f = numberOf.get(edges[e].from.node);
    const t = numberOf.get(edges[e].to.node);
    from[e] = f ?? -1;
    to[e] = t ?? -1;
    if (f !== undefined && t !== undefined) inCount[t + 1]++;
  }
  const inStart = prefixSums(inCount);
  const inEdges = new Array<PipelineEdge>(inStart[n]);
  const inFrom = new Int32Array(inStart[n]);
  const next = inStart.slice(0, n);
  for (let e = 0; e < edges.length; e++) {
    if (from[e] < 0 || to[e] < 0) continue;
    const slot = next[to[e]]++;
    inEdges[slot] = edges[e];
    inFrom[slot] = from[e];
  }
  const [upStart, up] = distinct(inStart, inFrom, n);
  // Downstream lists: the same pairs, grouped by their source.
  const outCount = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) for (let k = upStart[t]; k < upStart[t + 1]; k++) outCount[up[k] + 1]++;
  const downStart = prefixSums(outCount);
  const down = new Int32Array(downStart[n]);
  const fill = downStart.slice(0, n);
  for (let t = 0; t < n; t++) for (let k = upStart[t]; k < upStart[t + 1]; k++) down[fill[up[k]]++] = t;
  return { ids, numberOf, inStart, inEdges, inFrom, upStart, up, downStart, down };
}

function prefixSums(counts: Int32Array): Int32Array {
  for (let i = 1; i < counts.length; i++) counts[i] += counts[i - 1];
  return counts;
}

/** Each node's list without repeats (two edges between one pair of nodes, on two ports, list the pair once). */
function distinct(start: Int32Array, values: Int32Array, n: number): [Int32Array, Int32Array] {
  const lastSeenBy = new Int32Array(n).fill(-1);
  const outStart = new Int32Array(n + 1);
  const out = new Int32Array(values.length);
  let size = 0;
  for (let i = 0; i < n; i++) {
    outStart[i] = size;
    for (let k = start[i]; k < start[i + 1]; k++) {
      const v = values[k];
      if (lastSeenBy[v] === i) continue;
      lastSeenBy[v] = i;
      out[size++] = v;
    }
  }
  outStart[n] = size;
  return [outStart, out.subarray(0, size)];
}

/** The edges into one node. */
export function incomingEdges(index: GraphIndex, nodeId: string): PipelineEdge[] {
  const i = index.numberOf.get(nodeId);
  return i === undefined ? [] : index.inEdges.slice(index.inStart[i], index.inStart[i + 1]);
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
  const n = index.ids.length;
  const run = new Uint8Array(n);
  const reuse = new Uint8Array(n);
  const reusable = (i: number) => options.reusable?.has(index.ids[i]) ?? false;
  if (!options.mustRun && !options.partial) {
    // The whole graph: nothing to search.
    run.fill(1);
    return { ...index, run, reuse, runCount: n };
  }
  const required = new Uint8Array(n);
  const stack = options.mustRun ? numbers(index, options.mustRun) : selectPartial(index, options.partial!, pipeline.id);
  for (const i of stack) required[i] = 1;
  let runCount = 0;
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (run[i]) continue;
    run[i] = 1;
    runCount++;
    for (let k = index.upStart[i]; k < index.upStart[i + 1]; k++) {
      const u = index.up[k];
      if (run[u] || reuse[u] || required[u]) continue;
      if (reusable(u)) reuse[u] = 1;
      else stack.push(u);
    }
  }
  // A resumed run shows every node of the run it continues, reused ones included.
  for (const i of numbers(index, options.showReused ?? [])) if (!run[i] && reusable(i)) reuse[i] = 1;
  return { ...index, run, reuse, runCount };
}

function numbers(index: GraphIndex, ids: Iterable<string>): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const i = index.numberOf.get(id);
    if (i !== undefined) out.push(i);
  }
  return out;
}

/** The node of a partial run and everything before it (upTo) or after it (from). */
function selectPartial(index: GraphIndex, partial: PartialRun, pipelineId: string): number[] {
  const start = index.numberOf.get(partial.nodeId);
  if (start === undefined) throw new Error(`node ${partial.nodeId} is not in pipeline ${pipelineId}`);
  if (partial.mode === 'node') return [start];
  const [offsets, list] = partial.mode === 'upTo' ? [index.upStart, index.up] : [index.downStart, index.down];
  const seen = new Uint8Array(index.ids.length);
  seen[start] = 1;
  const found = [start];
  for (let head = 0; head < found.length; head++) {
    const i = found[head];
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      if (seen[list[k]]) continue;
      seen[list[k]] = 1;
      found.push(list[k]);
    }
  }
  return found;
}

import type { Edge, Node } from '@xyflow/react';
import { nodePorts, type NodeTypeInfo, type PipelineFile, type PipelineNode, type PortInfo } from '../../node-library/contract';
import type { NodeSize } from '../store/pipeline-slice';
import { annotationNodes, type AnnotationFlowNode } from './annotation-nodes';
import { autoLayout } from './auto-layout';
import { categoryStyle, type CategoryStyle } from './category-style';
import { estimatedHandles, estimatedHeight, nodeWidth } from './node-geometry';

export type PipelineNodeData = {
  label: string;
  nodeType: string;
  title: string;
  style: CategoryStyle;
  inputs: PortInfo[];
  outputs: PortInfo[];
  problems: readonly string[];
};

export type PipelineFlowNode = Node<PipelineNodeData, 'pipeline'>;
/** Everything the canvas draws as a node: pipeline nodes, frames and notes. */
export type CanvasNode = PipelineFlowNode | AnnotationFlowNode;

export interface FlowInput {
  nodeTypes: ReadonlyMap<string, NodeTypeInfo>;
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  selectedAnnotationIds: readonly string[];
  nodeSizes: Record<string, NodeSize>;
  problemsByNode: ReadonlyMap<string, readonly string[]>;
}

const noProblems: readonly string[] = [];
const unknownStyle = categoryStyle('unknown');

/** What toFlow keeps between calls, so an unchanged node keeps its object (memoised views skip it). */
export interface FlowCache {
  nodes: Map<string, CachedNode>;
  annotations: Parameters<typeof annotationNodes>[2];
  edges: EdgeCache;
  /** The last call: when only per-node view state changed since (selection, sizes, problems), only the nodes it changed for are rebuilt. */
  last?: { pipeline: PipelineFile; input: FlowInput; nodes: PipelineFlowNode[]; index: ReadonlyMap<string, number> };
}

export const newFlowCache = (): FlowCache => ({ nodes: new Map(), annotations: new Map(), edges: {} });

/**
 * The one adapter from a pipeline file (plus the canvas view) to xyflow's
 * nodes and edges. Nothing xyflow-only flows back into the file.
 * `cache` keeps each node's object while its inputs are unchanged, and the
 * edge list while the edges are. A click that selects a node, or a node
 * measured anew, changes a few nodes, not 10,000: then only those are looked at.
 * Run states are not in here: nodes and wires read them through NodeRunContext (node-run.ts).
 */
export function toFlow(pipeline: PipelineFile, input: FlowInput, cache: FlowCache = newFlowCache()): { nodes: CanvasNode[]; edges: Edge[] } {
  const nodes = sameGraph(cache.last, pipeline, input) ? rebuildChanged(cache, pipeline, input) : allNodes(cache, pipeline, input);
  const ids = cache.last!.index;
  const edges = flowEdges(pipeline, input.selectedEdgeIds, ids, cache.edges);
  // Frames and notes first: xyflow draws them under the nodes.
  return { nodes: [...annotationNodes(pipeline, input.selectedAnnotationIds, cache.annotations), ...nodes], edges };
}

/** Whether only per-node view state (selection, measured sizes, problems) can have changed since the last call. */
function sameGraph(last: FlowCache['last'], pipeline: PipelineFile, input: FlowInput): last is NonNullable<FlowCache['last']> {
  if (!last) return false;
  const [was, is] = [last.pipeline, pipeline];
  return was.nodes === is.nodes && was.layout === is.layout && was.edges === is.edges && last.input.nodeTypes === input.nodeTypes;
}

/** The nodes whose selection, measured size or problems differ between two inputs: a walk over those maps, not over every node. */
function changedNodeIds(was: FlowInput, is: FlowInput): Set<string> {
  const ids = new Set<string>();
  if (was.selectedNodeIds !== is.selectedNodeIds) for (const id of [...was.selectedNodeIds, ...is.selectedNodeIds]) ids.add(id);
  if (was.nodeSizes !== is.nodeSizes) {
    for (const id in was.nodeSizes) if (was.nodeSizes[id] !== is.nodeSizes[id]) ids.add(id);
    for (const id in is.nodeSizes) if (was.nodeSizes[id] !== is.nodeSizes[id]) ids.add(id);
  }
  if (was.problemsByNode !== is.problemsByNode) {
    for (const [id, problems] of was.problemsByNode) if (is.problemsByNode.get(id) !== problems) ids.add(id);
    for (const [id, problems] of is.problemsByNode) if (was.problemsByNode.get(id) !== problems) ids.add(id);
  }
  return ids;
}

function allNodes(cache: FlowCache, pipeline: PipelineFile, input: FlowInput): PipelineFlowNode[] {
  const nodeFor = flowNodeMaker(cache, pipeline, input);
  const nodes = pipeline.nodes.map(nodeFor);
  const index = new Map(pipeline.nodes.map((n, i) => [n.id, i]));
  for (const id of cache.nodes.keys()) if (!index.has(id)) cache.nodes.delete(id);
  cache.last = { pipeline, input, nodes, index };
  return nodes;
}

/** Only the nodes whose view state changed are rebuilt; the rest keep their objects. */
function rebuildChanged(cache: FlowCache, pipeline: PipelineFile, input: FlowInput): PipelineFlowNode[] {
  const last = cache.last!;
  const changed = changedNodeIds(last.input, input);
  if (changed.size === 0) {
    cache.last = { ...last, pipeline, input };
    return last.nodes;
  }
  const nodeFor = flowNodeMaker(cache, pipeline, input);
  const nodes = last.nodes.slice();
  for (const id of changed) {
    const i = last.index.get(id);
    if (i !== undefined) nodes[i] = nodeFor(pipeline.nodes[i]);
  }
  cache.last = { ...last, pipeline, input, nodes };
  return nodes;
}

/** Builds one node, or returns its cached object when nothing it is drawn from changed. */
function flowNodeMaker(cache: FlowCache, pipeline: PipelineFile, input: FlowInput): (node: PipelineNode) => PipelineFlowNode {
  // Nodes without a saved place get one from auto-layout, run once and only if one is met.
  let fallback: ReturnType<typeof autoLayout> | undefined;
  const selectedNodes = new Set(input.selectedNodeIds);
  return (node) => {
    const deps = [
      node,
      pipeline.layout[node.id] ?? (fallback ??= autoLayout(pipeline))[node.id],
      input.nodeTypes.get(node.type),
      selectedNodes.has(node.id),
      input.nodeSizes[node.id],
      input.problemsByNode.get(node.id) ?? noProblems,
      // Ports of an unknown type come from its edges.
      input.nodeTypes.has(node.type) ? null : pipeline.edges,
    ] as const;
    const cached = cache.nodes.get(node.id);
    if (cached && cached.deps.every((d, i) => d === deps[i])) return cached.node;
    const flowNode = buildNode(pipeline, node, deps);
    cache.nodes.set(node.id, { deps, node: flowNode });
    return flowNode;
  };
}

/** The last edge list and what it was built from. */
export interface EdgeCache {
  edges?: PipelineFile['edges'];
  nodes?: PipelineFile['nodes'];
  selected?: readonly string[];
  flow?: Edge[];
}

/**
 * The wires, the same array while the pipeline's edges, nodes and the edge
 * selection are: run states reach them through PipelineEdge, not this list.
 */
function flowEdges(pipeline: PipelineFile, selectedEdgeIds: readonly string[], ids: ReadonlyMap<string, number>, cache: EdgeCache): Edge[] {
  if (cache.flow && cache.edges === pipeline.edges && cache.nodes === pipeline.nodes && cache.selected === selectedEdgeIds) return cache.flow;
  const selected = new Set(selectedEdgeIds);
  const flow = pipeline.edges
    .filter((edge) => ids.has(edge.from.node) && ids.has(edge.to.node))
    .map((edge): Edge => ({
      id: edge.id,
      type: 'pipeline',
      source: edge.from.node,
      sourceHandle: edge.from.port,
      target: edge.to.node,
      targetHandle: edge.to.port,
      selected: selected.has(edge.id),
      className: 'pw-edge',
    }));
  Object.assign(cache, { edges: pipeline.edges, nodes: pipeline.nodes, selected: selectedEdgeIds, flow });
  return flow;
}

export interface CachedNode {
  deps: readonly unknown[];
  node: PipelineFlowNode;
}

type Deps = readonly [
  PipelineNode,
  { x: number; y: number; width?: number; height?: number } | undefined,
  NodeTypeInfo | undefined,
  boolean,
  NodeSize | undefined,
  readonly string[],
  unknown,
];

function buildNode(pipeline: PipelineFile, node: PipelineNode, [, layout, info, selected, size, problems]: Deps): PipelineFlowNode {
  // Declared ports for code nodes; an unknown type's ports come from its edges.
  const inputs = info ? nodePorts(node, info).inputs : portsFromEdges(pipeline, node, 'to');
  const outputs = info ? nodePorts(node, info).outputs : portsFromEdges(pipeline, node, 'from');
  return {
    id: node.id,
    type: 'pipeline',
    position: layout ? { x: layout.x, y: layout.y } : { x: 0, y: 0 },
    width: layout?.width,
    height: layout?.height,
    // Until the node is measured, its size and handles as drawn: a node off screen is then never rendered only to be measured.
    measured: size ?? { width: nodeWidth, height: estimatedHeight(inputs, outputs) },
    handles: size ? undefined : estimatedHandles(inputs, outputs),
    selected,
    data: {
      label: node.label ?? info?.title ?? `${node.type} (unknown type)`,
      nodeType: node.type,
      // Under a label the type's title; under the default title, the id that tells two apart.
      title: node.label === undefined ? node.id : (info?.title ?? node.type),
      style: info ? categoryStyle(info.category) : unknownStyle,
      inputs,
      outputs,
      problems,
    },
  };
}

/** Ports of a node type the catalog does not know (yet): the ones its edges use. */
function portsFromEdges(pipeline: PipelineFile, node: PipelineNode, side: 'from' | 'to'): PortInfo[] {
  const ids = pipeline.edges.filter((e) => e[side].node === node.id).map((e) => e[side].port);
  return [...new Set(ids)].map((id) => ({ id, type: 'any' }));
}

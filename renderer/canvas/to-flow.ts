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

/**
 * The one adapter from a pipeline file (plus the run and canvas view) to
 * xyflow's nodes and edges. Nothing xyflow-only flows back into the file.
 * `cache` keeps each node's object while its inputs are unchanged, so
 * memoised node views skip re-rendering (`annotationCache` does the same for frames and notes; `edgeCache` keeps the edge list).
 * Run states are not in here: nodes and wires read them through NodeRunContext (node-run.ts).
 */
export function toFlow(pipeline: PipelineFile, input: FlowInput, cache = new Map<string, CachedNode>(), annotationCache = new Map(), edgeCache: EdgeCache = {}): { nodes: CanvasNode[]; edges: Edge[] } {
  const fallback = pipeline.nodes.some((n) => !pipeline.layout[n.id]) ? autoLayout(pipeline) : {};
  const selectedNodes = new Set(input.selectedNodeIds);

  const nodes = pipeline.nodes.map((node): PipelineFlowNode => {
    const deps = [
      node,
      pipeline.layout[node.id] ?? fallback[node.id],
      input.nodeTypes.get(node.type),
      selectedNodes.has(node.id),
      input.nodeSizes[node.id],
      input.problemsByNode.get(node.id) ?? noProblems,
      // Ports of an unknown type come from its edges.
      input.nodeTypes.has(node.type) ? null : pipeline.edges,
    ] as const;
    const cached = cache.get(node.id);
    if (cached && cached.deps.every((d, i) => d === deps[i])) return cached.node;
    const flowNode = buildNode(pipeline, node, deps);
    cache.set(node.id, { deps, node: flowNode });
    return flowNode;
  });
  const ids = new Set(pipeline.nodes.map((n) => n.id));
  for (const id of cache.keys()) if (!ids.has(id)) cache.delete(id);

  const edges = flowEdges(pipeline, input.selectedEdgeIds, ids, edgeCache);

  // Frames and notes first: xyflow draws them under the nodes.
  return { nodes: [...annotationNodes(pipeline, input.selectedAnnotationIds, annotationCache), ...nodes], edges };
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
function flowEdges(pipeline: PipelineFile, selectedEdgeIds: readonly string[], ids: ReadonlySet<string>, cache: EdgeCache): Edge[] {
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

import type { Edge, Node } from '@xyflow/react';
import type { NodeState, NodeTypeInfo, PipelineFile, PipelineNode, PortInfo } from '../../node-library/contract';
import type { NodeSize } from '../store/pipeline-slice';
import { autoLayout } from './auto-layout';

export type PipelineNodeData = {
  label: string;
  nodeType: string;
  title: string;
  state: NodeState;
  inputs: PortInfo[];
  outputs: PortInfo[];
};

export type PipelineFlowNode = Node<PipelineNodeData, 'pipeline'>;

export interface FlowInput {
  nodeTypes: NodeTypeInfo[];
  nodeStates: Record<string, NodeState>;
  selectedNodeId: string | null;
  nodeSizes: Record<string, NodeSize>;
}

/**
 * The one adapter from a pipeline file (plus the run and canvas view) to
 * xyflow's nodes and edges. Nothing xyflow-only flows back into the file.
 */
export function toFlow(pipeline: PipelineFile, input: FlowInput): { nodes: PipelineFlowNode[]; edges: Edge[] } {
  const types = new Map(input.nodeTypes.map((t) => [t.type, t]));
  const fallback = pipeline.nodes.some((n) => !pipeline.layout[n.id]) ? autoLayout(pipeline) : {};
  const stateOf = (nodeId: string): NodeState => input.nodeStates[nodeId] ?? 'pending';

  const nodes = pipeline.nodes.map((node): PipelineFlowNode => {
    const layout = pipeline.layout[node.id];
    const state = stateOf(node.id);
    const info = types.get(node.type);
    return {
      id: node.id,
      type: 'pipeline',
      position: layout ? { x: layout.x, y: layout.y } : fallback[node.id],
      width: layout?.width,
      height: layout?.height,
      measured: input.nodeSizes[node.id],
      selected: node.id === input.selectedNodeId,
      domAttributes: { 'data-state': state } as never,
      data: {
        label: node.label ?? node.id,
        nodeType: node.type,
        title: info?.title ?? node.type,
        state,
        inputs: info?.inputs ?? portsFromEdges(pipeline, node, 'to'),
        outputs: info?.outputs ?? portsFromEdges(pipeline, node, 'from'),
      },
    };
  });

  const edges = pipeline.edges.map((edge): Edge => ({
    id: edge.id,
    source: edge.from.node,
    sourceHandle: edge.from.port,
    target: edge.to.node,
    targetHandle: edge.to.port,
    animated: stateOf(edge.to.node) === 'running',
    className: `pw-edge pw-edge--${stateOf(edge.from.node)}`,
  }));

  return { nodes, edges };
}

/** Ports of a node type the catalog does not know (yet): the ones its edges use. */
function portsFromEdges(pipeline: PipelineFile, node: PipelineNode, side: 'from' | 'to'): PortInfo[] {
  const ids = pipeline.edges.filter((e) => e[side].node === node.id).map((e) => e[side].port);
  return [...new Set(ids)].map((id) => ({ id, type: 'any' }));
}

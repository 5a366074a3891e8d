import { useCallback } from 'react';
import { nodePorts, type NodeTypeInfo, type PipelineNode } from '../../node-library/contract';
import { addNode } from '../edits/add-node';
import { connect, connectionProblem } from '../edits/connect';
import { compatiblePort } from '../palette/search-node-types';
import { useAppStore } from '../store/app-store';
import type { XY } from '../store/pipeline-slice';
import { nodeTypeMap } from '../store/selectors';
import type { QuickAdd } from '../store/ui-slice';

export const gridSize = 20;
const snap = (v: number) => Math.round(v / gridSize) * gridSize;

/**
 * Adds a node of a type at a canvas position (snapped to the grid when snap
 * is on) and selects it. With `from`, a wire dropped on empty canvas, it also
 * connects the new node to that port; both make one undo step.
 */
export function useAddNode(): (nodeType: string, at: XY, from?: QuickAdd['from']) => string | null {
  return useCallback((nodeType, at, from) => {
    const { nodeTypes, openPipeline, snapToGrid, edit, select } = useAppStore.getState();
    const types = nodeTypeMap(nodeTypes);
    const info = types.get(nodeType);
    if (!info || !openPipeline) return null;
    const position = snapToGrid ? { x: snap(at.x), y: snap(at.y) } : at;
    let added: string | null = null;
    edit((pipeline) => {
      const result = addNode(pipeline, info, position);
      added = result.nodeId;
      if (!from) return result.pipeline;
      const fromNode = pipeline.nodes.find((n) => n.id === from.nodeId);
      const fromType = fromPortType(fromNode, types.get(fromNode?.type ?? ''), from);
      const port = compatiblePort(info, fromType, from.side);
      if (!port) return result.pipeline;
      const ends = from.side === 'source'
        ? { from: { node: from.nodeId, port: from.portId }, to: { node: result.nodeId, port } }
        : { from: { node: result.nodeId, port }, to: { node: from.nodeId, port: from.portId } };
      if (connectionProblem(result.pipeline, types, ends.from, ends.to)) return result.pipeline;
      return connect(result.pipeline, ends.from, ends.to);
    });
    if (added) select({ selectedNodeIds: [added] });
    return added;
  }, []);
}

/** The type of the port a dropped wire came from: the node's declared ports for code nodes. */
function fromPortType(node: PipelineNode | undefined, info: NodeTypeInfo | undefined, from: NonNullable<QuickAdd['from']>) {
  if (!node || !info) return 'any';
  const ports = nodePorts(node, info);
  return (from.side === 'source' ? ports.outputs : ports.inputs).find((p) => p.id === from.portId)?.type ?? 'any';
}

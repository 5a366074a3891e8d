import { useCallback } from 'react';
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
      const fromType = fromPortType(types.get(pipeline.nodes.find((n) => n.id === from.nodeId)?.type ?? ''), from);
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

function fromPortType(info: Parameters<typeof compatiblePort>[0] | undefined, from: NonNullable<QuickAdd['from']>) {
  const ports = from.side === 'source' ? info?.outputs : info?.inputs;
  return ports?.find((p) => p.id === from.portId)?.type ?? 'any';
}

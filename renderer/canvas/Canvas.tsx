import { Background, Controls, MiniMap, ReactFlow, type NodeChange, type NodeMouseHandler, type NodeTypes } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/app-store';
import { selectCanvasInput } from '../store/selectors';
import './canvas.css';
import { collectNodeChanges } from './node-changes';
import { PipelineNode } from './PipelineNode';
import { toFlow, type PipelineFlowNode } from './to-flow';

const nodeTypes: NodeTypes = { pipeline: PipelineNode };
const fitViewOptions = { padding: 0.25, maxZoom: 1.1 };
const minimapClass = (node: PipelineFlowNode) => `pw-minimap-node pw-minimap-node--${node.data.state}`;

/** The open pipeline as a graph. The store is the source of truth; xyflow only draws it. */
export function Canvas() {
  const input = useAppStore(useShallow(selectCanvasInput));
  const flow = useMemo(() => (input.pipeline ? toFlow(input.pipeline, input) : null), [input]);

  const onNodesChange = useCallback((changes: NodeChange<PipelineFlowNode>[]) => {
    const { positions, sizes } = collectNodeChanges(changes);
    const { moveNodes, setNodeSizes } = useAppStore.getState();
    if (Object.keys(positions).length > 0) moveNodes(positions);
    if (Object.keys(sizes).length > 0) setNodeSizes(sizes);
  }, []);
  const onNodeClick = useCallback<NodeMouseHandler<PipelineFlowNode>>((_, node) => useAppStore.getState().selectNode(node.id), []);
  const onPaneClick = useCallback(() => useAppStore.getState().selectNode(null), []);

  if (!input.pipeline || !flow) {
    return <div className="pw-canvas pw-canvas--empty">Choose a pipeline on the left to open it.</div>;
  }
  return (
    <div className="pw-canvas" data-testid="canvas">
      <ReactFlow<PipelineFlowNode>
        key={input.pipeline.id}
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        nodesConnectable={false}
        deleteKeyCode={null}
        fitView
        fitViewOptions={fitViewOptions}
      >
        <Background gap={20} size={1.2} color="#d5dae1" />
        <Controls showInteractive={false} />
        <MiniMap<PipelineFlowNode> nodeClassName={minimapClass} pannable zoomable />
      </ReactFlow>
    </div>
  );
}

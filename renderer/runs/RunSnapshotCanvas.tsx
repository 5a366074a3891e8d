import { Background, BackgroundVariant, Controls, ReactFlow, ReactFlowProvider, applyNodeChanges, type EdgeTypes, type NodeChange, type NodeTypes } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { NodeRunContext, pastRun } from '../canvas/node-run';
import { PipelineEdge } from '../canvas/PipelineEdge';
import { PipelineNode } from '../canvas/PipelineNode';
import { toFlow, type PipelineFlowNode } from '../canvas/to-flow';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { useAppStore } from '../store/app-store';
import type { PastRun } from '../store/runs-view-slice';
import { nodeTypeMap } from '../store/selectors';

const nodeTypes: NodeTypes = { pipeline: PipelineNode };
const edgeTypes: EdgeTypes = { pipeline: PipelineEdge };
const fitViewOptions = { padding: 0.2, maxZoom: 1.1 };
const noProblems = new Map<string, readonly string[]>();

/**
 * The pipeline exactly as it ran (its stored snapshot, not today's file),
 * with the run's states: read-only; a click shows the node in the bottom panel.
 */
export function RunSnapshotCanvas({ past }: { past: PastRun }) {
  const types = useAppStore((s) => s.nodeTypes);
  const selected = useAppStore((s) => s.pastRunNodeId);
  const colorMode = useResolvedTheme();
  const run = useMemo(() => pastRun(past), [past]);
  const flow = useMemo(
    () =>
      toFlow(past.detail.pipeline, {
        nodeTypes: nodeTypeMap(types),
        selectedNodeIds: selected ? [selected] : [],
        selectedEdgeIds: [],
        selectedAnnotationIds: [],
        nodeSizes: {},
        problemsByNode: noProblems,
      }),
    [past, types, selected],
  );
  // The run's nodes only: frames and notes are the editor's, not part of what ran.
  const pipelineNodes = useMemo(() => flow.nodes.filter((n): n is PipelineFlowNode => n.type === 'pipeline'), [flow.nodes]);
  // Measured sizes stay local: xyflow needs them to draw edges, the snapshot never changes.
  const [nodes, setNodes] = useState<PipelineFlowNode[]>(pipelineNodes);
  useEffect(() => setNodes((current) => pipelineNodes.map((n) => ({ ...n, measured: current.find((c) => c.id === n.id)?.measured }))), [pipelineNodes]);
  const onNodesChange = (changes: NodeChange<PipelineFlowNode>[]) => setNodes((current) => applyNodeChanges(changes.filter((c) => c.type === 'dimensions'), current));
  return (
    <div className="pw-canvas pw-run-snapshot" data-testid="run-snapshot-canvas">
      <ReactFlowProvider>
        <NodeRunContext value={run}>
        <ReactFlow<PipelineFlowNode>
          key={past.detail.run.runId}
          nodes={nodes}
          edges={flow.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeClick={(_, node) => useAppStore.getState().selectPastRunNode(node.id)}
          onPaneClick={() => useAppStore.getState().selectPastRunNode(null)}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          deleteKeyCode={null}
          colorMode={colorMode}
          fitView
          fitViewOptions={fitViewOptions}
          minZoom={0.1}
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} className="pw-canvas__background" />
          <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
        </ReactFlow>
        </NodeRunContext>
      </ReactFlowProvider>
    </div>
  );
}

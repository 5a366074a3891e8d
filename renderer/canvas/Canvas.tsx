import { Background, BackgroundVariant, Controls, ReactFlow, useStore, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { gridSize } from '../hooks/useAddNode';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { useAppStore } from '../store/app-store';
import { selectCanvasInput } from '../store/selectors';
import './annotations.css';
import './canvas.css';
import { CanvasMinimap } from './CanvasMinimap';
import { CanvasToolbar } from './CanvasToolbar';
import { ConnectionHint } from './ConnectionHint';
import { FrameNode } from './FrameNode';
import { NoteNode } from './NoteNode';
import { OverviewContext, selectOverview } from './overview';
import { PipelineNode } from './PipelineNode';
import { PipelineEdge } from './PipelineEdge';
import { newFlowCache, toFlow, type CanvasNode } from './to-flow';
import { useCanvasHandlers } from './useCanvasHandlers';

const nodeTypes: NodeTypes = { pipeline: PipelineNode, frame: FrameNode, note: NoteNode };
const edgeTypes: EdgeTypes = { pipeline: PipelineEdge };
const fitViewOptions = { padding: 0.25, maxZoom: 1.1 };
const snapGrid: [number, number] = [gridSize, gridSize];
const multiSelectKeys = ['Shift', 'Meta', 'Control'];
/** The open pipeline as a graph. The store is the source of truth; xyflow only draws it. */
export function Canvas() {
  const input = useAppStore(useShallow(selectCanvasInput));
  const { pipeline, snapToGrid } = input;
  const cache = useRef(newFlowCache());
  const flow = useMemo(() => (input.pipeline ? toFlow(input.pipeline, input, cache.current) : null), [input]);
  const handlers = useCanvasHandlers();
  // Fit the view when a pipeline opens with nodes; an empty one keeps its viewport, so drops land where they are dropped.
  const fitOnOpen = useMemo(() => (input.pipeline?.nodes.length ?? 0) > 0, [input.pipeline?.id]); // recomputed per pipeline only
  const colorMode = useResolvedTheme();
  const overview = useStore(selectOverview);

  if (!pipeline || !flow) {
    return <div className="pw-canvas pw-canvas--empty">Choose a pipeline on the left to open it, or make a new one.</div>;
  }
  return (
    <div className={`pw-canvas${overview ? ' pw-canvas--overview' : ''}`} data-testid="canvas">
      <OverviewContext value={overview}>
      <ReactFlow<CanvasNode>
        key={pipeline.id}
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={handlers.onNodesChange}
        onEdgesChange={handlers.onEdgesChange}
        onNodeDragStop={handlers.onDragStop}
        onSelectionDragStop={handlers.onDragStop}
        onConnect={handlers.onConnect}
        onConnectEnd={handlers.onConnectEnd}
        isValidConnection={handlers.isValidConnection}
        onDragOver={handlers.onDragOver}
        onDrop={handlers.onDrop}
        onDoubleClick={handlers.onDoubleClick}
        onMouseMove={handlers.onMouseMove}
        onMouseLeave={handlers.onMouseLeave}
        colorMode={colorMode}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={multiSelectKeys}
        zoomOnDoubleClick={false}
        snapToGrid={snapToGrid}
        snapGrid={snapGrid}
        connectionRadius={24}
        minZoom={0.05}
        fitView={fitOnOpen}
        fitViewOptions={fitViewOptions}
        onlyRenderVisibleElements={!overview}
      >
        <Background variant={BackgroundVariant.Dots} gap={gridSize} size={1.2} className="pw-canvas__background" />
        <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
        {pipeline.nodes.length > 0 && <CanvasMinimap colorMode={colorMode} />}
        <ConnectionHint />
        <CanvasToolbar />
        {pipeline.nodes.length === 0 && (
          <div className="pw-canvas__hint" data-testid="canvas-empty-hint">
            Drag a node here from the palette,
            <br />
            or double-click the canvas (or press <kbd>/</kbd>) to add one.
          </div>
        )}
      </ReactFlow>
      </OverviewContext>
    </div>
  );
}

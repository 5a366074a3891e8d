import { Background, BackgroundVariant, Controls, ReactFlow, useStore, type EdgeTypes, type NodeTypes, type Viewport } from '@xyflow/react';
import type { PipelineFile } from '../../node-library/contract';
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
/** Past this many nodes a pipeline opens at 100% on its first nodes instead of fitted (see openingView). */
const fitLimit = 2000;
const defaultViewport = { x: 0, y: 0, zoom: 1 };
const openingMargin = 60;

/**
 * How the canvas first shows a pipeline. One with nodes is fitted into view;
 * an empty one keeps the default viewport, so drops land where they are dropped.
 * A huge one opens at 100% at its top left corner, the minimap showing the
 * rest: fitted, all 10,000 nodes of one are drawn at once as overview boxes,
 * which took 8 s and left 300 MB of garbage whose collection later froze the page.
 */
function openingView(pipeline: PipelineFile | null): { fit: boolean; viewport: Viewport } {
  const count = pipeline?.nodes.length ?? 0;
  if (count <= fitLimit) return { fit: count > 0, viewport: defaultViewport };
  let [left, top] = [Infinity, Infinity];
  for (const place of Object.values(pipeline!.layout)) [left, top] = [Math.min(left, place.x), Math.min(top, place.y)];
  if (!Number.isFinite(left)) [left, top] = [0, 0]; // no saved layout: auto-layout starts at the origin
  return { fit: false, viewport: { x: openingMargin - left, y: openingMargin - top, zoom: 1 } };
}

/** The open pipeline as a graph. The store is the source of truth; xyflow only draws it. */
export function Canvas() {
  const input = useAppStore(useShallow(selectCanvasInput));
  const { pipeline, snapToGrid } = input;
  const cache = useRef(newFlowCache());
  const flow = useMemo(() => (input.pipeline ? toFlow(input.pipeline, input, cache.current) : null), [input]);
  const handlers = useCanvasHandlers();
  const opening = useMemo(() => openingView(input.pipeline), [input.pipeline?.id]); // recomputed per pipeline only
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
        fitView={opening.fit}
        defaultViewport={opening.viewport}
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

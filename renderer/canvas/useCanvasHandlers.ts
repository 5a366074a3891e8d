import { useReactFlow, type Connection, type Edge, type EdgeChange, type FinalConnectionState, type NodeChange } from '@xyflow/react';
import { useMemo, type DragEvent, type MouseEvent } from 'react';
import { useAddNode } from '../hooks/useAddNode';
import { connectionRefusal, useConnectPorts } from '../hooks/useConnectPorts';
import { useOpenQuickAdd } from '../hooks/useOpenQuickAdd';
import { nodeTypeMime } from '../palette/search-node-types';
import { isAnnotation } from '../edits/annotations';
import { useAppStore } from '../store/app-store';
import { collectEdgeSelection, collectNodeChanges } from './node-changes';
import { canvasPointer } from './canvas-pointer';
import type { CanvasNode } from './to-flow';

/** Where a dropped node goes relative to the pointer: its title under the cursor. */
const grabOffset = { x: 110, y: 24 };

const isPane = (target: EventTarget | null) => target instanceof Element && target.classList.contains('react-flow__pane');

function partition(record: Record<string, boolean>, test: (id: string) => boolean): [Record<string, boolean>, Record<string, boolean>] {
  const yes: Record<string, boolean> = {};
  const no: Record<string, boolean> = {};
  for (const [id, value] of Object.entries(record)) (test(id) ? yes : no)[id] = value;
  return [yes, no];
}

/** The canvas's event handlers: every change goes to the store, every command through its hook. */
export function useCanvasHandlers() {
  const { screenToFlowPosition } = useReactFlow();
  const addNode = useAddNode();
  const onConnect = useConnectPorts();
  const openQuickAdd = useOpenQuickAdd();

  return useMemo(
    () => ({
      onNodesChange(changes: NodeChange<CanvasNode>[]) {
        const { positions, dragging, sizes, selected, resized } = collectNodeChanges(changes);
        const store = useAppStore.getState();
        if (Object.keys(positions).length > 0) store.moveNodes(positions, dragging);
        for (const [id, { box, resizing }] of Object.entries(resized)) store.resizeAnnotation(id, box, resizing);
        if (Object.keys(sizes).length > 0) store.setNodeSizes(sizes);
        if (Object.keys(selected).length > 0) {
          const [annotations, nodes] = partition(selected, (id) => isAnnotation(store.openPipeline, id));
          store.applySelectionChanges(nodes, {}, annotations);
        }
      },
      onEdgesChange(changes: EdgeChange[]) {
        const selected = collectEdgeSelection(changes);
        if (Object.keys(selected).length > 0) useAppStore.getState().applySelectionChanges({}, selected);
      },
      onDragStop() {
        useAppStore.getState().endGesture();
      },
      onConnect,
      isValidConnection: (c: Connection | Edge) => connectionRefusal(c as Connection) === null,
      onConnectEnd(event: globalThis.MouseEvent | TouchEvent, state: FinalConnectionState) {
        // A wire dropped on empty canvas: offer the node types that can take it.
        if (state.isValid || state.toHandle || !state.fromHandle || !state.fromNode || !isPane(event.target)) return;
        const point = 'changedTouches' in event ? event.changedTouches[0] : event;
        openQuickAdd({ x: point.clientX, y: point.clientY }, { nodeId: state.fromNode.id, portId: state.fromHandle.id ?? '', side: state.fromHandle.type });
      },
      onDragOver(event: DragEvent) {
        if (!event.dataTransfer.types.includes(nodeTypeMime)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      },
      onDrop(event: DragEvent) {
        const nodeType = event.dataTransfer.getData(nodeTypeMime);
        if (!nodeType) return;
        event.preventDefault();
        const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
        addNode(nodeType, { x: at.x - grabOffset.x, y: at.y - grabOffset.y });
      },
      onDoubleClick(event: MouseEvent) {
        if (isPane(event.target)) openQuickAdd({ x: event.clientX, y: event.clientY });
      },
      onMouseMove(event: MouseEvent) {
        canvasPointer.set({ x: event.clientX, y: event.clientY });
      },
      onMouseLeave() {
        canvasPointer.set(null);
      },
    }),
    [addNode, onConnect, openQuickAdd, screenToFlowPosition],
  );
}

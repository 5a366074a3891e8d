import { Panel, useReactFlow, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useEffect, useRef, type PointerEvent } from 'react';
import type { NodeState } from '../../node-library/contract';
import { useAppStore } from '../store/app-store';
import { paintBox, packRgba } from './minimap-pixels';
import { fitMinimap, toFlowPoint, toMinimap, visibleBox, type Box, type MinimapFit } from './minimap-geometry';
import type { CanvasNode } from './to-flow';

const size = { width: 170, height: 110 };
const stateColors: Partial<Record<NodeState, string>> = { running: '#2f6fed', retrying: '#2f6fed', failed: '#d64545' };
const zoomStep = 1.25;

/**
 * The minimap, drawn on one <canvas>: every pipeline node in its category's
 * colour (blue while running, red once failed) and the visible part as a
 * rectangle. xyflow's own minimap is one SVG element and one store
 * subscription per node: on a 10,000-node run those made each batch of run
 * events and each click cost tens of milliseconds. Here a change of nodes,
 * view or run states schedules one redraw in the next frame.
 * Click or drag moves the view there; the wheel zooms.
 */
export function CanvasMinimap({ colorMode }: { colorMode: 'light' | 'dark' }) {
  const store = useStoreApi<CanvasNode>();
  const flow = useReactFlow<CanvasNode>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const fitRef = useRef<MinimapFit | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const style = getComputedStyle(canvas);
    const colors = { view: style.color, mask: style.getPropertyValue('--pw-minimap-mask').trim() || 'rgba(0,0,0,0.08)' };
    let frame = 0;
    const draw = () => {
      frame = 0;
      fitRef.current = drawMinimap(canvas, store.getState(), useAppStore.getState().nodeStates, colors);
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(draw);
    };
    const offFlow = store.subscribe((s, prev) => {
      if (s.nodes !== prev.nodes || s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) schedule();
    });
    const offRun = useAppStore.subscribe((s, prev) => {
      if (s.nodeStates !== prev.nodeStates) schedule();
    });
    // A native listener: React's wheel listeners are passive and cannot stop the page from scrolling.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const { transform, width, height } = store.getState();
      const view = visibleBox(transform, width, height);
      const zoom = transform[2] * (event.deltaY < 0 ? zoomStep : 1 / zoomStep);
      void flow.setCenter(view.x + view.width / 2, view.y + view.height / 2, { zoom });
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    schedule();
    return () => {
      offFlow();
      offRun();
      canvas.removeEventListener('wheel', onWheel);
      cancelAnimationFrame(frame);
    };
  }, [store, flow, colorMode]);

  const centerAt = (event: PointerEvent<HTMLCanvasElement>) => {
    const fit = fitRef.current;
    if (!fit) return;
    const box = event.currentTarget.getBoundingClientRect();
    const point = toFlowPoint(fit, event.clientX - box.left, event.clientY - box.top);
    void flow.setCenter(point.x, point.y, { zoom: store.getState().transform[2] });
  };

  return (
    <Panel position="bottom-right" className="pw-minimap nowheel nopan nodrag">
      <canvas
        ref={canvasRef}
        data-testid="minimap"
        aria-label="Minimap: click or drag to move the view, scroll to zoom"
        style={size}
        width={Math.round(size.width * devicePixelRatio)}
        height={Math.round(size.height * devicePixelRatio)}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          centerAt(event);
        }}
        onPointerMove={(event) => event.currentTarget.hasPointerCapture(event.pointerId) && centerAt(event)}
      />
    </Panel>
  );
}

/** Draws the minimap; returns how flow coordinates map onto it (for pointer input). */
function drawMinimap(canvas: HTMLCanvasElement, flowState: ReactFlowState<CanvasNode>, states: Record<string, NodeState>, colors: { view: string; mask: string }): MinimapFit {
  const content = contentBox(flowState);
  const view = visibleBox(flowState.transform, flowState.width, flowState.height);
  const fit = fitMinimap(content, view, size);
  // Nodes as pixels, in device pixels: see paintBox.
  const ratio = canvas.width / size.width;
  const { image, pixels } = pixelBuffer(canvas);
  pixels.fill(0);
  const pixelFit = { ...fit, scale: fit.scale * ratio };
  flowState.nodeLookup.forEach((node) => {
    const user = node.internals.userNode;
    if (user.type !== 'pipeline') return; // frames and notes are the canvas's, not the pipeline's
    const { x, y } = node.internals.positionAbsolute;
    const color = resolveColor(stateColors[states[node.id]] ?? user.data.style.color);
    const scale = pixelFit.scale;
    paintBox(pixels, canvas.width, canvas.height, (x - pixelFit.originX) * scale, (y - pixelFit.originY) * scale, (node.measured.width ?? 0) * scale, (node.measured.height ?? 0) * scale, color);
  });
  const ctx = canvas.getContext('2d')!;
  ctx.putImageData(image, 0, 0);
  // Shade what is off screen, outline what is on it.
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const shown = toMinimap(fit, view);
  ctx.fillStyle = colors.mask;
  ctx.beginPath();
  ctx.rect(0, 0, size.width, size.height);
  ctx.rect(shown.x, shown.y, shown.width, shown.height);
  ctx.fill('evenodd');
  ctx.strokeStyle = colors.view;
  ctx.lineWidth = 1;
  ctx.strokeRect(shown.x + 0.5, shown.y + 0.5, shown.width - 1, shown.height - 1);
  return fit;
}

const boxes = new WeakMap<readonly CanvasNode[], Box | null>();
/**
 * What the nodes cover, walked once per node list: run states redraw the
 * minimap every frame and leave it alone. Scalars and forEach, not an object
 * per node, on the walk.
 */
function contentBox(flowState: ReactFlowState<CanvasNode>): Box | null {
  if (boxes.has(flowState.nodes)) return boxes.get(flowState.nodes)!;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  flowState.nodeLookup.forEach((node) => {
    const { x, y } = node.internals.positionAbsolute;
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + (node.measured.width ?? 0));
    bottom = Math.max(bottom, y + (node.measured.height ?? 0));
  });
  const box = left <= right ? { x: left, y: top, width: right - left, height: bottom - top } : null;
  boxes.set(flowState.nodes, box);
  return box;
}

const buffers = new WeakMap<HTMLCanvasElement, { image: ImageData; pixels: Uint32Array }>();
/** One pixel buffer per canvas, kept: a new one per frame was most of what the minimap allocated. */
function pixelBuffer(canvas: HTMLCanvasElement): { image: ImageData; pixels: Uint32Array } {
  let buffer = buffers.get(canvas);
  if (!buffer || buffer.image.width !== canvas.width || buffer.image.height !== canvas.height) {
    const image = new ImageData(canvas.width, canvas.height);
    buffers.set(canvas, (buffer = { image, pixels: new Uint32Array(image.data.buffer) }));
  }
  return buffer;
}

const resolved = new Map<string, number>();
/** Any CSS colour as a packed pixel, resolved once by painting it on a 1×1 canvas. */
function resolveColor(color: string): number {
  let pixel = resolved.get(color);
  if (pixel === undefined) {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 1, 1);
    pixel = packRgba(ctx.getImageData(0, 0, 1, 1).data);
    resolved.set(color, pixel);
  }
  return pixel;
}

/** A rectangle in flow coordinates (or minimap pixels). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How flow coordinates map onto the minimap: px = (x - originX) * scale. */
export interface MinimapFit {
  originX: number;
  originY: number;
  scale: number;
}

/** The part of the flow the pane shows, from xyflow's transform [x, y, zoom] and the pane size. */
export function visibleBox([tx, ty, zoom]: readonly [number, number, number], width: number, height: number): Box {
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

/**
 * Fits the nodes and the visible part of the flow into a minimap of `size`,
 * centred, with `padding` (a share of the larger side) around: the same
 * framing as xyflow's own minimap, so the viewport rectangle is always in it.
 */
export function fitMinimap(content: Box | null, view: Box, size: { width: number; height: number }, padding = 0.05): MinimapFit {
  const box = content ? union(content, view) : view;
  const pad = Math.max(box.width, box.height) * padding;
  const width = box.width + 2 * pad;
  const height = box.height + 2 * pad;
  const scale = Math.min(size.width / width, size.height / height);
  return {
    scale,
    originX: box.x - pad - (size.width / scale - width) / 2,
    originY: box.y - pad - (size.height / scale - height) / 2,
  };
}

export function toMinimap(fit: MinimapFit, box: Box): Box {
  return { x: (box.x - fit.originX) * fit.scale, y: (box.y - fit.originY) * fit.scale, width: box.width * fit.scale, height: box.height * fit.scale };
}

/** The flow point under a minimap pixel. */
export function toFlowPoint(fit: MinimapFit, px: number, py: number): { x: number; y: number } {
  return { x: px / fit.scale + fit.originX, y: py / fit.scale + fit.originY };
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

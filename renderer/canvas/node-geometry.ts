import type { HandleType, NodeHandle } from '@xyflow/react';
import { Position } from '@xyflow/react';
import type { PortInfo } from '../../node-library/contract';

/**
 * A pipeline node's box as canvas.css draws it (one-line label, no run row):
 * known before the node is rendered, so nodes off screen are never rendered
 * just to be measured, and the overview draws boxes of the very same size.
 */
export const nodeWidth = 250;
const portsTop = 66;
const rowHeight = 20;
const handleSize = 11;
/** Handles sit half outside the box, 3px further out than centred. */
const handleInset = -(handleSize / 2) - 2;

export function estimatedHeight(inputs: readonly PortInfo[], outputs: readonly PortInfo[]): number {
  const rows = Math.max(inputs.length, outputs.length);
  return rows === 0 ? portsTop - 9 : portsTop + rowHeight * rows;
}

/** Where a port's handle sits inside its node: the top-left corner of row `row`'s handle. */
export function handleOffset(row: number, type: HandleType): { x: number; y: number } {
  return { x: type === 'target' ? handleInset : nodeWidth - handleSize - handleInset, y: portsTop - 0.5 + rowHeight * row };
}

export function estimatedHandles(inputs: readonly PortInfo[], outputs: readonly PortInfo[]): NodeHandle[] {
  const side = (ports: readonly PortInfo[], type: HandleType) =>
    ports.map((port, row): NodeHandle => ({ id: port.id, type, position: type === 'target' ? Position.Left : Position.Right, width: handleSize, height: handleSize, ...handleOffset(row, type) }));
  return [...side(inputs, 'target'), ...side(outputs, 'source')];
}

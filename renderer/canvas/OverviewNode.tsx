import { Handle, Position } from '@xyflow/react';
import type { CSSProperties } from 'react';
import type { NodeState, PortInfo } from '../../node-library/contract';
import { estimatedHeight, handleOffset } from './node-geometry';
import type { PipelineNodeData } from './to-flow';

/**
 * A node zoomed far out: a box of the full node's size in its category's
 * colour, with its label. Handles stay (invisible, in the same places) so
 * wires keep their ends and nothing is re-measured when zooming back in.
 */
export function OverviewNode({ data, state, selected }: { data: PipelineNodeData; state: NodeState; selected: boolean }) {
  const style = { '--category': data.style.color, height: estimatedHeight(data.inputs, data.outputs) } as CSSProperties;
  return (
    <div className={`pw-node pw-node--overview${selected ? ' pw-node--selected' : ''}`} data-state={state} style={style}>
      <span className="pw-node__overview-label">{data.label}</span>
      {data.inputs.map((port, row) => (
        <OverviewHandle key={`in-${port.id}`} port={port} row={row} type="target" />
      ))}
      {data.outputs.map((port, row) => (
        <OverviewHandle key={`out-${port.id}`} port={port} row={row} type="source" />
      ))}
    </div>
  );
}

function OverviewHandle({ port, row, type }: { port: PortInfo; row: number; type: 'source' | 'target' }) {
  const { x, y } = handleOffset(row, type);
  return <Handle id={port.id} type={type} position={type === 'target' ? Position.Left : Position.Right} className="pw-handle pw-handle--overview" style={{ left: x, top: y }} />;
}

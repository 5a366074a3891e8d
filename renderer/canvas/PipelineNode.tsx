import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { PortInfo } from '../../node-library/contract';
import { StateBadge } from '../runs/StateBadge';
import type { PipelineFlowNode } from './to-flow';

/** A pipeline node on the canvas: label, type, state badge, one handle per port. */
function PipelineNodeView({ data, selected }: NodeProps<PipelineFlowNode>) {
  const rows = Math.max(data.inputs.length, data.outputs.length);
  return (
    <div className={`pw-node${selected ? ' pw-node--selected' : ''}`} data-state={data.state}>
      <div className="pw-node__label" title={data.label}>
        {data.label}
      </div>
      <div className="pw-node__meta">
        <span className="pw-node__type" title={data.nodeType}>
          {data.title}
        </span>
        <StateBadge state={data.state} />
      </div>
      <div className="pw-node__ports">
        {Array.from({ length: rows }, (_, i) => (
          <div className="pw-node__port-row" key={i}>
            <Port port={data.inputs[i]} type="target" />
            <Port port={data.outputs[i]} type="source" />
          </div>
        ))}
      </div>
    </div>
  );
}

function Port({ port, type }: { port: PortInfo | undefined; type: 'source' | 'target' }) {
  if (!port) return <span />;
  const side = type === 'target' ? 'in' : 'out';
  return (
    <span className={`pw-port pw-port--${side}`} title={`${port.id}: ${port.type}`}>
      <Handle id={port.id} type={type} position={type === 'target' ? Position.Left : Position.Right} className="pw-handle" />
      {port.label ?? port.id}
    </span>
  );
}

export const PipelineNode = memo(PipelineNodeView);

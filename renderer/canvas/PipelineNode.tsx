import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useContext, useEffect, useRef, type CSSProperties } from 'react';
import type { NodeState, PortInfo } from '../../node-library/contract';
import { StateBadge } from '../runs/StateBadge';
import { CategoryIcon } from './CategoryIcon';
import { useNodeRun } from './node-run';
import { OverviewContext } from './overview';
import { OverviewNode } from './OverviewNode';
import type { PipelineFlowNode } from './to-flow';

/** A pipeline node on the canvas: category, label, type, state, problems, one handle per port; a plain box when zoomed far out. */
function PipelineNodeView({ id, data, selected }: NodeProps<PipelineFlowNode>) {
  const overview = useContext(OverviewContext);
  const run = useNodeRun();
  const state = run.useState(id);
  if (overview) return <OverviewNode data={data} state={state} selected={selected} />;
  return <FullNode id={id} data={data} state={state} selected={selected} />;
}

function FullNode({ id, data, state, selected }: { id: string; data: PipelineFlowNode['data']; state: NodeState; selected: boolean }) {
  const stats = useNodeRun().useStats(id);
  const rows = Math.max(data.inputs.length, data.outputs.length);
  const style = { '--category': data.style.color } as CSSProperties;
  // A code node's ports change while it is on the canvas: xyflow must re-measure its handles to wire them.
  const updateNodeInternals = useUpdateNodeInternals();
  const handleIds = `${data.inputs.map((p) => p.id).join(',')}|${data.outputs.map((p) => p.id).join(',')}`;
  const measuredHandles = useRef(handleIds);
  useEffect(() => {
    if (measuredHandles.current === handleIds) return; // xyflow measures them itself on mount
    measuredHandles.current = handleIds;
    updateNodeInternals(id);
  }, [id, handleIds, updateNodeInternals]);
  return (
    <div className={`pw-node${selected ? ' pw-node--selected' : ''}`} data-state={state} style={style}>
      <div className="pw-node__head">
        <span className="pw-node__icon" title={data.nodeType}>
          <CategoryIcon name={data.style.icon} />
        </span>
        <span className="pw-node__label" title={data.label} data-testid={`node-label-${id}`}>
          {data.label}
        </span>
        {data.problems.length > 0 && (
          <span className="pw-node__problems" data-testid={`node-problems-${id}`} title={data.problems.join('\n')}>
            {data.problems.length}
          </span>
        )}
      </div>
      <div className="pw-node__type" title={data.nodeType}>
        {data.title}
      </div>
      {state !== 'pending' && (
        <div className="pw-node__run">
          <StateBadge state={state} />
          {stats && <span className="pw-node__stats">{stats}</span>}
        </div>
      )}
      {rows > 0 && (
        <div className="pw-node__ports">
          {Array.from({ length: rows }, (_, i) => (
            <div className="pw-node__port-row" key={i}>
              <Port nodeId={id} port={data.inputs[i]} type="target" />
              <Port nodeId={id} port={data.outputs[i]} type="source" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function Port({ nodeId, port, type }: { nodeId: string; port: PortInfo | undefined; type: 'source' | 'target' }) {
  if (!port) return <span />;
  const side = type === 'target' ? 'in' : 'out';
  return (
    <span className={`pw-port pw-port--${side}`} title={`${port.label ?? port.id}: ${port.type}${port.optional ? ' (optional)' : ''}`}>
      <Handle
        id={port.id}
        type={type}
        position={type === 'target' ? Position.Left : Position.Right}
        className={`pw-handle pw-handle--${port.type}`}
        data-testid={`port-${nodeId}-${side}-${port.id}`}
      />
      {port.label ?? port.id}
      {port.type !== (port.label ?? port.id) && <span className="pw-port__type">{port.type}</span>}
    </span>
  );
}

export const PipelineNode = memo(PipelineNodeView);

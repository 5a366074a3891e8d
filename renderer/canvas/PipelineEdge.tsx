import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useNodeRun } from './node-run';

/**
 * A wire that reads its ends' run states itself: the edge list then stays the
 * same object while a run streams, and xyflow does not rebuild its edge
 * lookups (O(edges)) for every batch of events, only the drawn wires re-render.
 */
export function PipelineEdge(props: EdgeProps) {
  const run = useNodeRun();
  const from = run.useState(props.source);
  const to = run.useState(props.target);
  const [path] = getBezierPath(props);
  const className = `pw-edge-path--${from}${to === 'running' ? ' pw-edge-path--flowing' : ''}`;
  return <BaseEdge id={props.id} path={path} markerStart={props.markerStart} markerEnd={props.markerEnd} interactionWidth={props.interactionWidth} style={props.style} className={className} />;
}

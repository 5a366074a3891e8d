import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { createContext, useContext } from 'react';
import type { NodeState } from '../../node-library/contract';
import { useAppStore } from '../store/app-store';

/** A hook giving a node's run state: the live run's by default, a past run's in its snapshot. */
export type UseNodeState = (nodeId: string) => NodeState;

const useLiveNodeState: UseNodeState = (nodeId) => useAppStore((s) => s.nodeStates[nodeId] ?? 'pending');
export const NodeStateContext = createContext<UseNodeState>(useLiveNodeState);

/**
 * A wire that reads its ends' run states itself: the edge list then stays the
 * same object while a run streams, and xyflow does not rebuild its edge
 * lookups (O(edges)) for every batch of events, only the drawn wires re-render.
 */
export function PipelineEdge(props: EdgeProps) {
  const useNodeState = useContext(NodeStateContext);
  const from = useNodeState(props.source);
  const to = useNodeState(props.target);
  const [path] = getBezierPath(props);
  const className = `pw-edge-path--${from}${to === 'running' ? ' pw-edge-path--flowing' : ''}`;
  return <BaseEdge id={props.id} path={path} markerStart={props.markerStart} markerEnd={props.markerEnd} interactionWidth={props.interactionWidth} style={props.style} className={className} />;
}

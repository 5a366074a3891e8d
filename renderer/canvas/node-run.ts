import { createContext, useContext } from 'react';
import type { NodeState } from '../../node-library/contract';
import { useAppStore } from '../store/app-store';
import type { NodeDetail, Previews } from '../store/run-slice';

/**
 * Where drawn nodes and wires read their run state: the live run's by
 * default, a past run's in its snapshot. Reading it per node, rather than
 * through the node objects handed to xyflow, keeps those objects (and the
 * node list) the same while a run streams: xyflow then does no O(nodes)
 * work per batch of events, and only the nodes whose state changed re-render.
 */
export interface NodeRunHooks {
  useState(nodeId: string): NodeState;
  /** Rows out, duration, attempt: the short line under the state badge. */
  useStats(nodeId: string): string | undefined;
}

const liveRun: NodeRunHooks = {
  useState: (nodeId) => useAppStore((s) => s.nodeStates[nodeId] ?? 'pending'),
  useStats: (nodeId) => useAppStore((s) => nodeStats(s.nodeStates[nodeId] ?? 'pending', s.nodeDetails[nodeId], s.previews[nodeId])),
};

export const NodeRunContext = createContext<NodeRunHooks>(liveRun);

export const useNodeRun = (): NodeRunHooks => useContext(NodeRunContext);

/** A finished run's states as the same hooks (plain lookups: a past run never changes). */
export function pastRun(run: { nodeStates: Record<string, NodeState>; nodeDetails: Record<string, NodeDetail>; previews: Previews }): NodeRunHooks {
  return {
    useState: (nodeId) => run.nodeStates[nodeId] ?? 'pending',
    useStats: (nodeId) => nodeStats(run.nodeStates[nodeId] ?? 'pending', run.nodeDetails[nodeId], run.previews[nodeId]),
  };
}

export function nodeStats(state: NodeState, detail: NodeDetail | undefined, preview: Previews[string] | undefined): string | undefined {
  if (state === 'running' || state === 'retrying') return detail?.attempt && detail.attempt > 1 ? `attempt ${detail.attempt}` : undefined;
  if (state !== 'succeeded') return undefined;
  const parts: string[] = [];
  const rows = preview && Object.values(preview)[0]?.totalRows;
  if (rows !== undefined) parts.push(`${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}`);
  if (detail?.durationMs !== undefined) parts.push(detail.durationMs < 1000 ? `${Math.round(detail.durationMs)} ms` : `${(detail.durationMs / 1000).toFixed(1)} s`);
  if (detail?.cached || detail?.reused) parts.push('cached');
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

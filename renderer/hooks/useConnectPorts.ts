import type { Connection } from '@xyflow/react';
import { useCallback } from 'react';
import { connect, connectionProblem } from '../edits/connect';
import { useAppStore } from '../store/app-store';
import { nodeTypeMap } from '../store/selectors';

const ends = (c: Connection) => ({ from: { node: c.source, port: c.sourceHandle ?? '' }, to: { node: c.target, port: c.targetHandle ?? '' } });

/** Why the canvas refuses a connection, or null; the same check the backend's validation makes, and a cycle check. */
export function connectionRefusal(c: Connection): string | null {
  const { openPipeline, nodeTypes } = useAppStore.getState();
  if (!openPipeline) return 'no pipeline is open';
  const { from, to } = ends(c);
  return connectionProblem(openPipeline, nodeTypeMap(nodeTypes), from, to);
}

/** Connects an output to an input; an edge already into that input is replaced. */
export function useConnectPorts(): (connection: Connection) => void {
  return useCallback((connection) => {
    if (connectionRefusal(connection)) return;
    const { from, to } = ends(connection);
    useAppStore.getState().edit((pipeline) => connect(pipeline, from, to));
  }, []);
}

import type { PipelineFile, PipelineNode, RunEvent } from '../../../node-library/contract';
import { localHost } from '../../../node-library/engine/host';
import { runPipeline } from '../../../node-library/engine/run-pipeline';
import { createRegistry } from '../../../node-library/nodes/registry';
import { tempDir } from '../helpers';

export const registry = createRegistry();

/** A code.ts node; `extra` sets ports, secrets, timeoutMs and params. */
export function codeNode(id: string, code: string, extra: Partial<PipelineNode> = {}): PipelineNode {
  return { id, type: 'code.ts', version: 1, params: {}, code: code.split('\n'), ...extra };
}

/** `SELECT ...` feeding `node`'s `in` port when a query is given. */
export function pipelineOf(nodes: PipelineNode[], query?: string): PipelineFile {
  const source: PipelineNode[] = query ? [{ id: 'source', type: 'transform.sql', version: 1, params: { query } }] : [];
  const edges = query ? [{ id: 'e_source', from: { node: 'source', port: 'out' }, to: { node: nodes[0].id, port: 'in' } }] : [];
  return { format: 'pipewright/pipeline@1', id: 'code-test', name: 'Code test', description: '', params: {}, nodes: [...source, ...nodes], edges, layout: {} };
}

export interface CodeRun {
  state: string;
  events: RunEvent[];
  /** The node's failure, if it failed. */
  error(nodeId: string): { code: string; message: string } | undefined;
  logs(nodeId: string): { level: string; message: string }[];
  preview(nodeId: string, port?: string): Extract<RunEvent, { type: 'node:preview' }> | undefined;
}

export async function runCode(pipeline: PipelineFile, options: { secrets?: Record<string, string>; signal?: AbortSignal; state?: Map<string, unknown>; params?: Record<string, number | string | boolean> } = {}): Promise<CodeRun> {
  const events: RunEvent[] = [];
  const dir = await tempDir();
  const state = options.state;
  const result = await runPipeline(pipeline, {
    runId: `run-${Math.random().toString(36).slice(2)}`,
    registry,
    host: localHost(dir, (name) => options.secrets?.[name]),
    onEvent: (e) => events.push(e),
    signal: options.signal,
    params: options.params,
    state: state && { get: (k) => state.get(k), set: (k, v) => void state.set(k, v) },
  });
  return {
    state: result,
    events,
    error: (nodeId) => events.flatMap((e) => (e.type === 'node:state' && e.nodeId === nodeId && e.state === 'failed' ? [e.error!] : []))[0],
    logs: (nodeId) => events.flatMap((e) => (e.type === 'node:log' && e.nodeId === nodeId ? [{ level: e.level, message: e.message }] : [])),
    preview: (nodeId, port = 'out') => events.find((e): e is Extract<RunEvent, { type: 'node:preview' }> => e.type === 'node:preview' && e.nodeId === nodeId && e.port === port),
  };
}

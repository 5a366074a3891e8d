import type { PipelineFile, PipelineNode } from '../../node-library/contract';

/** The node's run settings: the fields of a node that are neither identity nor params. */
export type NodeSettings = Pick<PipelineNode, 'retries' | 'retryDelayMs' | 'retryBackoff' | 'retryMaxDelayMs' | 'timeoutMs' | 'cache' | 'trigger' | 'mapOver'>;

/** The pipeline with one node replaced by `change(node)`; the same pipeline when nothing changed. */
export function updateNode(pipeline: PipelineFile, nodeId: string, change: (node: PipelineNode) => PipelineNode): PipelineFile {
  const index = pipeline.nodes.findIndex((n) => n.id === nodeId);
  if (index < 0) return pipeline;
  const node = change(pipeline.nodes[index]);
  if (node === pipeline.nodes[index]) return pipeline;
  return { ...pipeline, nodes: pipeline.nodes.with(index, node) };
}

/** Sets a param; `undefined` removes it, so the type's default applies. */
export function setParam(node: PipelineNode, name: string, value: unknown): PipelineNode {
  if (value === undefined) {
    if (!(name in node.params)) return node;
    const { [name]: _removed, ...params } = node.params;
    return { ...node, params };
  }
  return { ...node, params: { ...node.params, [name]: value } };
}

/** Sets a run setting or the label; `undefined` removes the key from the file. */
export function setField<K extends keyof NodeSettings | 'label'>(node: PipelineNode, key: K, value: PipelineNode[K] | undefined): PipelineNode {
  if (node[key] === value) return node;
  const next = { ...node, [key]: value };
  if (value === undefined) delete next[key];
  return next;
}

/** Sets a code node's module from the editor's text, as lines; no change when the lines are the same. */
export function setCode(node: PipelineNode, text: string): PipelineNode {
  const lines = text.split(/\r?\n/);
  if (node.code && node.code.length === lines.length && node.code.every((line, i) => line === lines[i])) return node;
  return { ...node, code: lines };
}

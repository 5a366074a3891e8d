import type { PipelineFile } from '../../node-library/contract';

/** `read_csv_1` for a `source.read_csv` node: the type's action, numbered. */
export function nodeIdBase(nodeType: string): string {
  const action = nodeType.split('.').at(-1) ?? 'node';
  return /^[A-Za-z]/.test(action) ? action.slice(0, 56) : 'node';
}

/** The first `<base>_<n>` (n from 1) that is neither in the pipeline nor in `taken`. */
export function uniqueNodeId(pipeline: Pick<PipelineFile, 'nodes'>, base: string, taken: Set<string> = new Set()): string {
  const used = new Set([...pipeline.nodes.map((n) => n.id), ...taken]);
  const stem = base.replace(/_\d+$/, '') || 'node';
  for (let n = 1; ; n++) {
    const id = `${stem}_${n}`;
    if (!used.has(id)) return id;
  }
}

/** The first `e<n>` not used by an edge of the pipeline nor in `taken`. */
export function uniqueEdgeId(pipeline: Pick<PipelineFile, 'edges'>, taken: Set<string> = new Set()): string {
  const used = new Set([...pipeline.edges.map((e) => e.id), ...taken]);
  for (let n = pipeline.edges.length + 1; ; n++) {
    const id = `e${n}`;
    if (!used.has(id)) return id;
  }
}

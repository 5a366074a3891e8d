import type { PipelineFile } from '../../node-library/contract';

/** The pipeline without these nodes (with their edges and layout) and these edges. */
export function removeElements(pipeline: PipelineFile, nodeIds: readonly string[], edgeIds: readonly string[]): PipelineFile {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return pipeline;
  const kept = pipeline.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.from.node) && !nodes.has(e.to.node));
  const layout = Object.fromEntries(Object.entries(pipeline.layout).filter(([id]) => !nodes.has(id)));
  const keptNodes = pipeline.nodes.filter((n) => !nodes.has(n.id));
  if (keptNodes.length === pipeline.nodes.length && kept.length === pipeline.edges.length) return pipeline;
  return { ...pipeline, nodes: keptNodes, edges: kept, layout };
}

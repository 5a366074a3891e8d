import type { ParamValue, PipelineEdge, PipelineFile } from '../contract';
import { substituteParams } from '../model/params';
import type { NodeRegistry } from '../nodes/registry';
import { hashKey } from './cache';
import type { HostApi } from './host';
import { currentInstall } from '../packages/workspace-packages';

/**
 * A node's lineage hash: its type, version, params, code, declared ports, the lineage of
 * every input and what it reads from outside (a source file's size and time; for code, the
 * pipeline's npm dependencies and their install).
 * Equal hashes mean equal outputs, which is what makes a cache hit safe.
 * Computed on demand and memoised, so pipelines without caching pay nothing.
 */
export function lineage(pipeline: PipelineFile, incoming: (nodeId: string) => PipelineEdge[], registry: NodeRegistry, host: HostApi, params: Record<string, ParamValue>) {
  let byId: Map<string, PipelineFile['nodes'][number]> | undefined;
  const memo = new Map<string, Promise<string>>();
  const compute = async (nodeId: string): Promise<string> => {
    byId ??= new Map(pipeline.nodes.map((n) => [n.id, n]));
    const node = byId.get(nodeId)!;
    const definition = registry.get(node.type)!;
    const resolved = substituteParams(node.params, params);
    const inputs = await Promise.all(
      incoming(nodeId)
        .sort((a, b) => (a.to.port < b.to.port ? -1 : 1))
        .map(async (e) => [e.to.port, e.from.port, await fingerprint(e.from.node)]),
    );
    const external = definition.fingerprint ? await definition.fingerprint(resolved as never, host).catch(() => 'unavailable') : '';
    // Code imports the declared npm packages: their list and the install in use (appended, so other keys stay as they were).
    const packages = node.code && pipeline.dependencies && Object.keys(pipeline.dependencies).length > 0 && host.packagesDir ? [[pipeline.dependencies, currentInstall(host.packagesDir).stamp]] : [];
    return hashKey([node.type, definition.version, resolved, node.code ?? null, node.ports ?? null, node.mapOver ?? null, inputs, external, ...packages]);
  };
  const fingerprint = (nodeId: string): Promise<string> => {
    let hash = memo.get(nodeId);
    if (!hash) memo.set(nodeId, (hash = compute(nodeId)));
    return hash;
  };
  return fingerprint;
}

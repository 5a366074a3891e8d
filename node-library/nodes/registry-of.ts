import type { NodeTypeInfo } from '../contract';
import { nodeTypeInfo, type NodeDefinition } from './define-node';

export interface NodeRegistry {
  get(type: string): NodeDefinition | undefined;
  list(): NodeTypeInfo[];
}

/** A registry of exactly these node types; without the list of built-ins, so an exported script bundles only the types it uses. */
export function registryOf(definitions: NodeDefinition[]): NodeRegistry {
  const byType = new Map<string, NodeDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) throw new Error(`Node type ${definition.type} is registered twice`);
    byType.set(definition.type, definition);
  }
  let infos: NodeTypeInfo[] | undefined;
  return { get: (type) => byType.get(type), list: () => (infos ??= definitions.map(nodeTypeInfo)) };
}

import type { NodeTypeInfo } from '../contract';
import { nodeTypeInfo, type NodeDefinition } from './define-node';
import { builtinNodes } from './index';

export interface NodeRegistry {
  get(type: string): NodeDefinition | undefined;
  list(): NodeTypeInfo[];
}

export function createRegistry(definitions: NodeDefinition[] = builtinNodes): NodeRegistry {
  const byType = new Map<string, NodeDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) throw new Error(`Node type ${definition.type} is registered twice`);
    byType.set(definition.type, definition);
  }
  const infos = definitions.map(nodeTypeInfo);
  return { get: (type) => byType.get(type), list: () => infos };
}

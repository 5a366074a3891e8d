import type { NodeDefinition } from './define-node';
import { builtinNodes } from './index';
import { registryOf, type NodeRegistry } from './registry-of';

export type { NodeRegistry } from './registry-of';

export function createRegistry(definitions: NodeDefinition[] = builtinNodes): NodeRegistry {
  return registryOf(definitions);
}

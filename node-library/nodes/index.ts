import type { NodeDefinition } from './define-node';
import { readCsvNode } from './source/read-csv.node';
import { writeCsvNode } from './sink/write-csv.node';
import { filterNode } from './transform/filter.node';
import { noopNode } from './util/noop.node';

/** The only list of built-in node types. */
export const builtinNodes: NodeDefinition[] = [readCsvNode, filterNode, writeCsvNode, noopNode] as NodeDefinition[];

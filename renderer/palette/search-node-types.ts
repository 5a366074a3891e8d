import { portMismatch, type NodeTypeInfo, type PortType } from '../../node-library/contract';

/** Node types whose title, type, category or description hold every word of the query. */
export function searchNodeTypes(types: readonly NodeTypeInfo[], query: string): NodeTypeInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...types];
  return types.filter((t) => {
    const text = `${t.title} ${t.type} ${t.category} ${t.description}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Where data comes in first, where it goes out last; other categories alphabetically in between. */
const firstCategories = ['sources', 'transforms'];
const lastCategories = ['sinks', 'utilities'];
function categoryRank(category: string): number {
  const key = category.toLowerCase();
  if (firstCategories.includes(key)) return firstCategories.indexOf(key);
  if (lastCategories.includes(key)) return 100 + lastCategories.indexOf(key);
  return 50;
}

/** Types grouped by category (sources first, sinks last), types by title. */
export function groupByCategory(types: readonly NodeTypeInfo[]): [category: string, types: NodeTypeInfo[]][] {
  const groups = new Map<string, NodeTypeInfo[]>();
  for (const t of types) groups.set(t.category, [...(groups.get(t.category) ?? []), t]);
  return [...groups.entries()]
    .sort(([a], [b]) => categoryRank(a) - categoryRank(b) || a.localeCompare(b))
    .map(([category, list]) => [category, list.sort((a, b) => a.title.localeCompare(b.title))]);
}

/**
 * The first port of `info` that a wire can join: an input for a wire from an
 * output of type `portType` (side `source`), an output for one from an input.
 */
export function compatiblePort(info: NodeTypeInfo, portType: PortType, side: 'source' | 'target'): string | null {
  const ports = side === 'source' ? info.inputs : info.outputs;
  const port = ports.find((p) => (side === 'source' ? portMismatch(portType, p.type) : portMismatch(p.type, portType)) === null);
  return port?.id ?? null;
}

/** The MIME type a palette item carries while dragged onto the canvas. */
export const nodeTypeMime = 'application/x-pipewright-node-type';

import { nodePorts, portIdSchema, type NodeTypeInfo, type PipelineFile, type PipelineNode, type PortType } from '../../node-library/contract';

/** Which list of a node's ports: what comes in, or what goes out. */
export type PortSide = 'inputs' | 'outputs';
type Ports = NonNullable<PipelineNode['ports']>;
type TypeInfo = Pick<NodeTypeInfo, 'inputs' | 'outputs' | 'editablePorts'>;

/** The node's ports as they are now, copied so an edit can write them into the file. */
function currentPorts(node: PipelineNode, info: TypeInfo): Ports {
  const { inputs, outputs } = nodePorts(node, info);
  return { inputs: inputs.map((p) => ({ ...p })), outputs: outputs.map((p) => ({ ...p })) };
}

/** Edge ends on this side of a node: an input is an edge's `to`, an output its `from`. */
const endOf = (side: PortSide) => (side === 'inputs' ? 'to' : 'from');

/**
 * Why `id` cannot name a port on this side of the node, or null when it can.
 * `current` is the port being renamed (keeping its own id is fine).
 */
export function portIdProblem(node: PipelineNode, info: TypeInfo, side: PortSide, id: string, current?: string): string | null {
  if (id === '') return 'a port needs a name';
  const parsed = portIdSchema.safeParse(id);
  if (!parsed.success) return `${id} ${parsed.error.issues[0]?.message ?? 'is not a valid port name'}`;
  if (id !== current && nodePorts(node, info)[side].some((p) => p.id === id)) return `this node already has ${side === 'inputs' ? 'an input' : 'an output'} ${id}`;
  return null;
}

/** A name for a new port that the node does not use yet: `in`, `in2`, ... */
export function freePortId(node: PipelineNode, info: TypeInfo, side: PortSide): string {
  const base = side === 'inputs' ? 'in' : 'out';
  const taken = new Set(nodePorts(node, info)[side].map((p) => p.id));
  let n = 1;
  while (taken.has(n === 1 ? base : `${base}${n}`)) n++;
  return n === 1 ? base : `${base}${n}`;
}

function withNode(pipeline: PipelineFile, nodeId: string, change: (node: PipelineNode) => PipelineNode): PipelineFile {
  const index = pipeline.nodes.findIndex((n) => n.id === nodeId);
  if (index < 0) return pipeline;
  return { ...pipeline, nodes: pipeline.nodes.with(index, change(pipeline.nodes[index])) };
}

/** The pipeline with a new port (of type `table`, an input optional) on the node. */
export function addPort(pipeline: PipelineFile, nodeId: string, info: TypeInfo, side: PortSide, id: string, type: PortType = 'table'): PipelineFile {
  return withNode(pipeline, nodeId, (node) => {
    const ports = currentPorts(node, info);
    ports[side].push(side === 'inputs' ? { id, type, optional: true } : { id, type });
    return { ...node, ports };
  });
}

/** The pipeline with a port renamed; its edges (and a mapOver on it) follow the new name. */
export function renamePort(pipeline: PipelineFile, nodeId: string, info: TypeInfo, side: PortSide, from: string, to: string): PipelineFile {
  if (from === to) return pipeline;
  const end = endOf(side);
  const renamed = withNode(pipeline, nodeId, (node) => {
    const ports = currentPorts(node, info);
    ports[side] = ports[side].map((p) => (p.id === from ? { ...p, id: to } : p));
    const next = { ...node, ports };
    if (side === 'inputs' && node.mapOver === from) next.mapOver = to;
    return next;
  });
  const edges = renamed.edges.map((e) => (e[end].node === nodeId && e[end].port === from ? { ...e, [end]: { node: nodeId, port: to } } : e));
  return { ...renamed, edges };
}

/** The pipeline with a port's type changed; its edges stay, and validation flags any that no longer fit. */
export function setPortType(pipeline: PipelineFile, nodeId: string, info: TypeInfo, side: PortSide, id: string, type: PortType): PipelineFile {
  return withNode(pipeline, nodeId, (node) => {
    const ports = currentPorts(node, info);
    ports[side] = ports[side].map((p) => (p.id === id ? { ...p, type } : p));
    return { ...node, ports };
  });
}

/** The pipeline without a port and the edges joined to it (and without a mapOver on it). */
export function removePort(pipeline: PipelineFile, nodeId: string, info: TypeInfo, side: PortSide, id: string): PipelineFile {
  const end = endOf(side);
  const removed = withNode(pipeline, nodeId, (node) => {
    const ports = currentPorts(node, info);
    ports[side] = ports[side].filter((p) => p.id !== id);
    const next = { ...node, ports };
    if (side === 'inputs' && node.mapOver === id) delete next.mapOver;
    return next;
  });
  return { ...removed, edges: removed.edges.filter((e) => !(e[end].node === nodeId && e[end].port === id)) };
}

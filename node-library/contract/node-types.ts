/** Port types. The editor refuses an edge between incompatible ones. */
export const portTypes = ['table', 'json', 'text', 'file', 'any'] as const;
export type PortType = (typeof portTypes)[number];

export interface PortInfo {
  id: string;
  type: PortType;
  label?: string;
  /** An input that may be left unconnected. */
  optional?: boolean;
}

/** The closed set of param kinds; the inspector has one editor per kind. */
export const paramKinds = ['string', 'number', 'boolean', 'enum', 'code', 'sql', 'path', 'columns', 'keyValue', 'json', 'records', 'inlineTable', 'secret'] as const;
export type ParamKind = (typeof paramKinds)[number];

export interface ParamInfo {
  name: string;
  kind: ParamKind;
  label: string;
  description?: string;
  required: boolean;
  default?: unknown;
  options?: string[];
  /** path params: the file name endings the node reads or writes (`.csv`), which the inspector suggests files by. */
  extensions?: string[];
  /** keyValue params whose values may be `{ "$secret": NAME }` (HTTP headers): the inspector offers a secret per row. */
  secretValues?: boolean;
  /** records params: the fields of each record, which the inspector edits as a form. */
  fields?: RecordFieldInfo[];
}

/**
 * One field of the records of a `records` param (a list of objects, such as an
 * aggregate's `{ op, column, as }`). `literal` is a number when it reads as one,
 * else text; `values` a comma-separated list of literals; `column` a column of
 * the input, `columns` several.
 */
export interface RecordFieldInfo {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'literal' | 'enum' | 'column' | 'columns' | 'values';
  options?: string[];
  placeholder?: string;
  /** The field applies only when the record's `field` holds one of `values` (expectations: per type). */
  when?: { field: string; values: string[] };
}

/** What the palette and inspector know about a node type: metadata, no code. */
export interface NodeTypeInfo {
  type: string;
  version: number;
  title: string;
  category: string;
  description: string;
  inputs: PortInfo[];
  outputs: PortInfo[];
  params: ParamInfo[];
  /** The user declares this node's ports per node (code nodes); `inputs`/`outputs` are the defaults. */
  editablePorts?: boolean;
}

/** The ports a node really has: its own declared ones when its type lets ports be edited. */
export function nodePorts(
  node: { ports?: { inputs: PortInfo[]; outputs: PortInfo[] } },
  info: Pick<NodeTypeInfo, 'inputs' | 'outputs' | 'editablePorts'>,
): { inputs: PortInfo[]; outputs: PortInfo[] } {
  // The type's own lists, not a copy: this is called for every node a run executes.
  return info.editablePorts && node.ports ? node.ports : info;
}

/** Why an output cannot feed an input, or null when it can. */
export function portMismatch(from: PortType, to: PortType): string | null {
  if (from === to || from === 'any' || to === 'any') return null;
  return `${from} output cannot feed a ${to} input`;
}

import type { PipelineFile, PipelineProblem } from '../../node-library/contract';

/** A node's problems: by field (`param:<name>`, `setting:<key>`, `label`, `code`) and the rest. */
export interface NodeProblems {
  byField: Map<string, string[]>;
  general: string[];
}

const settingKeys = new Set(['retries', 'retryDelayMs', 'retryBackoff', 'retryMaxDelayMs', 'timeoutMs', 'cache', 'trigger', 'mapOver']);

/** The inspector field a problem's path points at, e.g. `nodes.1.params.condition` -> `param:condition`. */
export function problemField(path: string): string | null {
  const [section, , key, name] = path.split('.');
  if (section !== 'nodes' || key === undefined) return null;
  if (key === 'params' && name) return `param:${name}`;
  if (key === 'label' || key === 'code') return key;
  if (settingKeys.has(key)) return `setting:${key}`;
  return null;
}

/** The problems of one node, sorted to their fields; the node's message prefix is dropped. */
export function nodeProblems(pipeline: PipelineFile, problems: readonly PipelineProblem[], nodeId: string): NodeProblems {
  const index = pipeline.nodes.findIndex((n) => n.id === nodeId);
  const result: NodeProblems = { byField: new Map(), general: [] };
  for (const p of problems) {
    const mine = p.nodeId === nodeId || p.path.startsWith(`nodes.${index}.`) || p.path === `nodes.${index}`;
    if (!mine) continue;
    const field = p.path.startsWith(`nodes.${index}.`) ? problemField(p.path) : null;
    const message = within(p.path, index) + shorten(p.message, nodeId);
    if (field) result.byField.set(field, [...(result.byField.get(field) ?? []), message]);
    else result.general.push(message);
  }
  return result;
}

/**
 * Where inside a structured param a problem is, as a person counts:
 * `nodes.3.params.aggregations.1.column` -> `#2 column: `. Empty for a whole param.
 */
function within(path: string, index: number): string {
  const prefix = `nodes.${index}.params.`;
  if (!path.startsWith(prefix)) return '';
  const inner = path.slice(prefix.length).split('.').slice(1);
  if (inner.length === 0) return '';
  return `${inner.map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : part)).join(' ')}: `;
}

/** `node filter_1, param condition: must not be empty` -> `must not be empty`. */
function shorten(message: string, nodeId: string): string {
  return problemText(message).replace(new RegExp(`^node ${nodeId}(, (param|input) [^:]+)?: `), '');
}

/** A problem's message in plain words: zod's message for a missing value says what to do. */
export function problemText(message: string): string {
  return message.replace(/Invalid input: expected \w+, received undefined$/, 'required, set a value');
}

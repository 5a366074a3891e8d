import { nodePorts, portMismatch, type PipelineFile, type PipelineProblem } from '../contract';
import type { NodeDefinition } from '../nodes/define-node';
import { paramsSchema } from '../nodes/params';
import { paramRefs, substituteParams } from './params';
import type { NodeRegistry } from '../nodes/registry';
import { topologicalOrder } from './graph';

const code = 'E_PIPELINE_004';

/**
 * Checks what the schema cannot: unique ids, known types, params, edges
 * between existing ports of compatible types, and no cycles. Each problem
 * names the node and field.
 */
export function validateGraph(pipeline: PipelineFile, registry: NodeRegistry): PipelineProblem[] {
  const problems: PipelineProblem[] = [];
  const seen = new Set<string>();
  pipeline.nodes.forEach((node, i) => {
    const at = `nodes.${i}`;
    if (seen.has(node.id)) problems.push({ code, path: `${at}.id`, nodeId: node.id, message: `node id ${node.id} is used twice` });
    seen.add(node.id);
    const definition = registry.get(node.type);
    if (!definition) {
      problems.push({ code, path: `${at}.type`, nodeId: node.id, message: `node ${node.id} has unknown type ${node.type}` });
      return;
    }
    problems.push(...checkParams(pipeline, i, definition));
    if (node.mapOver && !nodePorts(node, definition).inputs.some((p) => p.id === node.mapOver)) {
      problems.push({ code, path: `${at}.mapOver`, nodeId: node.id, message: `node ${node.id} maps over input ${node.mapOver}, which it does not have` });
    }
  });

  const byId = new Map(pipeline.nodes.map((n) => [n.id, n]));
  const portsOf = (node: PipelineFile['nodes'][number]) => {
    const definition = registry.get(node.type);
    return definition && nodePorts(node, definition);
  };
  const connectedInputs = new Set<string>();
  pipeline.edges.forEach((edge, i) => {
    const at = `edges.${i}`;
    const from = byId.get(edge.from.node);
    const to = byId.get(edge.to.node);
    if (!from || !to) {
      const missing = !from ? edge.from.node : edge.to.node;
      problems.push({ code, path: at, nodeId: missing, message: `edge ${edge.id} points to missing node ${missing}` });
      return;
    }
    const out = portsOf(from)?.outputs.find((p) => p.id === edge.from.port);
    const input = portsOf(to)?.inputs.find((p) => p.id === edge.to.port);
    if (registry.get(from.type) && !out) {
      problems.push({ code, path: `${at}.from.port`, nodeId: from.id, message: `edge ${edge.id}: node ${from.id} has no output port ${edge.from.port}` });
    }
    if (registry.get(to.type) && !input) {
      problems.push({ code, path: `${at}.to.port`, nodeId: to.id, message: `edge ${edge.id}: node ${to.id} has no input port ${edge.to.port}` });
    }
    const key = `${to.id}.${edge.to.port}`;
    if (connectedInputs.has(key)) problems.push({ code, path: at, nodeId: to.id, message: `node ${to.id}, input ${edge.to.port} is connected twice` });
    connectedInputs.add(key);
    const mismatch = out && input ? portMismatch(out.type, input.type) : null;
    if (mismatch) problems.push({ code, path: at, nodeId: to.id, message: `edge ${edge.id} into node ${to.id}: ${mismatch}` });
  });

  pipeline.nodes.forEach((node, i) => {
    for (const input of portsOf(node)?.inputs ?? []) {
      if (!input.optional && !connectedInputs.has(`${node.id}.${input.id}`)) {
        problems.push({ code, path: `nodes.${i}`, nodeId: node.id, message: `node ${node.id}: input ${input.id} is not connected` });
      }
    }
  });

  const { cyclic } = topologicalOrder(pipeline);
  if (cyclic.length > 0) problems.push({ code, path: 'edges', nodeId: cyclic[0], message: `the graph has a cycle through nodes ${cyclic.join(', ')}` });
  return problems;
}

/**
 * Checks a node's params with every `$param` replaced by its declared default.
 * A reference to a param without a default is checked when a run gives it a value.
 */
function checkParams(pipeline: PipelineFile, index: number, definition: NodeDefinition): PipelineProblem[] {
  const node = pipeline.nodes[index];
  const at = `nodes.${index}.params`;
  const problems: PipelineProblem[] = [];
  const deferred: string[] = [];
  for (const ref of paramRefs(node.params)) {
    const declared = pipeline.params[ref.name];
    if (!declared) problems.push({ code, path: `${at}.${ref.path}`, nodeId: node.id, message: `node ${node.id}, param ${ref.path}: refers to undeclared parameter ${ref.name}` });
    if (declared?.default === undefined) deferred.push(ref.path);
  }
  const defaults = Object.fromEntries(Object.entries(pipeline.params).map(([name, p]) => [name, p.default]));
  const parsed = paramsSchema(definition.params).safeParse(substituteParams(node.params, defaults as Record<string, never>));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path.map(String).join('.');
    if (deferred.some((p) => field === p || field.startsWith(`${p}.`))) continue;
    problems.push({ code, path: `${at}.${field}`, nodeId: node.id, message: `node ${node.id}, param ${field}: ${issue.message}` });
  }
  return problems;
}

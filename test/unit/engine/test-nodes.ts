import * as z from 'zod';
import { defineNode, type NodeDefinition } from '../../../node-library/nodes/define-node';
import { builtinNodes } from '../../../node-library/nodes/index';
import { createRegistry } from '../../../node-library/nodes/registry';
import type { PipelineFile, PipelineNode } from '../../../node-library/contract';

/** Small node types that exercise engine semantics; each does real work on real values. */
const list = defineNode({
  type: 'test.list',
  version: 1,
  title: 'List',
  category: 'Test',
  description: 'Emits a JSON list of numbers 1..count, scaled by a factor.',
  inputs: [],
  outputs: [{ id: 'out', type: 'json' }],
  params: { count: { kind: 'number', label: 'Count', schema: z.number().int() }, factor: { kind: 'number', label: 'Factor', schema: z.number(), default: 1 } },
  async run({ params }) {
    return { out: Array.from({ length: params.count }, (_, i) => (i + 1) * params.factor) };
  },
});

const flaky = defineNode({
  type: 'test.flaky',
  version: 1,
  title: 'Flaky',
  category: 'Test',
  description: 'Fails until the given attempt, then passes its input through (doubled when a number).',
  inputs: [{ id: 'in', type: 'any' }],
  outputs: [{ id: 'out', type: 'any' }],
  params: {
    succeedOnAttempt: { kind: 'number', label: 'Succeed on attempt', schema: z.number().int(), default: 1 },
    failItem: { kind: 'number', label: 'Item that fails its first attempt', schema: z.number().int(), default: -1 },
  },
  async run({ inputs, params, attempt, item, log }) {
    if (attempt < params.succeedOnAttempt || (item === params.failItem && attempt === 1)) throw new Error(`flaky failure on attempt ${attempt}`);
    log(`passed on attempt ${attempt}`);
    return { out: typeof inputs.in === 'number' ? inputs.in * 2 : (inputs.in ?? 'ok') };
  },
});

const wait = defineNode({
  type: 'test.wait',
  version: 1,
  title: 'Wait',
  category: 'Test',
  description: 'Waits ms milliseconds (honouring cancellation unless told not to), then outputs its input.',
  inputs: [{ id: 'in', type: 'any' }],
  outputs: [{ id: 'out', type: 'any' }],
  params: { ms: { kind: 'number', label: 'ms', schema: z.number() }, ignoreSignal: { kind: 'boolean', label: 'Ignore signal', schema: z.boolean(), default: false } },
  async run({ inputs, params, signal }) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, params.ms);
      if (!params.ignoreSignal) signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    });
    return { out: inputs.in ?? params.ms };
  },
});

const counter = defineNode({
  type: 'test.counter',
  version: 1,
  title: 'Counter',
  category: 'Test',
  description: 'Increments a number kept in pipeline state and outputs it, plus the run parameters.',
  inputs: [],
  outputs: [{ id: 'out', type: 'json' }],
  params: {},
  async run({ state, runParams }) {
    const next = ((state.get('count') as number | undefined) ?? 0) + 1;
    state.set('count', next);
    return { out: { count: next, runParams } };
  },
});

const collect = defineNode({
  type: 'test.collect',
  version: 1,
  title: 'Collect',
  category: 'Test',
  description: 'Records every value it receives (in a list the test reads) and outputs it.',
  inputs: [{ id: 'in', type: 'any' }],
  outputs: [{ id: 'out', type: 'any' }],
  params: { tag: { kind: 'string', label: 'Tag', schema: z.string(), default: '' } },
  async run({ inputs, params, nodeId }) {
    collected.push({ nodeId, tag: params.tag, value: inputs.in });
    return { out: inputs.in ?? null };
  },
});

export const collected: { nodeId: string; tag: string; value: unknown }[] = [];
export const testNodes = [list, flaky, wait, counter, collect] as NodeDefinition[];
export const testRegistry = createRegistry([...builtinNodes, ...testNodes]);

/** A pipeline from nodes and `from->to` edge shorthand (ports out -> in). */
export function graph(nodes: (Partial<PipelineNode> & { id: string; type: string })[], edges: string[] = [], extra: Partial<PipelineFile> = {}): PipelineFile {
  return {
    format: 'pipewright/pipeline@1',
    id: 'engine-test',
    name: 'Engine test',
    description: '',
    params: {},
    nodes: nodes.map((n) => ({ version: 1, params: {}, ...n })),
    edges: edges.map((e, i) => {
      const [from, to] = e.split('->');
      return { id: `e${i}`, from: { node: from, port: 'out' }, to: { node: to, port: 'in' } };
    }),
    layout: {},
    ...extra,
  };
}

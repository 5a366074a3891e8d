import { describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../../node-library/contract';
import { graphIndex, incomingEdges, planRun } from '../../../node-library/engine/plan';

type Wire = [from: string, to: string, port?: string];

function pipeline(ids: string[], wires: Wire[]): PipelineFile {
  return {
    format: 'pipewright/pipeline@1',
    id: 'p',
    name: 'p',
    description: '',
    params: {},
    layout: {},
    nodes: ids.map((id) => ({ id, type: 'util.noop', version: 1, params: {} })),
    edges: wires.map(([from, to, port = 'in'], i) => ({ id: `e${i}`, from: { node: from, port: 'out' }, to: { node: to, port } })),
  };
}

/** A node's neighbours by id, from one of the index's flat lists. */
function listOf(start: Int32Array, list: Int32Array, ids: readonly string[], id: string): string[] {
  const i = ids.indexOf(id);
  return [...list.subarray(start[i], start[i + 1])].map((n) => ids[n]);
}

const ran = (plan: ReturnType<typeof planRun>, flags: Uint8Array) => plan.ids.filter((_, i) => flags[i]);

describe('graphIndex', () => {
  // a -> b (two ports) -> d; a -> c -> d; an edge from a node that does not exist.
  const p = pipeline(['a', 'b', 'c', 'd'], [['a', 'b'], ['a', 'b', 'after'], ['a', 'c'], ['b', 'd'], ['c', 'd', 'after'], ['ghost', 'd']]);

  it('lists each neighbour once, in edge order, and leaves out edges to unknown nodes', () => {
    const index = graphIndex(p);
    expect(listOf(index.upStart, index.up, index.ids, 'b')).toEqual(['a']);
    expect(listOf(index.upStart, index.up, index.ids, 'd')).toEqual(['b', 'c']);
    expect(listOf(index.downStart, index.down, index.ids, 'a')).toEqual(['b', 'c']);
    expect(listOf(index.downStart, index.down, index.ids, 'd')).toEqual([]);
  });

  it('keeps every edge into a node, both ports of a double wire included', () => {
    const index = graphIndex(p);
    expect(incomingEdges(index, 'b').map((e) => e.to.port)).toEqual(['in', 'after']);
    expect(incomingEdges(index, 'd').map((e) => e.from.node)).toEqual(['b', 'c']);
    expect(incomingEdges(index, 'nope')).toEqual([]);
  });
});

describe('planRun', () => {
  const p = pipeline(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd']]);

  it('runs the whole graph by default', () => {
    const plan = planRun(p);
    expect(ran(plan, plan.run)).toEqual(['a', 'b', 'c', 'd']);
    expect(plan.runCount).toBe(4);
  });

  it('runs up to a node, from a node, or one node (its inputs from stored outputs when there are some)', () => {
    const upTo = planRun(p, { partial: { mode: 'upTo', nodeId: 'b' } });
    expect(ran(upTo, upTo.run)).toEqual(['a', 'b']);
    const from = planRun(p, { partial: { mode: 'from', nodeId: 'c' }, reusable: new Map([['b', { runId: 'r0', outputs: {} }]]) });
    expect(ran(from, from.run)).toEqual(['c', 'd']);
    expect(ran(from, from.reuse)).toEqual(['b']);
    // Nothing stored for a: it runs too.
    const one = planRun(p, { partial: { mode: 'node', nodeId: 'b' } });
    expect(ran(one, one.run)).toEqual(['a', 'b']);
    expect(one.runCount).toBe(2);
  });

  it('resumes what must run again, reusing what succeeded and showing it', () => {
    const reusable = new Map(['a', 'b'].map((id) => [id, { runId: 'r0', outputs: {} }]));
    const plan = planRun(p, { mustRun: ['c', 'd'], reusable, showReused: ['a', 'b', 'c', 'd'] });
    expect(ran(plan, plan.run)).toEqual(['c', 'd']);
    expect(ran(plan, plan.reuse)).toEqual(['a', 'b']);
  });

  it('names a partial run node that is not in the pipeline', () => {
    expect(() => planRun(p, { partial: { mode: 'node', nodeId: 'zz' } })).toThrow('node zz is not in pipeline p');
  });
});

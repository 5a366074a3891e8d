import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../node-library/nodes/registry';
import { newFlowCache, toFlow, type FlowInput } from '../../../renderer/canvas/to-flow';
import { largePipeline } from '../../bench/large-pipeline';

const nodeTypes = new Map(createRegistry().list().map((info) => [info.type, info]));
const none: string[] = [];
const problemsByNode = new Map<string, readonly string[]>();
const nodeSizes = {};
const input = (overrides: Partial<FlowInput> = {}): FlowInput => ({
  nodeTypes,
  selectedNodeIds: [],
  selectedEdgeIds: none,
  selectedAnnotationIds: none,
  nodeSizes,
  problemsByNode,
  ...overrides,
});

describe('toFlow with a cache', () => {
  const pipeline = largePipeline(400);

  it('on a selection change rebuilds only the nodes selected before or now, and draws what a fresh build draws', () => {
    const cache = newFlowCache();
    const first = toFlow(pipeline, input({ selectedNodeIds: ['n_1_1'] }), cache);
    const second = toFlow(pipeline, input({ selectedNodeIds: ['n_2_2', 'n_3_3'] }), cache);
    const changed = second.nodes.filter((node, i) => node !== first.nodes[i]).map((node) => node.id);
    expect(changed.sort()).toEqual(['n_1_1', 'n_2_2', 'n_3_3']);
    expect(second.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['n_2_2', 'n_3_3']);
    expect(second.nodes).toEqual(toFlow(pipeline, input({ selectedNodeIds: ['n_2_2', 'n_3_3'] })).nodes);
    expect(second.edges).toBe(first.edges);
  });

  it('a node measured anew or given a problem is rebuilt alone', () => {
    const cache = newFlowCache();
    const first = toFlow(pipeline, input(), cache);
    const nodeSizes = { n_4_4: { width: 250, height: 140 } };
    const sized = toFlow(pipeline, input({ nodeSizes }), cache);
    expect(sized.nodes.filter((node, i) => node !== first.nodes[i]).map((n) => n.id)).toEqual(['n_4_4']);
    expect(sized.nodes.find((n) => n.id === 'n_4_4')!.measured).toEqual({ width: 250, height: 140 });
    const flagged = toFlow(pipeline, input({ nodeSizes, problemsByNode: new Map([['n_7_7', ['bad condition']]]) }), cache);
    expect(flagged.nodes.filter((node, i) => node !== sized.nodes[i]).map((n) => n.id)).toEqual(['n_7_7']);
    expect(flagged.nodes.find((n) => n.id === 'n_7_7')).toMatchObject({ data: { problems: ['bad condition'] } });
  });

  it('after an edit takes the full path again: a moved node moves, and the selection is kept', () => {
    const cache = newFlowCache();
    toFlow(pipeline, input({ selectedNodeIds: ['n_1_1'] }), cache);
    const moved = { ...pipeline, layout: { ...pipeline.layout, n_1_1: { x: 5, y: 7 } } };
    const after = toFlow(moved, input({ selectedNodeIds: ['n_1_1'] }), cache);
    const node = after.nodes.find((n) => n.id === 'n_1_1')!;
    expect(node.position).toEqual({ x: 5, y: 7 });
    expect(node.selected).toBe(true);
    // Then a selection change on the edited pipeline: the fast path must start from the edit.
    const reselected = toFlow(moved, input({ selectedNodeIds: [] }), cache);
    expect(reselected.nodes.find((n) => n.id === 'n_1_1')).toMatchObject({ position: { x: 5, y: 7 }, selected: false });
  });

  it('drops a removed node and ignores a selected id that is not in the pipeline', () => {
    const cache = newFlowCache();
    toFlow(pipeline, input(), cache);
    const smaller = { ...pipeline, nodes: pipeline.nodes.filter((n) => n.id !== 'n_0_0'), edges: pipeline.edges.filter((e) => e.from.node !== 'n_0_0') };
    const flow = toFlow(smaller, input({ selectedNodeIds: ['n_0_0'] }), cache);
    expect(flow.nodes.map((n) => n.id)).not.toContain('n_0_0');
    expect(toFlow(smaller, input({ selectedNodeIds: ['gone'] }), cache).nodes).toHaveLength(smaller.nodes.length);
    expect(cache.nodes.has('n_0_0')).toBe(false);
  });
});

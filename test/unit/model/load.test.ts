import { describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../../node-library/contract';
import { loadPipelineFile, parsePipeline } from '../../../node-library/model/load';
import { createRegistry } from '../../../node-library/nodes/registry';
import { csvPipeline, tempDir, writeTempFile } from '../helpers';

const registry = createRegistry();
const problemsOf = (pipeline: unknown) => {
  const result = parsePipeline(JSON.stringify(pipeline), registry);
  return result.ok ? [] : result.problems;
};
const base = (): PipelineFile => csvPipeline('in.csv', 'out.csv');

describe('loading and validating a pipeline', () => {
  it('accepts a valid pipeline', () => {
    expect(problemsOf(base())).toEqual([]);
  });

  it('reports a cycle naming the nodes on it', () => {
    const pipeline = base();
    pipeline.nodes.push({ id: 'filter2', type: 'transform.filter', version: 1, params: { condition: 'true' } });
    pipeline.nodes[2] = { id: 'write', type: 'transform.filter', version: 1, params: { condition: 'true' } };
    pipeline.nodes[0] = { id: 'read', type: 'transform.filter', version: 1, params: { condition: 'true' } };
    pipeline.edges.push({ id: 'back', from: { node: 'write', port: 'out' }, to: { node: 'read', port: 'in' } });
    pipeline.edges.push({ id: 'tail', from: { node: 'write', port: 'out' }, to: { node: 'filter2', port: 'in' } });
    const cycle = problemsOf(pipeline).find((p) => p.message.includes('cycle'));
    expect(cycle?.message).toBe('the graph has a cycle through nodes read, filter, write');
  });

  it('reports a dangling edge naming the missing node', () => {
    const pipeline = base();
    pipeline.edges[1] = { id: 'e2', from: { node: 'filter', port: 'out' }, to: { node: 'ghost', port: 'in' } };
    const messages = problemsOf(pipeline).map((p) => p.message);
    expect(messages).toContain('edge e2 points to missing node ghost');
    expect(messages).toContain('node write: input in is not connected');
  });

  it('reports an edge to a port that does not exist', () => {
    const pipeline = base();
    pipeline.edges[0] = { id: 'e1', from: { node: 'read', port: 'rows' }, to: { node: 'filter', port: 'in' } };
    expect(problemsOf(pipeline)).toContainEqual(expect.objectContaining({ nodeId: 'read', path: 'edges.0.from.port', message: 'edge e1: node read has no output port rows' }));
  });

  it('reports an unknown node type naming the node', () => {
    const pipeline = base();
    pipeline.nodes[1] = { id: 'filter', type: 'transform.teleport', version: 1, params: {} };
    expect(problemsOf(pipeline)).toContainEqual(expect.objectContaining({ nodeId: 'filter', path: 'nodes.1.type', message: 'node filter has unknown type transform.teleport' }));
  });

  it('reports a missing required param naming node and field', () => {
    const pipeline = base();
    pipeline.nodes[1].params = {};
    const problem = problemsOf(pipeline).find((p) => p.nodeId === 'filter');
    expect(problem?.path).toBe('nodes.1.params.condition');
    expect(problem?.message).toMatch(/^node filter, param condition: /);
  });

  it('reports duplicate node ids and an input connected twice', () => {
    const pipeline = base();
    pipeline.nodes.push({ ...pipeline.nodes[0] });
    pipeline.edges.push({ id: 'e3', from: { node: 'read', port: 'out' }, to: { node: 'filter', port: 'in' } });
    const messages = problemsOf(pipeline).map((p) => p.message);
    expect(messages).toContain('node id read is used twice');
    expect(messages).toContain('node filter, input in is connected twice');
  });

  it('refuses incompatible ports and says why', () => {
    const pipeline = base();
    pipeline.nodes.push({ id: 'filter2', type: 'transform.filter', version: 1, params: { condition: 'true' } });
    pipeline.edges.push({ id: 'e3', from: { node: 'write', port: 'file' }, to: { node: 'filter2', port: 'in' } });
    expect(problemsOf(pipeline).map((p) => p.message)).toContain('edge e3 into node filter2: file output cannot feed a table input');
  });

  it('names the node in schema errors too', () => {
    const pipeline = base() as unknown as { nodes: { retries?: unknown }[] };
    pipeline.nodes[1].retries = -1;
    expect(problemsOf(pipeline)).toContainEqual(expect.objectContaining({ nodeId: 'filter', path: 'nodes.1.retries' }));
  });

  it('refuses a newer format with a clear message, and bad JSON', () => {
    expect(problemsOf({ ...base(), format: 'pipewright/pipeline@7' })[0].message).toBe(
      'format pipewright/pipeline@7 is newer than pipewright/pipeline@1; update Pipewright to open it',
    );
    const bad = parsePipeline('{"format": ', registry);
    expect(bad.ok ? '' : bad.problems[0].code).toBe('E_PIPELINE_001');
  });

  it('reads a real file, tolerating a byte order mark, and reports a missing one', async () => {
    const dir = await tempDir();
    const file = await writeTempFile(dir, 'p.pipeline.json', `\uFEFF${JSON.stringify(base())}`);
    expect((await loadPipelineFile(file, registry)).ok).toBe(true);
    const missing = await loadPipelineFile(`${dir}/nope.json`, registry);
    expect(missing.ok ? '' : missing.problems[0].code).toBe('E_PIPELINE_006');
  });
});

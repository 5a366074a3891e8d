import { describe, expect, it } from 'vitest';
import { pipelineFileSchema, type PipelineFile } from '../../../node-library/contract';
import { setCode, updateNode } from '../../../renderer/edits/update-node';
import { withCodeProblems } from '../../../renderer/store/code-problems-slice';

const pipeline: PipelineFile = pipelineFileSchema.parse({
  format: 'pipewright/pipeline@1',
  id: 'p',
  name: 'p',
  nodes: [
    { id: 'read', type: 'source.read_csv' },
    { id: 'ts_1', type: 'code.ts', code: ['export default 1;', 'row.amout;'] },
  ],
});
const validation = [{ code: 'E_PIPELINE_004', path: 'nodes.0', nodeId: 'read', message: 'node read: input in is not connected' }];
const check = { code: pipeline.nodes[1].code, errors: [{ line: 2, column: 5, message: "Property 'amout' does not exist on type 'OrdersRow'." }] };

describe('code problems', () => {
  it('join the validation problems, naming the node, its code field and the line', () => {
    expect(withCodeProblems(validation, { ts_1: check }, pipeline)).toEqual([
      ...validation,
      { code: 'E_EDITOR_001', path: 'nodes.1.code', nodeId: 'ts_1', message: "node ts_1: line 2, column 5: Property 'amout' does not exist on type 'OrdersRow'." },
    ]);
  });

  it('lapse once the code changes (an undo while the editor is closed) or the node is gone', () => {
    const edited = updateNode(pipeline, 'ts_1', (n) => setCode(n, 'export default 2;'));
    expect(withCodeProblems(validation, { ts_1: check }, edited)).toBe(validation);
    const removed = { ...pipeline, nodes: pipeline.nodes.slice(0, 1) };
    expect(withCodeProblems(validation, { ts_1: check }, removed)).toBe(validation);
  });

  it('follow the node to its new index when nodes before it are removed', () => {
    const shifted = { ...pipeline, nodes: pipeline.nodes.slice(1) };
    expect(withCodeProblems([], { ts_1: check }, shifted)[0].path).toBe('nodes.0.code');
  });
});

describe('code as lines', () => {
  it('stores the editor text as lines, and leaves the node alone when the lines are the same', () => {
    const node = pipeline.nodes[1];
    expect(setCode(node, 'a\r\nb\nc').code).toEqual(['a', 'b', 'c']);
    expect(setCode(node, 'export default 1;\nrow.amout;')).toBe(node);
  });
});

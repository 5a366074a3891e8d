import { describe, expect, it } from 'vitest';
import { nodePorts, pipelineFileSchema, type NodeTypeInfo, type PipelineFile } from '../../../node-library/contract';
import { connectionProblem, typeMap } from '../../../renderer/edits/connect';
import { addPort, freePortId, portIdProblem, removePort, renamePort, setPortType } from '../../../renderer/edits/edit-ports';

const codeType: NodeTypeInfo = {
  type: 'code.ts',
  version: 1,
  title: 'TypeScript code',
  category: 'Code',
  description: '',
  inputs: [{ id: 'in', type: 'table', optional: true }],
  outputs: [{ id: 'out', type: 'table' }],
  params: [],
  editablePorts: true,
};
const csvType: NodeTypeInfo = { ...codeType, type: 'source.read_csv', inputs: [], editablePorts: undefined };
const sinkType: NodeTypeInfo = { ...codeType, type: 'sink.write_csv', inputs: [{ id: 'in', type: 'table' }], outputs: [], editablePorts: undefined };
const types = typeMap([codeType, csvType, sinkType]);

/** read -> code_1 -> write, with code_1 on its type's default ports. */
function pipeline(): PipelineFile {
  return pipelineFileSchema.parse({
    format: 'pipewright/pipeline@1',
    id: 'p',
    name: 'p',
    nodes: [
      { id: 'read', type: 'source.read_csv' },
      { id: 'code_1', type: 'code.ts', mapOver: 'in' },
      { id: 'write', type: 'sink.write_csv' },
    ],
    edges: [
      { id: 'e1', from: { node: 'read', port: 'out' }, to: { node: 'code_1', port: 'in' } },
      { id: 'e2', from: { node: 'code_1', port: 'out' }, to: { node: 'write', port: 'in' } },
    ],
  });
}
const code = (p: PipelineFile) => p.nodes.find((n) => n.id === 'code_1')!;

describe('port edits of a code node', () => {
  it('adds a port: the defaults are written into the file with it, and a wire can join it', () => {
    const next = addPort(pipeline(), 'code_1', codeType, 'inputs', 'customers');
    expect(code(next).ports).toEqual({
      inputs: [{ id: 'in', type: 'table', optional: true }, { id: 'customers', type: 'table', optional: true }],
      outputs: [{ id: 'out', type: 'table' }],
    });
    expect(connectionProblem(next, types, { node: 'read', port: 'out' }, { node: 'code_1', port: 'customers' })).toBeNull();
    expect(connectionProblem(pipeline(), types, { node: 'read', port: 'out' }, { node: 'code_1', port: 'customers' })).toBe('code_1 has no input customers');
  });

  it('renames an input: its edge and mapOver follow, other edges stay', () => {
    const next = renamePort(pipeline(), 'code_1', codeType, 'inputs', 'in', 'orders');
    expect(nodePorts(code(next), codeType).inputs.map((p) => p.id)).toEqual(['orders']);
    expect(next.edges).toEqual([
      { id: 'e1', from: { node: 'read', port: 'out' }, to: { node: 'code_1', port: 'orders' } },
      { id: 'e2', from: { node: 'code_1', port: 'out' }, to: { node: 'write', port: 'in' } },
    ]);
    expect(code(next).mapOver).toBe('orders');
  });

  it('renames an output: only edges leaving that port follow', () => {
    const next = renamePort(pipeline(), 'code_1', codeType, 'outputs', 'out', 'big');
    expect(next.edges.map((e) => `${e.from.node}.${e.from.port}->${e.to.node}.${e.to.port}`)).toEqual(['read.out->code_1.in', 'code_1.big->write.in']);
  });

  it('removes a port with its edges and a mapOver on it', () => {
    const next = removePort(pipeline(), 'code_1', codeType, 'inputs', 'in');
    expect(code(next).ports?.inputs).toEqual([]);
    expect(next.edges.map((e) => e.id)).toEqual(['e2']);
    expect(code(next).mapOver).toBeUndefined();
  });

  it('changes a port type; a wire of another type is then refused with the reason', () => {
    const next = setPortType(pipeline(), 'code_1', codeType, 'inputs', 'in', 'json');
    expect(code(next).ports?.inputs[0]).toEqual({ id: 'in', type: 'json', optional: true });
    expect(connectionProblem(next, types, { node: 'read', port: 'out' }, { node: 'code_1', port: 'in' })).toBe('table output cannot feed a json input');
  });

  it('refuses invalid and duplicate port names with a reason, and proposes a free one', () => {
    const node = code(addPort(pipeline(), 'code_1', codeType, 'inputs', 'in2'));
    expect(portIdProblem(node, codeType, 'inputs', '')).toBe('a port needs a name');
    expect(portIdProblem(node, codeType, 'inputs', '2nd')).toMatch(/^2nd must start with a letter/);
    expect(portIdProblem(node, codeType, 'inputs', 'in2')).toBe('this node already has an input in2');
    expect(portIdProblem(node, codeType, 'inputs', 'in2', 'in2')).toBeNull();
    expect(portIdProblem(node, codeType, 'outputs', 'in2')).toBeNull();
    expect(freePortId(node, codeType, 'inputs')).toBe('in3');
    expect(freePortId(node, codeType, 'outputs')).toBe('out2');
  });

  it('leaves the pipeline as it was when a rename keeps the name', () => {
    const p = pipeline();
    expect(renamePort(p, 'code_1', codeType, 'inputs', 'in', 'in')).toBe(p);
  });
});

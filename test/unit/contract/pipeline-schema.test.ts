import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipelineFileSchema, portMismatch, runEventSchema } from '../../../node-library/contract';
import { csvPipeline, examplesDir } from '../helpers';

describe('pipeline file schema', () => {
  it('accepts the example pipeline and fills defaults', async () => {
    const raw = JSON.parse(await readFile(path.join(examplesDir, 'big-orders.pipeline.json'), 'utf8'));
    const parsed = pipelineFileSchema.parse(raw);
    expect(parsed.nodes.map((n) => n.id)).toEqual(['read_orders', 'filter_big', 'write_big']);
    expect(parsed.layout.read_orders).toEqual({ x: 40, y: 80 });
  });

  it('keeps code as an array of lines and rejects code as one string', () => {
    const pipeline = csvPipeline('in.csv', 'out.csv');
    const withLines = { ...pipeline, nodes: [{ ...pipeline.nodes[0], code: ['const a = 1;', 'return a;'] }] };
    expect(pipelineFileSchema.parse(withLines).nodes[0].code).toEqual(['const a = 1;', 'return a;']);
    const withString = { ...pipeline, nodes: [{ ...pipeline.nodes[0], code: 'const a = 1;' }] };
    expect(pipelineFileSchema.safeParse(withString).success).toBe(false);
  });

  it('accepts frames and notes beside the layout', () => {
    const annotations = [
      { id: 'frame_1', kind: 'frame', title: 'Inputs', x: 0, y: 0, width: 600, height: 300 },
      { id: 'note_1', kind: 'note', text: ['**bold**'], x: 20, y: 40, width: 220, height: 120 },
    ];
    expect(pipelineFileSchema.parse({ ...csvPipeline('a.csv', 'b.csv'), annotations }).annotations).toEqual(annotations);
  });

  it.each([
    ['a wrong format', { format: 'something/else@1' }, 'format'],
    ['a node id with spaces', { nodes: [{ id: 'my node', type: 'source.read_csv', params: {} }] }, 'nodes.0.id'],
    ['a node type without category', { nodes: [{ id: 'n1', type: 'readcsv', params: {} }] }, 'nodes.0.type'],
    ['an unknown top-level key', { extra: true }, ''],
    ['canvas state inside a node', { nodes: [{ id: 'n1', type: 'source.read_csv', params: {}, selected: true }] }, 'nodes.0'],
    ['a note whose text is one string', { annotations: [{ id: 'note_1', kind: 'note', text: '# hi', x: 0, y: 0, width: 200, height: 100 }] }, 'annotations.0.text'],
    ['a frame without a size', { annotations: [{ id: 'frame_1', kind: 'frame', title: 'A', x: 0, y: 0 }] }, 'annotations.0.width'],
    ['an annotation of an unknown kind', { annotations: [{ id: 'x_1', kind: 'sticker', x: 0, y: 0, width: 1, height: 1 }] }, 'annotations.0.kind'],
  ])('rejects %s, naming the path', (_name, patch, expectedPath) => {
    const result = pipelineFileSchema.safeParse({ ...csvPipeline('a.csv', 'b.csv'), ...patch });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(expectedPath);
  });
});

describe('run events', () => {
  it('is one union discriminated by type', () => {
    const event = { type: 'node:state', runId: 'r1', at: 1, nodeId: 'read', state: 'running' };
    expect(runEventSchema.parse(event)).toEqual(event);
    expect(runEventSchema.safeParse({ ...event, state: 'exploded' }).success).toBe(false);
    expect(runEventSchema.safeParse({ type: 'run:teleport', runId: 'r1', at: 1 }).success).toBe(false);
  });
});

describe('port compatibility', () => {
  it('says why a json output cannot feed a table input', () => {
    expect(portMismatch('json', 'table')).toBe('json output cannot feed a table input');
    expect(portMismatch('table', 'table')).toBeNull();
    expect(portMismatch('table', 'any')).toBeNull();
  });
});

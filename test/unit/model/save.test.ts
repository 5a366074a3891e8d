import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipelineFileSchema } from '../../../node-library/contract';
import { serializePipeline, writeFileAtomic } from '../../../node-library/model/save';
import { csvPipeline, examplesDir, tempDir } from '../helpers';

describe('saving a pipeline', () => {
  it('writes the example pipeline back byte for byte', async () => {
    const text = await readFile(path.join(examplesDir, 'big-orders.pipeline.json'), 'utf8');
    expect(serializePipeline(pipelineFileSchema.parse(JSON.parse(text)))).toBe(text);
  });

  it('gives the same bytes whatever order keys and layout entries arrive in', () => {
    const pipeline = csvPipeline('in.csv', 'out.csv');
    pipeline.layout = { write: { x: 3, y: 0 }, read: { x: 1, y: 0 } };
    const { layout: _layout, ...logic } = pipeline;
    const reordered = JSON.parse(JSON.stringify({ layout: { read: { y: 0, x: 1 }, write: { x: 3, y: 0 } }, ...logic }));
    reordered.nodes[0] = { params: reordered.nodes[0].params, id: 'read', version: 1, type: 'source.read_csv' };
    expect(serializePipeline(reordered)).toBe(serializePipeline(pipeline));
    expect(Object.keys(JSON.parse(serializePipeline(pipeline)).layout)).toEqual(['read', 'write']);
  });

  it('keeps the layout apart from the logic: moving a node changes only layout lines', () => {
    const pipeline = csvPipeline('in.csv', 'out.csv');
    pipeline.layout = { read: { x: 0, y: 0 } };
    const before = serializePipeline(pipeline).split('\n');
    pipeline.layout.read = { x: 120, y: 0 };
    const after = serializePipeline(pipeline).split('\n');
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).toEqual(['      "x": 120,']);
  });

  it('writes frames and notes after the layout, sorted by id, keys in a fixed order, and none when there are none', () => {
    const pipeline = csvPipeline('in.csv', 'out.csv');
    const without = serializePipeline(pipeline);
    expect(without).not.toContain('annotations');
    pipeline.annotations = [
      { height: 80, width: 200, y: 5, x: 300, text: ['# Why', 'Rows come **raw**.'], kind: 'note', id: 'note_1' },
      { id: 'frame_1', kind: 'frame', title: 'Inputs', x: -20, y: -60, width: 600, height: 300 },
    ];
    const text = serializePipeline(pipeline);
    const file = JSON.parse(text);
    expect(Object.keys(file).slice(-2)).toEqual(['layout', 'annotations']);
    expect(file.annotations.map((a: { id: string }) => a.id)).toEqual(['frame_1', 'note_1']);
    expect(Object.keys(file.annotations[1])).toEqual(['id', 'kind', 'text', 'x', 'y', 'width', 'height']);
    // The logic lines do not move: everything before "layout" is as without annotations.
    expect(text.slice(0, text.indexOf('"layout"'))).toBe(without.slice(0, without.indexOf('"layout"')));
    expect(serializePipeline(pipelineFileSchema.parse(JSON.parse(text)))).toBe(text);
  });

  it('replaces the file atomically and leaves no temp file behind', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'p.pipeline.json');
    await writeFileAtomic(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['p.pipeline.json']);
  });
});

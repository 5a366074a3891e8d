import { defineNode } from '../define-node';
import { param } from '../params';
import { copyToFile } from './copy-to-file';

export const writeJsonNode = defineNode({
  type: 'sink.write_json',
  version: 1,
  title: 'Write JSON',
  category: 'Sinks',
  description: 'Writes its input table to a JSON file: one array with an object per row. Dates and timestamps are written as ISO strings. Creates folders as needed.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'file', type: 'file' }],
  params: {
    path: param.path('File', { description: 'Relative to the pipeline file, or absolute.', extensions: ['.json'] }),
  },
  async run(ctx) {
    const { file } = await copyToFile(ctx, ctx.params.path, 'FORMAT json, ARRAY true');
    return { file };
  },
});

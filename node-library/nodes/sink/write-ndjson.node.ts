import { defineNode } from '../define-node';
import { param } from '../params';
import { copyToFile } from './copy-to-file';

export const writeNdjsonNode = defineNode({
  type: 'sink.write_ndjson',
  version: 1,
  title: 'Write NDJSON',
  category: 'Sinks',
  description: 'Writes its input table as newline-delimited JSON: one object per row, one row per line. Creates folders as needed.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'file', type: 'file' }],
  params: {
    path: param.path('File', { description: 'Relative to the pipeline file, or absolute.', extensions: ['.ndjson', '.jsonl'] }),
  },
  async run(ctx) {
    const { file } = await copyToFile(ctx, ctx.params.path, 'FORMAT json');
    return { file };
  },
});

import { sqlString } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { copyToFile } from './copy-to-file';

export const writeCsvNode = defineNode({
  type: 'sink.write_csv',
  version: 1,
  title: 'Write CSV',
  category: 'Sinks',
  description: 'Writes its input table to a CSV file (UTF-8, quoting fields that need it), creating folders as needed. The file is replaced whole, never left half-written.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'file', type: 'file' }],
  params: {
    path: param.path('File', { description: 'Relative to the pipeline file, or absolute.', extensions: ['.csv'] }),
    delimiter: param.string('Delimiter', { default: ',' }),
    header: param.boolean('Header row', { default: true }),
  },
  async run(ctx) {
    const { path, delimiter, header } = ctx.params;
    const { file } = await copyToFile(ctx, path, `FORMAT csv, HEADER ${header}, DELIMITER ${sqlString(delimiter)}`);
    return { file };
  },
});

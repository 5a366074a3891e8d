import { defineNode } from '../define-node';
import { param } from '../params';
import { copyToFile } from './copy-to-file';

export const writeParquetNode = defineNode({
  type: 'sink.write_parquet',
  version: 1,
  title: 'Write Parquet',
  category: 'Sinks',
  description: 'Writes its input table to a Parquet file, keeping column names and types. Creates folders as needed.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'file', type: 'file' }],
  params: {
    path: param.path('File', { description: 'Relative to the pipeline file, or absolute.', extensions: ['.parquet'] }),
    compression: param.enum('Compression', ['snappy', 'zstd', 'gzip', 'uncompressed'], { default: 'snappy' }),
  },
  async run(ctx) {
    const { file } = await copyToFile(ctx, ctx.params.path, `FORMAT parquet, COMPRESSION ${ctx.params.compression}`);
    return { file };
  },
});

import { sqlString } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { describedQuery, fileFingerprint, lazySource } from './file-source';

export const readParquetNode = defineNode({
  type: 'source.read_parquet',
  version: 1,
  title: 'Read Parquet',
  category: 'Sources',
  description: 'Reads a Parquet file into a table, with the column names and types stored in the file.',
  inputs: [],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    path: param.path('File', { description: 'Relative to the pipeline file, or absolute.', extensions: ['.parquet'] }),
  },
  async run(ctx) {
    const { params, host, data, signal, log } = ctx;
    // Parquet values are typed: nothing to convert, so the rows are not read through here,
    // and the count comes from the file's footer.
    const { out } = await lazySource(ctx, () => describedQuery(ctx, `SELECT * FROM read_parquet(${sqlString(host.resolvePath(params.path))})`), { readThrough: false });
    log(`read ${await data.count(out, signal)} rows from ${params.path}`);
    return { out };
  },
  lazy: true,
  fingerprint: ({ path }, host) => fileFingerprint(path, host),
});

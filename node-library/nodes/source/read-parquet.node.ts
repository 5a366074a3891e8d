import { sqlString } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { fileFingerprint, storeSource } from './file-source';

export const readParquetNode = defineNode({
  type: 'source.read_parquet',
  version: 1,
  title: 'Read Parquet',
  category: 'Sources',
  description: 'Reads a Parquet file into a table, with the column names and types stored in the file.',
  inputs: [],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    path: param.path('File', { description: 'Relative to the pipeline file, or absolute.' }),
  },
  async run(ctx) {
    const { params, host, data, signal, log } = ctx;
    const out = await storeSource(ctx, `SELECT * FROM read_parquet(${sqlString(host.resolvePath(params.path))})`);
    log(`read ${await data.count(out, signal)} rows from ${params.path}`);
    return { out };
  },
  fingerprint: ({ path }, host) => fileFingerprint(path, host),
});

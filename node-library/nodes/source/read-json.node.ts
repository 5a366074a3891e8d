import { sqlString } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { fileFingerprint, storeSource } from './file-source';

export const jsonFormats = ['auto', 'array', 'newline_delimited'] as const;

export const readJsonNode = defineNode({
  type: 'source.read_json',
  version: 1,
  title: 'Read JSON',
  category: 'Sources',
  description:
    'Reads a JSON file into a table: an array of objects, or newline-delimited JSON (one object per line, NDJSON). ' +
    'Each key becomes a column; nested objects and arrays become STRUCT and LIST columns. Types are inferred by DuckDB.',
  inputs: [],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    path: param.path('File', { description: 'Relative to the pipeline file, or absolute.', extensions: ['.json', '.ndjson', '.jsonl'] }),
    format: param.enum('Format', jsonFormats, { default: 'auto', description: 'auto: detected from the file; array: one top-level array; newline_delimited: one value per line.' }),
  },
  async run(ctx) {
    const { params, host, data, signal, log } = ctx;
    const file = host.resolvePath(params.path);
    const out = await storeSource(ctx, `SELECT * FROM read_json(${sqlString(file)}, format = ${sqlString(params.format)})`, async (message) =>
      message.startsWith('IO Error') ? undefined : `${params.path}: ${message.replace(/^Invalid Input Error: /, '').replaceAll(file, params.path)}`,
    );
    // Counting a lazy source would read the whole file once more.
    if (!ctx.fuse) log(`read ${await data.count(out, signal)} rows from ${params.path}`);
    return { out };
  },
  fingerprint: ({ path }, host) => fileFingerprint(path, host),
});

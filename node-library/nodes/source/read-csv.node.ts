import { stat } from 'node:fs/promises';
import { sqlString, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';

export const readCsvNode = defineNode({
  type: 'source.read_csv',
  version: 1,
  title: 'Read CSV',
  category: 'Sources',
  description: 'Reads a CSV file into a table. Column types are sniffed by DuckDB.',
  inputs: [],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    path: param.path('File', { description: 'Relative to the pipeline file, or absolute.' }),
    header: param.boolean('First row is a header', { default: true }),
    delimiter: param.string('Delimiter', { default: ',' }),
  },
  async run({ params, host, data, signal, log }) {
    const file = host.resolvePath(params.path);
    const options = `header = ${params.header}, delim = ${sqlString(params.delimiter)}`;
    const out = table(`SELECT * FROM read_csv(${sqlString(file)}, ${options})`);
    // Counting here also checks the file exists and parses, so a bad path fails this node, not a later one.
    log(`read ${await data.count(out, signal)} rows from ${params.path}`);
    return { out };
  },
  async fingerprint({ path }, host) {
    const file = await stat(host.resolvePath(path));
    return `${file.size}:${file.mtimeMs}`;
  },
});

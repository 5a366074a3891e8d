import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { sqlString, type TableValue } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';

export const writeCsvNode = defineNode({
  type: 'sink.write_csv',
  version: 1,
  title: 'Write CSV',
  category: 'Sinks',
  description: 'Writes its input table to a CSV file with a header row, creating folders as needed.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'file', type: 'file' }],
  params: {
    path: param.path('File', { description: 'Relative to the pipeline file, or absolute.' }),
    delimiter: param.string('Delimiter', { default: ',' }),
  },
  async run({ inputs, params, host, data, signal, log }) {
    const input = inputs.in as TableValue;
    const file = host.resolvePath(params.path);
    await mkdir(path.dirname(file), { recursive: true });
    await data.execute(`COPY (${input.sql}) TO ${sqlString(file)} (FORMAT csv, HEADER true, DELIMITER ${sqlString(params.delimiter)})`, signal);
    log(`wrote ${await data.count(input, signal)} rows to ${params.path}`);
    return { file };
  },
});

import { z } from 'zod';
import { sqlString } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { explainCsvError } from './csv-errors';
import { fileFingerprint, storeSource } from './file-source';

export const csvEncodings = ['utf-8', 'latin-1', 'utf-16'] as const;

export const readCsvNode = defineNode({
  type: 'source.read_csv',
  version: 1,
  title: 'Read CSV',
  category: 'Sources',
  description:
    'Reads a CSV file into a table. Quoted fields may hold the delimiter, line breaks and doubled quotes; a UTF-8 BOM and CRLF line ends are fine. ' +
    'An empty field is NULL, a quoted empty field ("") an empty string. Column types are sniffed by DuckDB from the first 20,480 rows: set any that come out wrong under Column types. ' +
    'A row with more or fewer fields than the header fails the node, naming its line.',
  inputs: [],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    path: param.path('File', { description: 'Relative to the pipeline file, or absolute.' }),
    header: param.boolean('First row is a header', { default: true }),
    delimiter: param.string('Delimiter', { default: ',' }),
    quote: param.string('Quote', { default: '"', description: 'The character around fields that hold the delimiter or line breaks.' }),
    escape: param.string('Escape', { default: '"', description: 'The character before a quote inside a quoted field; `"` for doubled quotes ("").' }),
    encoding: param.enum('Encoding', csvEncodings, { default: 'utf-8' }),
    types: param.keyValue('Column types', {
      default: {},
      description: 'Column name -> DuckDB type (INTEGER, BIGINT, DOUBLE, DECIMAL(12,2), VARCHAR, DATE, TIMESTAMP, BOOLEAN), for columns whose sniffed type is wrong.',
    }),
    skipRows: { ...param.number('Lines to skip', { default: 0, description: 'Lines before the header (titles, notes) to ignore.' }), schema: z.number().int().min(0) },
    nullString: param.string('Null text', { default: '', description: 'An unquoted field with exactly this text is NULL. Empty by default.' }),
  },
  async run(ctx) {
    const { params, host, data, signal, log } = ctx;
    const file = host.resolvePath(params.path);
    const options = [
      `header = ${params.header}`,
      `delim = ${sqlString(params.delimiter)}`,
      `quote = ${sqlString(params.quote)}`,
      `escape = ${sqlString(params.escape)}`,
      `encoding = ${sqlString(params.encoding)}`,
      `skip = ${params.skipRows}`,
      `nullstr = ${sqlString(params.nullString)}`,
      'allow_quoted_nulls = false',
    ];
    const types = Object.entries(params.types);
    if (types.length > 0) options.push(`types = {${types.map(([column, type]) => `${sqlString(column)}: ${sqlString(type)}`).join(', ')}}`);
    const readSql = (extra = '') => `SELECT * FROM read_csv(${[sqlString(file), ...options, ...(extra ? [extra] : [])].join(', ')})`;
    const out = await storeSource(ctx, readSql(), (message) => explainCsvError(message, { data, name: params.path, readSql, signal }));
    // Counting a lazy source would read the whole file once more.
    if (!ctx.fuse) log(`read ${await data.count(out, signal)} rows from ${params.path}`);
    return { out };
  },
  fingerprint: ({ path }, host) => fileFingerprint(path, host),
});

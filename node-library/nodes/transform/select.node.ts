import { sqlIdent, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindColumns, paramError, requireColumns, requireDistinct, tableInput } from './table-sql';

export const selectNode = defineNode({
  type: 'transform.select',
  version: 1,
  title: 'Select columns',
  category: 'Transforms',
  description:
    'Keeps, reorders and renames columns. Columns lists the ones to keep, in the order wanted; leave it empty to keep every column in its place. Renames maps an old name to a new one.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    columns: param.columns('Columns', { default: [], description: 'The columns to keep, in output order. Empty keeps them all.' }),
    renames: param.keyValue('Renames', { default: {}, description: 'Old name -> new name.' }),
  },
  view: true,
  async run({ inputs, params, data, signal, log }) {
    const input = tableInput(inputs, 'in');
    const available = await bindColumns(data, input, signal);
    requireColumns(available, params.columns, 'columns');
    requireDistinct(params.columns, 'columns');
    const kept = params.columns.length > 0 ? params.columns : available.map((c) => c.name);
    for (const from of Object.keys(params.renames)) {
      if (!kept.includes(from)) {
        throw paramError('renames', `${JSON.stringify(from)} is not ${available.some((c) => c.name === from) ? 'among the selected columns' : 'a column of the input'}`);
      }
    }
    const names = kept.map((name) => params.renames[name] ?? name);
    if (names.some((n) => n.trim() === '')) throw paramError('renames', 'a new name must not be empty');
    requireDistinct(names, 'renames', 'output column');
    const list = kept.map((name, i) => (names[i] === name ? sqlIdent(name) : `${sqlIdent(name)} AS ${sqlIdent(names[i])}`));
    log(`columns: ${names.join(', ')}`);
    const out = table(`SELECT ${list.join(', ')} FROM (${input.sql})`);
    // Every row kept: over a lazy source, counting again would read the whole file once more.
    data.sameRowsAs(out, input);
    return { out };
  },
});

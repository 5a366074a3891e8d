import { isTable, table } from '../../data/table';
import { defineNode } from '../define-node';
import { bindColumns, tableInput } from '../transform/table-sql';

const ports = ['in1', 'in2', 'in3', 'in4'] as const;

export const mergeNode = defineNode({
  type: 'control.merge',
  version: 1,
  title: 'Merge',
  category: 'Control',
  description: [
    'Stacks the rows of whichever inputs arrived, matching columns by name (a column one input lacks is NULL there).',
    'Set the node\'s trigger to all_done to merge branches of which some failed or were skipped: it then waits for all of them and uses the tables that came.',
    'It fails only when no input arrived.',
  ].join(' '),
  inputs: ports.map((id) => ({ id, type: 'table' as const, optional: true })),
  outputs: [{ id: 'out', type: 'table' }],
  params: {},
  async run({ inputs, data, signal, log }) {
    const arrived = ports.filter((port) => isTable(inputs[port]));
    if (arrived.length === 0) throw new Error('no input arrived: connect tables to in1 ... in4 (the upstream nodes all failed or were skipped)');
    const out = table(arrived.map((port) => `SELECT * FROM (${tableInput(inputs, port).sql})`).join(' UNION ALL BY NAME '));
    await bindColumns(data, out, signal);
    const missing = ports.filter((port) => !arrived.includes(port) && inputs[port] !== undefined);
    log(`merged ${arrived.join(', ')}${missing.length > 0 ? `; ignored ${missing.join(', ')} (not tables)` : ''}`);
    return { out };
  },
});

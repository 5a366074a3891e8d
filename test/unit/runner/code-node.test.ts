import { describe, expect, it } from 'vitest';
import { codeNode, pipelineOf, runCode } from './code-harness';

describe('code.ts nodes', () => {
  it('reads table rows lazily and returns rows that become a typed table', async () => {
    const code = [
      'export default async function run({ inputs, log }) {',
      '  const out = [];',
      '  for (const row of inputs.in) if (row.amount > 100) out.push({ id: row.id, double: row.amount * 1.5, name: row.name.toUpperCase() });',
      '  console.log("kept", out.length, "of", inputs.in.length);',
      '  log.warn("careful");',
      '  return { out };',
      '}',
    ].join('\n');
    const run = await runCode(pipelineOf([codeNode('code', code)], "SELECT * FROM (VALUES (1, 250.5, 'ada'), (2, 75.0, 'grace'), (3, 1200.0, 'alan')) t(id, amount, name)"));
    expect(run.error('code')).toBeUndefined();
    expect(run.state).toBe('succeeded');
    expect(run.preview('code')).toMatchObject({ columns: [{ name: 'id', type: 'INTEGER' }, { name: 'double', type: 'DOUBLE' }, { name: 'name', type: 'VARCHAR' }], rows: [[1, 375.75, "ADA"], [3, 1800, "ALAN"]], totalRows: 2 });
    expect(run.logs('code')).toEqual([{ level: 'info', message: 'kept 2 of 3' }, { level: 'warn', message: 'careful' }]);
  });
});

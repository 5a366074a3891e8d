import { describe, expect, it } from 'vitest';
import { duckDbTsType } from '../../../renderer/editor/duckdb-ts-type';
import { codeNode, pipelineOf, runCode } from './code-harness';

// The editor's declaration promises each column a TypeScript type; this runs a real runner and checks the promise.
const columns: [string, string][] = [
  ['BOOLEAN', 'true'],
  ['TINYINT', '7'],
  ['INTEGER', '7'],
  ['UINTEGER', '7'],
  ['BIGINT', '7'],
  ['UBIGINT', '7'],
  ['HUGEINT', '7'],
  ['FLOAT', '1.5'],
  ['DOUBLE', '1.5'],
  ['DECIMAL(10,2)', '1.5'],
  ['DECIMAL(30,2)', '1.5'],
  ['VARCHAR', "'text'"],
  ['DATE', "'2024-01-02'"],
  ['TIMESTAMP', "'2024-01-02 03:04:05'"],
  ['TIMESTAMP WITH TIME ZONE', "'2024-01-02 03:04:05+00'"],
  ['TIME', "'03:04:05'"],
  ['INTERVAL', "INTERVAL 3 DAY"],
  ['UUID', "'8f14e45f-ceea-467f-a0e6-1b5c6f4a1d6e'"],
  ['BLOB', "'\\xAA'::BLOB"],
  ['INTEGER[]', '[1, 2]'],
  ['STRUCT(a INTEGER)', "{'a': 1}"],
  ['MAP(VARCHAR, INTEGER)', "MAP {'k': 1}"],
];

describe('the declared type of each DuckDB column type', () => {
  it('is the type of the value a code node receives', async () => {
    const query = `SELECT ${columns.map(([type, value], i) => `${value}::${type} AS c${i}`).join(', ')}`;
    const code = 'export default async function run({ inputs }) { const row = inputs.in.get(0); return { out: [{ types: JSON.stringify(inputs.in.columns.map((c) => typeof row[c])) }] } }';
    const run = await runCode(pipelineOf([codeNode('code', code)], query));
    expect(run.error('code')).toBeUndefined();
    const seen = JSON.parse(run.preview('code')!.rows![0][0] as string) as string[];
    expect(Object.fromEntries(columns.map(([type], i) => [type, seen[i]]))).toEqual(Object.fromEntries(columns.map(([type]) => [type, duckDbTsType(type)])));
  });
});

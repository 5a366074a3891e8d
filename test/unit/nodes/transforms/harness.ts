import { table, type TableValue } from '../../../../node-library/data/table';

/** The same harness as the source nodes': run() with params checked as the engine does, rows() of a table output. */
export { sourceHarness as nodeHarness } from '../sources/harness';

/** An inline table: `values("(1, 'a'), (2, 'b')", 'id, name')`. */
export function values(rows: string, columns: string): TableValue {
  return table(`SELECT * FROM (VALUES ${rows}) t(${columns})`);
}

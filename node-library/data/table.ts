/**
 * A table flowing between nodes: the SQL that produces it, not its rows.
 * A node builds its output as SQL over its inputs; the engine then stores it
 * as a table of the run's database (see DuckDbSession.materialise), so the
 * nodes after it, its preview and its row count read that table instead of
 * running the query, or re-reading the source file, again.
 */
export interface TableValue {
  kind: 'table';
  sql: string;
}

export function table(sql: string): TableValue {
  return { kind: 'table', sql };
}

export function isTable(value: unknown): value is TableValue {
  return typeof value === 'object' && value !== null && (value as TableValue).kind === 'table';
}

/** A string literal for SQL text: paths and names from the user, quoted safely. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A quoted SQL identifier (a column or table name), safe for any name. */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The name of the table that holds a node's output port in the run's database; one per item of a mapped node. */
export function outputTableName(nodeId: string, port: string, item?: number): string {
  return item === undefined ? `${nodeId}__${port}` : `${nodeId}__${port}__${item}`;
}

/** The rows of `input` for which `condition` (an SQL expression, parenthesised) holds: a filter node's output. */
export function rowsWhere(input: TableValue, condition: string): TableValue {
  return table(`SELECT * FROM (${input.sql}) WHERE ${condition}`);
}

/** The SQL that reads a stored table. */
export function tableRef(name: string): TableValue {
  return table(`SELECT * FROM ${sqlIdent(name)}`);
}

/**
 * A table flowing between nodes: the SQL that produces it, not its rows.
 * Chains of SQL-able nodes stay lazy and run as one fused query when a sink,
 * a preview or a code node finally needs rows.
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

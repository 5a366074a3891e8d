import { sqlIdent } from '../../data/table';

/** PostgreSQL type OIDs (pg_type.oid) and the DuckDB types their text form is cast to. */
const duckTypeByOid: Record<number, string> = {
  16: 'BOOLEAN',
  20: 'BIGINT',
  21: 'SMALLINT',
  23: 'INTEGER',
  26: 'BIGINT',
  700: 'FLOAT',
  701: 'DOUBLE',
  1082: 'DATE',
  1083: 'TIME',
  1114: 'TIMESTAMP',
  1184: 'TIMESTAMPTZ',
  114: 'JSON',
  3802: 'JSON',
  2950: 'UUID',
};

const numericOid = 1700;
const byteaOid = 17;

/** The DuckDB type for a PostgreSQL column: numeric(p,s) becomes DECIMAL(p,s) up to 38 digits; unknown types stay text. */
export function duckDbType(oid: number, typmod: number): string {
  if (oid === numericOid) {
    if (typmod < 4) return 'DOUBLE';
    const precision = ((typmod - 4) >> 16) & 0xffff;
    const scale = (typmod - 4) & 0xffff;
    return precision <= 38 ? `DECIMAL(${precision},${scale})` : 'DOUBLE';
  }
  if (oid === byteaOid) return 'BLOB';
  return duckTypeByOid[oid] ?? 'VARCHAR';
}

/** SQL that turns a text column holding PostgreSQL's text output into its DuckDB type. */
export function castFromText(column: string, type: string): string {
  const ref = sqlIdent(column);
  if (type === 'VARCHAR') return ref;
  // bytea's text form is hex: \x0102...
  if (type === 'BLOB') return `from_hex(substr(${ref}, 3)) AS ${ref}`;
  return `CAST(${ref} AS ${type}) AS ${ref}`;
}

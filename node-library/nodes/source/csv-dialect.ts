import type { Column, DuckDbSession } from '../../data/duckdb-session';
import { sqlString } from '../../data/table';

/**
 * Sniffs a CSV once with DuckDB's sniff_csv and returns the read_csv query with
 * what it found pinned (line ends, comment, date formats, every column's name
 * and type) and auto_detect off. Each node that reads the file again then
 * skips the sniffer, which samples the file on every read (20-50 ms on a
 * 26 MB file). `options` are read_csv's, as the user set them.
 */
export async function pinnedCsvQuery(data: DuckDbSession, file: string, options: string[], signal: AbortSignal): Promise<{ sql: string; columns: Column[] }> {
  const sniffSql = `SELECT NewLineDelimiter, Comment, Columns, DateFormat, TimestampFormat FROM sniff_csv(${[sqlString(file), ...options].join(', ')})`;
  const [[newLine, comment, sniffedColumns, dateFormat, timestampFormat]] = (await data.query(sniffSql, signal)).rows as [string, string, Column[], string | null, string | null][];
  const columns = sniffedColumns.map(({ name, type }) => ({ name, type }));
  const pinned = [
    // The types the user set are part of the sniffed columns, and read_csv refuses both.
    ...options.filter((option) => !option.startsWith('types =')),
    'auto_detect = false',
    `new_line = ${sqlString(newLine)}`,
    `columns = {${columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ')}}`,
  ];
  // sniff_csv says "(empty)" when the file has no comment lines.
  if (comment && comment !== '(empty)') pinned.push(`comment = ${sqlString(comment)}`);
  if (dateFormat) pinned.push(`dateformat = ${sqlString(dateFormat)}`);
  if (timestampFormat) pinned.push(`timestampformat = ${sqlString(timestampFormat)}`);
  return { sql: `SELECT * FROM read_csv(${[sqlString(file), ...pinned].join(', ')})`, columns };
}

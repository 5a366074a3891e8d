import type { DuckDbSession } from '../../data/duckdb-session';

/**
 * Turns DuckDB's CSV errors into one line that names the file and the line:
 * `orders.csv, line 3: expected 3 fields, found 2 (the line reads: 4,5)`.
 */
export async function explainCsvError(message: string, context: { data: DuckDbSession; name: string; readSql: (extra: string) => string; signal: AbortSignal }): Promise<string | undefined> {
  if (message.startsWith('record_too_large')) return `${context.name}: ${message}`;
  const located = /CSV Error on Line: (\d+)\nOriginal Line: ([^\n]*)\n([^\n]*)/.exec(message);
  if (located) return describe(context.name, Number(located[1]), located[3], located[2]);
  if (!message.includes('Error when sniffing file')) return undefined;
  // A ragged row among the first rows stops DuckDB's sniffer before it says where; read again keeping rejected rows to find it.
  const rejected = await context.data
    .withConnection(context.signal, async (c) => {
      await c.run(`SELECT count(*) FROM (${context.readSql('store_rejects = true')})`);
      const reader = await c.runAndReadAll('SELECT line, csv_line, error_message FROM reject_errors ORDER BY line LIMIT 1');
      return reader.getRowsJson()[0] as [string, string, string] | undefined;
    })
    .catch(() => undefined);
  if (rejected) return describe(context.name, Number(rejected[0]), rejected[2], rejected[1]);
  return `${context.name}: DuckDB could not read this file as CSV with these settings; check the delimiter, quote, escape and encoding, and look for a quote that is never closed`;
}

function describe(name: string, line: number, problem: string, text: string): string {
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(problem);
  const what = columns ? `expected ${columns[1]} fields, found ${columns[2]}` : problem.replace(/\.$/, '');
  const converting = /Error when converting column "([^"]*)"/.exec(problem);
  const hint = converting
    ? `; its type was sniffed from the first rows: set a type for column ${converting[1]} under Column types (e.g. VARCHAR)`
    : problem.includes('not utf-8 encoded')
      ? '; set Encoding to the one the file was written in (latin-1 or utf-16)'
      : '';
  const shown = text.length > 200 ? `${text.slice(0, 200)}...` : text;
  return `${name}, line ${line}: ${what}${hint} (the line reads: ${shown})`;
}

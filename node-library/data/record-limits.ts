import { PipewrightError } from '../contract';

/** DuckDB's readers take each record whole, up to a limit; past it they fail with one of these messages. */
const limits = [
  { pattern: /Maximum line size of (\d+) bytes exceeded/, record: 'a CSV line' },
  { pattern: /"maximum_object_size" of (\d+) bytes exceeded/, record: 'a JSON value' },
];

/**
 * The record_too_large error for a DuckDB error about a record over its reader's limit, else undefined.
 * The reader stops at the limit rather than loading the record, so memory stays bounded.
 */
export function recordTooLarge(error: unknown): PipewrightError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  for (const { pattern, record } of limits) {
    const limit = pattern.exec(message)?.[1];
    if (limit === undefined) continue;
    const size = `${Math.round(Number(limit) / 2 ** 20)} MB`;
    return new PipewrightError('E_DATA_001', `record_too_large: ${record} is over ${size}, the most one record may hold; split it, or keep large values in files of their own and read them by path`);
  }
  return undefined;
}

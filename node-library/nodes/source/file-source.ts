import { stat } from 'node:fs/promises';
import { PipewrightError } from '../../contract';
import { outputTableName, table, type TableValue } from '../../data/table';
import type { HostApi } from '../../engine/host';
import type { NodeContext } from '../define-node';
import { duckDbMessage } from '../transform/table-sql';

// What the file sources share: reading into a table of the run's database (so a
// bad file fails its own node, with its own message, and is parsed once however
// many nodes read it) and a cache fingerprint of the file.

/**
 * Stores the rows of `sql` as the node's `out` table. A failure becomes an
 * error with the message `explain` makes of DuckDB's, or DuckDB's own. In a
 * run without previews (ctx.fuse) the rows stay a lazy query, checked only as
 * far as its schema: the node that reads them runs the fused query, and a bad
 * row fails there, with DuckDB's message naming the file and line.
 */
export async function storeSource(ctx: NodeContext, sql: string, explain?: (message: string) => Promise<string | undefined>): Promise<TableValue> {
  try {
    if (ctx.fuse) {
      await ctx.data.query(`DESCRIBE ${sql}`, ctx.signal);
      return table(sql);
    }
    return await ctx.data.materialise(outputTableName(ctx.nodeId, 'out', ctx.item), table(sql), ctx.signal);
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const message = duckDbMessage(error);
    const explained = (await explain?.(message).catch(() => undefined)) ?? message;
    throw error instanceof PipewrightError ? new PipewrightError(error.code, explained) : new Error(explained, { cause: error });
  }
}

/** Size and modification time of a file: a changed file misses the cache. */
export async function fileFingerprint(relativeOrAbsolute: string, host: HostApi): Promise<string> {
  const file = await stat(host.resolvePath(relativeOrAbsolute)).catch(() => undefined);
  return file ? `${file.size}:${file.mtimeMs}` : 'missing';
}

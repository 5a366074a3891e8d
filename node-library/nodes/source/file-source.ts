import { stat } from 'node:fs/promises';
import { PipewrightError } from '../../contract';
import type { Column } from '../../data/duckdb-session';
import { outputTableName, table, type TableValue } from '../../data/table';
import type { HostApi } from '../../engine/host';
import type { NodeContext } from '../define-node';
import { duckDbMessage } from '../transform/table-sql';

// What the file sources share: checking the rows in the source itself (so a bad
// file fails its own node, with its own message), either by storing them in a
// table of the run's database or, for a lazy source (CSV, Parquet), by reading
// them through once; and a cache fingerprint of the file.

/**
 * Stores the rows of `sql` as the node's `out` table. A failure becomes an
 * error with the message `explain` makes of DuckDB's, or DuckDB's own. In a
 * run without previews (ctx.fuse) the rows stay a lazy query, checked only as
 * far as its schema: the node that reads them runs the fused query, and a bad
 * row fails there, with DuckDB's message naming the file and line.
 */
export async function storeSource(ctx: NodeContext, sql: string, explain?: Explain): Promise<TableValue> {
  return explained(ctx, explain, async () => {
    if (ctx.fuse) {
      await ctx.data.query(`DESCRIBE ${sql}`, ctx.signal);
      return table(sql);
    }
    return ctx.data.materialise(outputTableName(ctx.nodeId, 'out', ctx.item), table(sql), ctx.signal);
  });
}

/**
 * For a source that stays a query in every run (its definition says `lazy`):
 * `describe` finds its SQL and columns. With previews and `readThrough` the
 * rows are then read through once, every column converted, so a bad row fails
 * this node and the row count is known. Returns the value and that count.
 */
export async function lazySource(
  ctx: NodeContext,
  describe: () => Promise<{ sql: string; columns: Column[] }>,
  options: { explain?: Explain; readThrough: boolean },
): Promise<{ out: TableValue; rows?: number }> {
  return explained(ctx, options.explain, async () => {
    const { sql, columns } = await describe();
    const out = table(sql);
    return ctx.fuse || !options.readThrough ? { out } : { out, rows: await ctx.data.check(out, columns, ctx.signal, ctx.readerConditions) };
  });
}

/** A query with its columns, as DuckDB describes them. */
export async function describedQuery(ctx: NodeContext, sql: string): Promise<{ sql: string; columns: Column[] }> {
  const { rows } = await ctx.data.query(`DESCRIBE ${sql}`, ctx.signal);
  return { sql, columns: rows.map(([name, type]) => ({ name: String(name), type: String(type) })) };
}

type Explain = (message: string) => Promise<string | undefined>;

/** Runs `work`; a failure becomes an error with the message `explain` makes of DuckDB's, or DuckDB's own. */
async function explained<T>(ctx: NodeContext, explain: Explain | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
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

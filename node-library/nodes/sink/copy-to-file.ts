import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { sqlString } from '../../data/table';
import type { NodeContext } from '../define-node';
import { tableInput } from '../transform/table-sql';

/**
 * Writes the table on input `in` to a file with DuckDB's COPY, creating
 * folders as needed. It writes a temp file beside the target and renames it
 * into place, so a failed or cancelled write never leaves half a file.
 */
export async function copyToFile(ctx: NodeContext, relativePath: string, options: string): Promise<{ file: string; rows: number }> {
  const input = tableInput(ctx.inputs);
  const file = ctx.host.resolveOutputPath(relativePath);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const rows = await ctx.data.execute(`COPY (${input.sql}) TO ${sqlString(temp)} (${options})`, ctx.signal);
    await rename(temp, file);
    ctx.log(`wrote ${rows} rows to ${relativePath}`);
    return { file, rows };
  } finally {
    await rm(temp, { force: true });
  }
}

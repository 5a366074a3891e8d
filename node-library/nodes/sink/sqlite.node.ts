import Database from 'better-sqlite3';
import { sqliteAddon } from '../../data/sqlite-addon';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { defineNode } from '../define-node';
import { param } from '../params';
import { tableInput } from '../transform/table-sql';
import { sqliteIdent as q, sqliteType, sqliteValue, type SqliteValue } from './sqlite-values';

export const sqliteModes = ['create', 'append', 'replace', 'upsert'] as const;

/** Rows read from DuckDB at a time. */
const batchRows = 2048;

export const sqliteSinkNode = defineNode({
  type: 'sink.sqlite',
  version: 1,
  title: 'Write to SQLite',
  category: 'Sinks',
  description:
    'Writes its input table into a table of a SQLite database file (created if missing), all in one transaction: on any error nothing is written. ' +
    'create: a new table, failing if it exists; append: adds the rows (creating the table if missing); replace: drops and recreates the table; ' +
    'upsert: inserts new rows and updates the rows whose key columns match (a new table gets those columns as its primary key). ' +
    'Integers and booleans become INTEGER, floats and decimals REAL, blobs BLOB, everything else TEXT (dates as ISO text, lists and structs as JSON).',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'file', type: 'file' }],
  params: {
    path: param.path('Database file', { description: 'Relative to the pipeline file, or absolute.', extensions: ['.sqlite', '.sqlite3', '.db'] }),
    table: { ...param.string('Table'), schema: z.string().trim().min(1, 'must not be empty') },
    mode: param.enum('Mode', sqliteModes),
    keys: param.columns('Key columns', { default: [], description: 'For upsert: the columns that identify a row.' }),
  },
  async run({ inputs, params, host, data, signal, log }) {
    const input = tableInput(inputs);
    const { rows: described } = await data.query(`DESCRIBE ${input.sql}`, signal);
    const columns = described.map((row) => ({ name: String(row[0]), type: sqliteType(String(row[1])) }));
    if (params.mode === 'upsert') {
      if (params.keys.length === 0) throw new Error('param keys: upsert needs at least one key column');
      const missing = params.keys.filter((k) => !columns.some((c) => c.name === k));
      if (missing.length) throw new Error(`param keys: no column ${missing.join(', ')} in the input; its columns are ${columns.map((c) => c.name).join(', ')}`);
    }
    const file = host.resolveOutputPath(params.path);
    await mkdir(path.dirname(file), { recursive: true });
    const db = new Database(file, sqliteAddon());
    let written = 0;
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(params.table) !== undefined;
        if (exists && params.mode === 'create') throw new Error(`table ${params.table} already exists in ${params.path}; choose mode append, replace or upsert`);
        if (exists && params.mode === 'replace') db.exec(`DROP TABLE ${q(params.table)}`);
        if (!exists || params.mode === 'replace') {
          const key = params.mode === 'upsert' ? `, PRIMARY KEY (${params.keys.map(q).join(', ')})` : '';
          db.exec(`CREATE TABLE ${q(params.table)} (${columns.map((c) => `${q(c.name)} ${c.type}`).join(', ')}${key})`);
        }
        const insert = prepareInsert(db, params.table, columns.map((c) => c.name), params.mode === 'upsert' ? params.keys : undefined);
        for await (const batch of data.batches<SqliteValue>(input, batchRows, signal, sqliteValue)) {
          for (const row of batch.rows) insert.run(row);
          written += batch.rows.length;
          signal.throwIfAborted();
        }
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      db.close();
    }
    log(`${params.mode === 'upsert' ? 'upserted' : 'wrote'} ${written} rows into ${params.table} in ${params.path}`);
    return { file };
  },
});

function prepareInsert(db: Database.Database, table: string, names: string[], keys: string[] | undefined): Database.Statement {
  const values = names.map(() => '?').join(', ');
  let sql = `INSERT INTO ${q(table)} (${names.map(q).join(', ')}) VALUES (${values})`;
  if (keys) {
    const updates = names.filter((n) => !keys.includes(n)).map((n) => `${q(n)} = excluded.${q(n)}`);
    sql += ` ON CONFLICT (${keys.map(q).join(', ')}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`;
  }
  try {
    return db.prepare(sql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (keys && /ON CONFLICT clause does not match/.test(message)) {
      throw new Error(`table ${table} has no PRIMARY KEY or UNIQUE index on (${keys.join(', ')}), which upsert needs; add one (CREATE UNIQUE INDEX ... ON ${table} (${keys.join(', ')})) or use mode replace`, { cause: error });
    }
    throw new Error(`table ${table}: ${message}`, { cause: error });
  }
}

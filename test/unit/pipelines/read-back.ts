import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * An output file as something to compare: text files as their text, binary
 * formats as what reading them back gives (their bytes carry writer versions
 * and compression details that say nothing about the data).
 */
export async function readBack(file: string): Promise<unknown> {
  switch (path.extname(file)) {
    case '.parquet':
      return readParquet(file);
    case '.sqlite':
    case '.db':
      return readSqlite(file);
    default:
      return readFile(file, 'utf8');
  }
}

/** Columns with their types, and every row in file order. */
async function readParquet(file: string) {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
    const types = reader.columnTypes().map(String);
    return { columns: reader.columnNames().map((name, i) => `${name}:${types[i]}`), rows: reader.getRowsJson() };
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

/** Every table: its columns with declared types and primary keys, and its rows in rowid order. */
function readSqlite(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
    return Object.fromEntries(
      tables.map((name) => {
        const quoted = `"${name.replaceAll('"', '""')}"`;
        const columns = db.prepare(`PRAGMA table_info(${quoted})`).all() as { name: string; type: string; pk: number }[];
        const rows = db.prepare(`SELECT * FROM ${quoted}`).raw().all();
        return [name, { columns: columns.map((c) => `${c.name}:${c.type}${c.pk ? ':pk' : ''}`), rows }];
      }),
    );
  } finally {
    db.close();
  }
}

import Database from 'better-sqlite3';
import { sqliteAddon } from '../../data/sqlite-addon';
import { appendRows, distinctNames, typeOfValues, type LoadColumn, type LoadType } from '../../data/append-rows';
import { outputTableName } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { fileFingerprint } from './file-source';

/** Rows read before the column types are chosen. */
const sampleRows = 1000;

/** The type SQLite's affinity rules give a declared column type, for columns that are all NULL in the sample. */
function declaredType(declared: string | null): LoadType {
  const t = (declared ?? '').toUpperCase();
  if (t.includes('INT')) return 'BIGINT';
  if (/CHAR|CLOB|TEXT/.test(t)) return 'VARCHAR';
  if (t.includes('BLOB')) return 'BLOB';
  if (/REAL|FLOA|DOUB|NUMERIC|DECIMAL/.test(t)) return 'DOUBLE';
  return 'VARCHAR';
}

function prepare(db: Database.Database, query: string): Database.Statement {
  let statement: Database.Statement;
  try {
    statement = db.prepare(query);
  } catch (error) {
    throw new Error(`param query: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!statement.reader) throw new Error('param query: this statement returns no rows; a SQLite source runs a SELECT');
  return statement;
}

export const sqliteNode = defineNode({
  type: 'source.sqlite',
  version: 1,
  title: 'SQLite query',
  category: 'Sources',
  description:
    'Runs a query on a SQLite database file, opened read-only, and returns its rows as a table. ' +
    'Column types follow the values in the first 1,000 rows (integers, reals, text, blobs; mixed numbers are DOUBLE, anything mixed with text is VARCHAR), ' +
    'or the declared type of a column that is all NULL there. Dates stay text: cast them downstream.',
  inputs: [],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    path: param.path('Database file', { description: 'Relative to the pipeline file, or absolute.', extensions: ['.sqlite', '.sqlite3', '.db'] }),
    query: param.sql('Query', { description: 'A SELECT (or WITH ... SELECT) in SQLite SQL.' }),
  },
  async run({ params, host, data, signal, log, nodeId, item }) {
    const db = new Database(host.resolvePath(params.path), { readonly: true, fileMustExist: true, ...sqliteAddon() });
    try {
      const statement = prepare(db, params.query);
      statement.safeIntegers(true).raw(true);
      const iterator = statement.iterate() as IterableIterator<unknown[]>;
      try {
        const sample: unknown[][] = [];
        while (sample.length < sampleRows) {
          const next = iterator.next();
          if (next.done) break;
          sample.push(next.value);
        }
        const names = distinctNames(statement.columns().map((c) => c.name));
        const columns: LoadColumn[] = statement.columns().map((c, i) => ({ name: names[i], type: typeOfValues(sample.map((row) => row[i]), declaredType(c.type)) }));
        const rows = (function* () {
          yield* sample;
          yield* iterator;
        })();
        let count = 0;
        const out = await data.load(outputTableName(nodeId, 'out', item), columns, async (c, t) => void (count = await appendRows(c, t, columns, rows, signal)), signal);
        log(`read ${count} rows from ${params.path}`);
        return { out };
      } finally {
        iterator.return?.();
      }
    } finally {
      db.close();
    }
  },
  fingerprint: ({ path }, host) => fileFingerprint(path, host),
});

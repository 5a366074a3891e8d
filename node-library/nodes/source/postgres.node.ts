import pg from 'pg';
import { appendRows, distinctNames } from '../../data/append-rows';
import { outputTableName, sqlIdent, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { castFromText, duckDbType } from './postgres-types';

/** Rows fetched per round trip. */
const fetchRows = 10_000;
/** Every value arrives as PostgreSQL's text; DuckDB casts it, so nothing is lost on the way. */
const asText = { getTypeParser: () => (value: string) => value };

export const postgresNode = defineNode({
  type: 'source.postgres',
  version: 1,
  title: 'PostgreSQL query',
  category: 'Sources',
  description:
    'Runs a query on a PostgreSQL server, in a read-only transaction through a cursor (10,000 rows per fetch), and returns its rows as a table. ' +
    'Column types follow PostgreSQL: integers, floats, numeric(p,s) as DECIMAL, boolean, date, time, timestamp(tz), json, uuid, bytea; anything else as text.',
  inputs: [],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    connection: param.secret('Connection string', { description: 'A secret holding postgres://user:password@host:5432/database.' }),
    query: param.sql('Query', { description: 'A SELECT in PostgreSQL SQL.' }),
  },
  async run({ params, host, data, signal, log, nodeId, item }) {
    const connectionString = host.secret(params.connection.$secret);
    if (!connectionString) throw new Error(`param connection: secret ${params.connection.$secret} is not set; add it to the secret store (headless: PIPEWRIGHT_SECRET_${params.connection.$secret})`);
    const client = new pg.Client({ connectionString });
    const abort = () => void client.end().catch(() => {});
    signal.addEventListener('abort', abort, { once: true });
    try {
      await client.connect();
      await client.query('BEGIN READ ONLY');
      try {
        await client.query(`DECLARE pipewright_rows NO SCROLL CURSOR FOR ${params.query.trim().replace(/;+$/, '')}`);
      } catch (error) {
        throw new Error(`param query: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      const fetch = () => client.query<unknown[]>({ text: `FETCH ${fetchRows} FROM pipewright_rows`, rowMode: 'array', types: asText });
      const first = await fetch();
      const names = distinctNames(first.fields.map((f) => f.name));
      const types = first.fields.map((f) => duckDbType(f.dataTypeID, f.dataTypeModifier));
      const rows = async function* () {
        for (let batch = first; ; batch = await fetch()) {
          yield* batch.rows;
          if (batch.rows.length < fetchRows) return;
        }
      };
      const staging = `${outputTableName(nodeId, 'text', item)}`;
      let count = 0;
      const text = await data.load(staging, names.map((name) => ({ name, type: 'VARCHAR' })), async (c, t) => {
        count = await appendRows(c, t, names.map((name) => ({ name, type: 'VARCHAR' as const })), rows(), signal);
      }, signal);
      await client.query('COMMIT');
      const casts = names.map((name, i) => castFromText(name, types[i])).join(', ');
      const out = await data.materialise(outputTableName(nodeId, 'out', item), table(`SELECT ${casts} FROM (${text.sql})`), signal);
      await data.execute(`DROP TABLE ${sqlIdent(staging)}`, signal);
      log(`read ${count} rows from PostgreSQL`);
      return { out };
    } finally {
      signal.removeEventListener('abort', abort);
      await client.end().catch(() => {});
    }
  },
});

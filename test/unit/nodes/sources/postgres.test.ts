import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresNode } from '../../../../node-library/nodes/source/postgres.node';
import { sourceHarness } from './harness';
import { postgresBin, startPostgres, type PostgresServer } from './postgres-server';

const h = sourceHarness();
const bin = postgresBin();
if (!bin) console.warn('source.postgres tests skipped: no PostgreSQL server programs (initdb, postgres) on this machine; `apt-get install -y postgresql` runs them');

describe.skipIf(!bin)('source.postgres (against a throwaway local server)', () => {
  let server: PostgresServer;
  const secrets = () => ({ PG_URL: server.url });
  beforeAll(async () => {
    server = await startPostgres(bin!);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query(`CREATE TABLE orders (
      id int4, big int8, amount numeric(10,2), ratio float8, paid bool, day date, at timestamp, at_tz timestamptz,
      doc jsonb, ref uuid, raw bytea, note text, tags int4[])`);
    await client.query(`INSERT INTO orders VALUES
      (1, 9007199254740993, 12.50, 0.25, true, '2024-03-01', '2024-03-01 10:20:30.5', '2024-03-01 10:00:00+02', '{"a": [1, 2]}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x0102', 'it''s', '{1,2}'),
      (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
    await client.end();
  }, 60_000);
  afterAll(() => server?.stop());

  // json and jsonb are DuckDB JSON columns, which results report as VARCHAR.
  it('returns the rows of a query with PostgreSQL types mapped to DuckDB', async () => {
    const { out } = await h.run(postgresNode, { connection: { $secret: 'PG_URL' }, query: 'SELECT * FROM orders ORDER BY id;' }, {}, { secrets: secrets() });
    expect(await h.rows(out)).toEqual({
      columns: [
        'id:INTEGER', 'big:BIGINT', 'amount:DECIMAL(10,2)', 'ratio:DOUBLE', 'paid:BOOLEAN', 'day:DATE', 'at:TIMESTAMP', 'at_tz:TIMESTAMP WITH TIME ZONE',
        'doc:VARCHAR', 'ref:UUID', 'raw:BLOB', 'note:VARCHAR', 'tags:VARCHAR',
      ],
      rows: [
        [1, '9007199254740993', '12.50', 0.25, true, '2024-03-01', '2024-03-01T10:20:30.5', '2024-03-01T08:00:00Z', '{"a": [1, 2]}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x01\\x02', "it's", '{1,2}'],
        [2, null, null, null, null, null, null, null, null, null, null, null, null],
      ],
    });
    expect(h.logs.map((l) => l.message)).toEqual(['read 2 rows from PostgreSQL']);
  });

  it('fetches through a cursor, more rows than one fetch', async () => {
    const { out } = await h.run(postgresNode, { connection: { $secret: 'PG_URL' }, query: 'SELECT g AS n FROM generate_series(1, 25000) g' }, {}, { secrets: secrets() });
    expect((await h.data.query(`SELECT count(*), sum(n), min(n), max(n) FROM (${(out as { sql: string }).sql})`)).rows).toEqual([[25000, 312512500, 1, 25000]]);
  });

  it('names the param of a query PostgreSQL rejects, and refuses writes', async () => {
    await expect(h.run(postgresNode, { connection: { $secret: 'PG_URL' }, query: 'SELECT nope FROM orders' }, {}, { secrets: secrets() })).rejects.toThrow(
      'param query: column "nope" does not exist',
    );
    await expect(h.run(postgresNode, { connection: { $secret: 'PG_URL' }, query: 'DELETE FROM orders RETURNING *' }, {}, { secrets: secrets() })).rejects.toThrow(/param query/);
  });
});

describe('source.postgres without a server', () => {
  it('names a missing connection secret and how to set it', async () => {
    await expect(h.run(postgresNode, { connection: { $secret: 'PG_URL' }, query: 'SELECT 1' })).rejects.toThrow(
      'param connection: secret PG_URL is not set; add it to the secret store (headless: PIPEWRIGHT_SECRET_PG_URL)',
    );
  });
});

/**
 * The schema of the run history, one step per version. `PRAGMA user_version`
 * records how many steps a file has; append new steps, never edit old ones.
 *
 * Child rows point at their run by its integer key, not its id: a UUID in
 * every log row and index entry made the file larger and every insert
 * slower. They go with their run (ON DELETE CASCADE), so pruning a run is one
 * DELETE; each child table leads with run_key in its key or index, which is
 * both how it is read and what the cascade needs.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE runs (
    -- AUTOINCREMENT: a key is never reused, so a key held in memory never names another run.
    key           INTEGER PRIMARY KEY AUTOINCREMENT,
    id            TEXT NOT NULL UNIQUE,
    pipeline_id   TEXT NOT NULL,
    pipeline_name TEXT NOT NULL,
    state         TEXT NOT NULL,
    trigger       TEXT NOT NULL,
    params        TEXT NOT NULL,
    partial       TEXT,
    resumed_from  TEXT,
    -- The pipeline file the run came from, if any: a resume reads it again.
    source        TEXT,
    started_at    INTEGER NOT NULL,
    finished_at   INTEGER,
    error         TEXT,
    pipeline      TEXT NOT NULL,
    -- Which process runs it, so a store opened elsewhere does not take a live run for a dead one.
    owner_host    TEXT NOT NULL,
    owner_pid     INTEGER NOT NULL
  );
  CREATE INDEX runs_by_start ON runs (started_at);
  CREATE INDEX runs_by_pipeline ON runs (pipeline_id, started_at);
  CREATE INDEX runs_running ON runs (state) WHERE state = 'running';

  -- The history itself. A row holds the consecutive events of one run written by one batch
  -- (seq .. last_seq, as a JSON array): a row per event cost two b-tree inserts per event,
  -- most of the bookkeeping time, and nothing reads a single event by SQL.
  CREATE TABLE events (
    run_key  INTEGER NOT NULL REFERENCES runs (key) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    json     TEXT NOT NULL,
    PRIMARY KEY (run_key, seq)
  );

  -- id: an explicit rowid, which VACUUM keeps, orders rows as they were written.
  CREATE TABLE node_runs (
    id          INTEGER PRIMARY KEY,
    run_key     INTEGER NOT NULL REFERENCES runs (key) ON DELETE CASCADE,
    node_id     TEXT NOT NULL,
    item        INTEGER,
    attempt     INTEGER NOT NULL,
    state       TEXT NOT NULL,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    rows_out    INTEGER,
    cached      INTEGER NOT NULL,
    error       TEXT
  );
  CREATE INDEX node_runs_by_run ON node_runs (run_key);

  CREATE TABLE logs (
    id      INTEGER PRIMARY KEY,
    run_key INTEGER NOT NULL REFERENCES runs (key) ON DELETE CASCADE,
    node_id TEXT NOT NULL,
    item    INTEGER,
    attempt INTEGER,
    level   TEXT NOT NULL,
    message TEXT NOT NULL,
    at      INTEGER NOT NULL
  );
  -- Index entries end with the id, so one node's lines come back in order without a sort.
  CREATE INDEX logs_by_run ON logs (run_key, node_id);

  CREATE TABLE outputs (
    run_key INTEGER NOT NULL REFERENCES runs (key) ON DELETE CASCADE,
    node_id TEXT NOT NULL,
    json    TEXT NOT NULL,
    PRIMARY KEY (run_key, node_id)
  );

  CREATE TABLE pipeline_state (
    pipeline_id TEXT NOT NULL,
    key         TEXT NOT NULL,
    json        TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (pipeline_id, key)
  ) WITHOUT ROWID;
  `,
  `
  -- Node runs are derived from the events when read (store/node-run-tracker.ts): a row per
  -- attempt written during the run was a third of the bookkeeping of a 10,000-node run, and
  -- the events already hold every state change.
  DROP TABLE node_runs;

  -- A row holds the outputs recorded for one run by one batch, as a JSON object by node id;
  -- a later row of the same run overrides an earlier one for the same node.
  CREATE TABLE output_batches (
    id      INTEGER PRIMARY KEY,
    run_key INTEGER NOT NULL REFERENCES runs (key) ON DELETE CASCADE,
    json    TEXT NOT NULL
  );
  CREATE INDEX output_batches_by_run ON output_batches (run_key);
  INSERT INTO output_batches (run_key, json) SELECT run_key, json_group_object(node_id, json(json)) FROM outputs GROUP BY run_key;
  DROP TABLE outputs;

  -- The pipeline as it ran, stored once per content: a schedule running the same file
  -- every minute no longer stores it every minute. Older runs keep theirs, keyed by run.
  CREATE TABLE pipeline_snapshots (
    key  INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    json TEXT NOT NULL
  );
  INSERT INTO pipeline_snapshots (hash, json) SELECT 'run:' || id, pipeline FROM runs;
  ALTER TABLE runs ADD COLUMN snapshot INTEGER REFERENCES pipeline_snapshots (key);
  UPDATE runs SET snapshot = (SELECT key FROM pipeline_snapshots WHERE hash = 'run:' || runs.id);
  ALTER TABLE runs DROP COLUMN pipeline;
  `,
  `
  -- Schedules (node-library/schedule/README.md). The definitions live in the pipeline files;
  -- what the scheduler has handled lives here. The definition a last slot was computed with
  -- is kept, so an edited cron expression starts afresh and the old one never fires again.
  CREATE TABLE schedule_state (
    pipeline_id TEXT PRIMARY KEY,
    definition  TEXT NOT NULL,
    last_slot   INTEGER NOT NULL
  ) WITHOUT ROWID;

  -- One row per (pipeline, slot), whatever became of it: the UNIQUE key is what makes a
  -- double fire impossible, across restarts, clock changes and processes. The run id is
  -- chosen when the fire is decided, so a run started just before a crash is found again.
  CREATE TABLE schedule_fires (
    id          INTEGER PRIMARY KEY,
    pipeline_id TEXT NOT NULL,
    slot        INTEGER NOT NULL,
    outcome     TEXT NOT NULL,
    reason      TEXT,
    run_id      TEXT UNIQUE,
    recorded_at INTEGER NOT NULL,
    UNIQUE (pipeline_id, slot)
  );
  CREATE INDEX schedule_fires_queued ON schedule_fires (pipeline_id, slot) WHERE outcome = 'queued';

  -- One scheduler per database: the app and a headless \`pipewright schedule\` take turns.
  CREATE TABLE scheduler_lease (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    owner      TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  `,
];

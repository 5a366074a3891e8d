import type { RunEvent, RunEventOf } from '../contract';

type ItemAttempt = RunEventOf<'node:items'>['attempts'][number];
const itemStates: readonly ItemAttempt['state'][] = ['retrying', 'succeeded', 'failed'];

/**
 * The attempts of a node:items event as stored: one array per field, times as
 * offsets, states as numbers. A mapped node of 10,000 items sends 10,000 of
 * them; as objects they were 95 bytes each, as columns about 15.
 */
interface StoredAttempts {
  item: number[];
  attempt: number[];
  /** Index in itemStates. */
  state: number[];
  /** startedAt - the event's at. */
  start: number[];
  /** finishedAt - startedAt. */
  duration: number[];
  /** [index, error] of the attempts that have one. */
  errors: [number, NonNullable<ItemAttempt['error']>][];
}

type StoredEvent = Omit<RunEvent, 'runId'> | (Omit<RunEventOf<'node:items'>, 'runId' | 'attempts'> & { attemptColumns: StoredAttempts });

/**
 * A JSON array of the events as stored: without their runId, which the row's
 * run_key already says (a third of a state event's bytes), and item attempts
 * as columns. Consecutive objects are serialised in one call, far cheaper
 * than one call each; strings are events serialised already (previews).
 */
export function eventsJson(events: readonly (RunEvent | string)[]): string {
  const parts: string[] = [];
  let start = 0;
  const objectsUpTo = (end: number) => {
    if (end > start) parts.push(JSON.stringify(events.slice(start, end).map((e) => storedEvent(e as RunEvent))).slice(1, -1));
  };
  events.forEach((event, i) => {
    if (typeof event !== 'string') return;
    objectsUpTo(i);
    parts.push(event);
    start = i + 1;
  });
  objectsUpTo(events.length);
  return `[${parts.join(',')}]`;
}

export function storedEvent(event: RunEvent): StoredEvent {
  if (event.type === 'node:items') {
    const { runId: _, attempts, ...rest } = event;
    return { ...rest, attemptColumns: attemptColumns(attempts, event.at) };
  }
  const { runId: _, ...stored } = event;
  return stored;
}

/** An event read back: its runId again, second after its type as the engine emits it, and item attempts as objects. */
export function readEvent(stored: StoredEvent, runId: string): RunEvent {
  // Rows written before attempts were stored as columns hold them as objects.
  if (!('attemptColumns' in stored)) return Object.assign({ type: stored.type, runId }, stored) as RunEvent;
  const { attemptColumns: columns, ...rest } = stored;
  return Object.assign({ type: stored.type, runId }, rest, { attempts: attemptsFrom(columns, stored.at) }) as RunEvent;
}

function attemptColumns(attempts: readonly ItemAttempt[], at: number): StoredAttempts {
  const columns: StoredAttempts = { item: [], attempt: [], state: [], start: [], duration: [], errors: [] };
  attempts.forEach((a, i) => {
    columns.item.push(a.item);
    columns.attempt.push(a.attempt);
    columns.state.push(itemStates.indexOf(a.state));
    columns.start.push(a.startedAt - at);
    columns.duration.push(a.finishedAt - a.startedAt);
    if (a.error) columns.errors.push([i, a.error]);
  });
  return columns;
}

function attemptsFrom(columns: StoredAttempts, at: number): ItemAttempt[] {
  const attempts: ItemAttempt[] = columns.item.map((item, i) => {
    const startedAt = at + columns.start[i];
    return { item, attempt: columns.attempt[i], state: itemStates[columns.state[i]], startedAt, finishedAt: startedAt + columns.duration[i] };
  });
  for (const [i, error] of columns.errors) attempts[i].error = error;
  return attempts;
}

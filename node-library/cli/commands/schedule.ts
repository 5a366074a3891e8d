import path from 'node:path';
import { folderSchedules } from '../../backend/folder-schedules';
import { scheduledRuns } from '../../backend/scheduled-runs';
import { createRegistry } from '../../nodes/registry';
import { ScheduleStore } from '../../schedule/schedule-store';
import { Scheduler } from '../../schedule/scheduler';
import { parse } from '../args';
import { openRuns, print, printError, type Command } from '../command';
import { describeEvent } from '../format';

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'run the schedules of a pipeline folder headless, until stopped',
  usage: `pipewright schedule [--pipelines DIR] [--db path]

Fires the schedules in DIR's pipeline files (./pipelines unless --pipelines) with the
same policies as the app, and records them in the run history. One scheduler per
database: while the app holds it, this one waits, and takes over when the app closes.
Stop with Ctrl+C (SIGINT) or SIGTERM; running runs are cancelled.`,
  async run(argv) {
    const { values } = parse(argv, { pipelines: { type: 'string' }, db: { type: 'string' } });
    const pipelinesDir = path.resolve(values.pipelines ?? 'pipelines');
    const registry = createRegistry();
    const runs = openRuns(registry, values.db);
    const store = ScheduleStore.open(runs.dbFile);
    const scheduler = new Scheduler({
      store,
      definitions: () => folderSchedules(pipelinesDir),
      runs: scheduledRuns(runs, pipelinesDir, registry),
      onError: (error) => printError(`scheduler: ${(error as Error).message}`),
    });
    runs.onEvent((event) => {
      if (event.type !== 'run:start' && event.type !== 'run:finish') return;
      const line = describeEvent(event);
      if (line) print(`${new Date(event.at).toISOString()} ${line}`);
    });
    // Listening before saying it has started, so a signal right after the line is handled.
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    const keepAlive = setInterval(() => undefined, 1 << 30);
    print(`Scheduling the pipelines in ${pipelinesDir}; history in ${runs.dbFile}`);
    await scheduler.start();
    await stopped;
    clearInterval(keepAlive);
    await scheduler.stop();
    store.close();
    await runs.close();
    return 0;
  },
};

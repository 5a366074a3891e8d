// Bundled and run by queued-fires.test.ts as a real process, killed with SIGKILL at a random
// moment: the real scheduler (croner, SQLite) fires a pipeline every second whose run takes
// about 1.5 s, so with overlap "buffer_one" one fire is usually waiting in the queue. Prints
// "started <runId>" each time it dispatches a run.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PipelineFile } from '../../node-library/contract';
import { RunService } from '../../node-library/backend/run-service';
import { folderSchedules } from '../../node-library/backend/folder-schedules';
import { scheduledRuns } from '../../node-library/backend/scheduled-runs';
import { defineNode, type NodeDefinition } from '../../node-library/nodes/define-node';
import { builtinNodes } from '../../node-library/nodes/index';
import { createRegistry } from '../../node-library/nodes/registry';
import { ScheduleStore } from '../../node-library/schedule/schedule-store';
import { Scheduler } from '../../node-library/schedule/scheduler';

const [dataDir, pipelinesDir] = process.argv.slice(2);
const slow = defineNode({
  type: 'test.slow', version: 1, title: 'Slow', category: 'Test', description: 'Waits 1.5 s.',
  inputs: [], outputs: [{ id: 'out', type: 'json' }], params: {},
  async run({ signal }) {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 1500);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve(undefined)));
    });
    return { out: 1 };
  },
});
const registry = createRegistry([...builtinNodes, slow as NodeDefinition]);
const pipeline: PipelineFile & { schedule: object } = {
  format: 'pipewright/pipeline@1', id: 'queued', name: 'Queued', description: '', params: {}, layout: {},
  nodes: [{ id: 'wait', type: 'test.slow', version: 1, params: {} }], edges: [],
  schedule: { cron: '* * * * * *', timezone: 'UTC', enabled: true, params: {}, catchUp: 'latest', catchUpMax: 10, overlap: 'buffer_one' },
};
writeFileSync(path.join(pipelinesDir, 'queued.pipeline.json'), JSON.stringify(pipeline));

const runs = new RunService({ registry, dataDir });
const dispatch = scheduledRuns(runs, pipelinesDir, registry);
const scheduler = new Scheduler({
  store: ScheduleStore.open(runs.dbFile),
  definitions: () => folderSchedules(pipelinesDir),
  maxSleepMs: 1000,
  runs: {
    ...dispatch,
    async start(fire) {
      const started = await dispatch.start(fire);
      process.stdout.write(`started ${fire.runId}\n`);
      return started;
    },
  },
  onError: (error) => process.stderr.write(`scheduler: ${(error as Error).message}\n`),
});
setInterval(() => undefined, 1 << 30);
await scheduler.start();
process.stdout.write('ready\n');

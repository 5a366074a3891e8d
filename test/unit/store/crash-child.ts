// Run by interrupted-runs.test.ts as a real process (node --import tsx): begins a run,
// writes part of it, says "ready" and keeps logging until it is killed with SIGKILL.
// Imports nothing from vitest (helpers.ts does), so it runs under plain node.
import type { RunEvent } from '../../../node-library/contract';
import { RunStore } from '../../../node-library/store/run-store';

const [file, runId] = process.argv.slice(2);
const store = RunStore.open(file);
store.beginRun({
  runId,
  pipeline: { format: 'pipewright/pipeline@1', id: 'orders', name: 'Orders', description: '', params: {}, nodes: [], edges: [], layout: {} },
  params: {},
  trigger: 'cli',
  startedAt: 1_000,
});
const state = (nodeId: string, to: 'running' | 'succeeded', at: number): RunEvent => ({ type: 'node:state', runId, nodeId, state: to, attempt: 1, at });
const log = (message: string): RunEvent => ({ type: 'node:log', runId, nodeId: 'filter', level: 'info', message, at: Date.now() });
for (const event of [state('read', 'running', 1_010), state('read', 'succeeded', 1_020), state('filter', 'running', 1_030), log('working')]) {
  store.append(event);
}
store.flush();
process.stdout.write('ready\n');
setInterval(() => store.append(log('still working')), 2);

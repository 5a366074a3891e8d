// Bundled and run by orphans.test.ts as a real process: starts a code node that loops
// forever, says "looping" once its runner is busy, and exits when its stdin closes (or
// is ended by a signal: `signal` and `kill`, or `graceful`, which handles SIGTERM by exiting).
// Imports nothing from vitest.
import { localHost } from '../../../node-library/engine/host';
import { runPipeline } from '../../../node-library/engine/run-pipeline';
import { createRegistry } from '../../../node-library/nodes/registry';

const code = ['export default async function run({ log }) {', "  log.info('looping');", '  for (;;) {}', '}'];
void runPipeline(
  { format: 'pipewright/pipeline@1', id: 'spin', name: 'Spin', description: '', params: {}, layout: {}, edges: [], nodes: [{ id: 'spin', type: 'code.ts', version: 1, params: {}, code, ports: { inputs: [], outputs: [] } }] },
  {
    runId: 'spin',
    registry: createRegistry(),
    host: localHost(process.cwd()),
    onEvent: (event) => {
      if (event.type !== 'node:log' || event.message !== 'looping') return;
      // A host with its own shutdown, listening once from after the runner started.
      if (process.argv[2] === 'graceful') process.once('SIGTERM', () => process.exit(3));
      process.stdout.write('looping\n');
    },
  },
);
if (process.argv[2] === 'exit') process.stdin.on('end', () => process.exit(0)).resume();
else setInterval(() => {}, 1000);

// Bundled and run by durability.test.ts as a real process, killed with SIGKILL at a random
// moment: runs a small pipeline over and over through RunService (real SQLite), printing
// "finished <runId> <state>" once a run's end is acknowledged (its run:finish is durable
// before RunService reports it).
import type { PipelineFile } from '../../node-library/contract';
import { RunService } from '../../node-library/backend/run-service';
import { defineNode, type NodeDefinition } from '../../node-library/nodes/define-node';
import { builtinNodes } from '../../node-library/nodes/index';
import { createRegistry } from '../../node-library/nodes/registry';

const [dbFile, dataDir] = process.argv.slice(2);
const step = defineNode({
  type: 'test.step', version: 1, title: 'Step', category: 'Test', description: 'Logs, waits a moment, outputs a number.',
  inputs: [{ id: 'in', type: 'json', optional: true }], outputs: [{ id: 'out', type: 'json' }], params: {},
  async run({ nodeId, log, inputs }) {
    log(`working on ${nodeId}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
    return { out: (Number(inputs.in) || 0) + 1 };
  },
});
const registry = createRegistry([...builtinNodes, step as NodeDefinition]);
const ids = Array.from({ length: 12 }, (_, i) => `s${i}`);
const pipeline: PipelineFile = {
  format: 'pipewright/pipeline@1', id: 'durable', name: 'Durable', description: '', params: {}, layout: {},
  nodes: ids.map((id) => ({ id, type: 'test.step', version: 1, params: {} })),
  edges: ids.slice(1).map((id, i) => ({ id: `e${i}`, from: { node: ids[i], port: 'out' }, to: { node: id, port: 'in' } })),
};
const runs = new RunService({ registry, dataDir, dbFile });
process.stdout.write('ready\n');
for (;;) {
  const { runId, done } = runs.start({ pipeline, source: `${dataDir}/durable.pipeline.json`, trigger: 'cli' });
  const state = await done;
  process.stdout.write(`finished ${runId} ${state}\n`);
}

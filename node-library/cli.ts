#!/usr/bin/env node
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from './backend/create-backend';
import { toErrorInfo, type RunEvent } from './contract';
import { localHost } from './engine/host';
import { runPipeline } from './engine/run-pipeline';
import { formatProblems, loadPipelineFile } from './model/load';
import { createRegistry } from './nodes/registry';
import { serve } from './server/serve';

const usage = `Usage:
  pipewright serve [--port N] [--pipelines DIR]   serve the app on 127.0.0.1 (random port by default)
  pipewright run <pipeline.json> [--json]          run a pipeline headless; exit 0 on success, 1 on failure
  pipewright validate <pipeline.json>              check a pipeline file; exit 0 when valid, 1 when not`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { port: { type: 'string' }, pipelines: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  const [command, file] = positionals;
  if (values.help || !command) return print(usage, command ? 0 : 2);
  if (command === 'serve') return serveCommand(values.port, values.pipelines ?? 'pipelines');
  if ((command === 'run' || command === 'validate') && file) return runOrValidate(command, path.resolve(file), values.json ?? false);
  return print(`Unknown command or missing file.\n${usage}`, 2);
}

async function serveCommand(port: string | undefined, pipelinesDir: string): Promise<number> {
  const portNumber = port === undefined ? 0 : Number(port);
  if (!Number.isInteger(portNumber) || portNumber < 0 || portNumber > 65535) return print(`--port must be a number from 0 to 65535, not ${port}`, 2);
  const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer');
  const backend = createBackend({ pipelinesDir: path.resolve(pipelinesDir) });
  const server = await serve({ backend, rendererDir, port: portNumber });
  console.log(`Pipewright is serving ${path.resolve(pipelinesDir)}\nOpen ${server.url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await backend.close();
  await server.close();
  return 0;
}

async function runOrValidate(command: 'run' | 'validate', file: string, json: boolean): Promise<number> {
  const registry = createRegistry();
  const loaded = await loadPipelineFile(file, registry);
  if (!loaded.ok) return print(`${path.basename(file)} is invalid:\n${formatProblems(loaded.problems)}`, 1);
  if (command === 'validate') return print(`${path.basename(file)} is valid`, 0);

  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const state = await runPipeline(loaded.pipeline, {
    runId: `cli_${Date.now().toString(36)}`,
    registry,
    host: localHost(path.dirname(file)),
    signal: controller.signal,
    onEvent: (event) => console.log(json ? JSON.stringify(event) : describe(event)),
  });
  return state === 'succeeded' ? 0 : 1;
}

function describe(event: RunEvent): string {
  switch (event.type) {
    case 'run:start':
      return `run ${event.runId} of ${event.pipelineId}: ${event.nodeIds.length} nodes`;
    case 'node:state':
      return `${event.nodeId}: ${event.state}${event.reason ? ` (${event.reason})` : ''}${event.error ? `: ${event.error.message}` : ''}`;
    case 'node:log':
      return `${event.nodeId} [${event.level}] ${event.message}`;
    case 'node:preview':
      return `${event.nodeId}.${event.port}: ${event.totalRows} rows`;
    case 'run:finish':
      return `run ${event.state}`;
  }
}

function print(text: string, code: number): number {
  (code === 0 ? console.log : console.error)(text);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(toErrorInfo(error).message);
    process.exit(1);
  },
);

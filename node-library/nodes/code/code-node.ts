import path from 'node:path';
import { nodePorts, PipewrightError, type Dependencies, type PortInfo } from '../../contract';
import { currentInstall, npmSpec } from '../../packages/workspace-packages';
import { isTable, outputTableName } from '../../data/table';
import type { OutputValue } from '../../runner/protocol';
import { sharedRunnerPool, type PoolCall, type RunnerProfile } from '../../runner/pool';
import { hostTableBuffers } from '../../runner/spare-buffers';
import { fromWire } from '../../runner/table-files';
import { RunnerFailure } from '../../runner/runner-process';
import { transpile } from '../../runner/transpile';
import { defineNode, type NodeContext, type NodeDefinition } from '../define-node';
import { param } from '../params';

/** A code node with no timeout of its own is stopped after this long. */
export const defaultCodeTimeoutMs = 5 * 60_000;

const params = {
  memoryMb: param.number('Memory limit (MB)', {
    default: 512,
    description: 'The JavaScript heap limit of the runner process; its resident memory (heap plus Buffers) may reach twice this before it is stopped.',
  }),
};

/** The node type for user code in one language; `code.ts` and `code.js` differ only in the transpiler's loader. */
export function codeNodeType(language: 'ts' | 'js', title: string): NodeDefinition<typeof params> {
  const definition: NodeDefinition<typeof params> = defineNode({
    type: `code.${language}`,
    version: 1,
    title,
    category: 'Code',
    description: [
      `Runs your own ${language === 'ts' ? 'TypeScript' : 'JavaScript'} module in a supervised runner process:`,
      '`export default async function run({ inputs, params, state, log, signal }) { return { out: rows } }`.',
      'A table input is iterable rows (`for (const row of inputs.in)`, `.toArray()`); an array of objects returned on a table port becomes a table.',
      'Add, rename or remove ports in the inspector.',
    ].join(' '),
    inputs: [{ id: 'in', type: 'table', optional: true }],
    outputs: [{ id: 'out', type: 'table' }],
    editablePorts: true,
    params,
    run: (ctx) => runCode(ctx, language, nodePorts(ctx.node, definition)),
    prepare(node, run) {
      const memoryMb = typeof node.params.memoryMb === 'number' ? node.params.memoryMb : params.memoryMb.default!;
      // The profile the call will ask for (file inputs aside), so the runner warmed now is the one it gets.
      const packages = runnerPackages(run.dependencies, run.host.packagesDir);
      void sharedRunnerPool().warm(runnerProfile(memoryMb, [], packages)).catch(() => {});
    },
  });
  return definition;
}

async function runCode(ctx: NodeContext<typeof params>, language: 'ts' | 'js', ports: { inputs: PortInfo[]; outputs: PortInfo[] }): Promise<Record<string, unknown>> {
  const { node } = ctx;
  const source = (node.code ?? []).join('\n');
  if (!source.trim()) throw new PipewrightError('E_NODE_005', `node ${node.id} has no code yet: write \`export default async function run({ inputs }) { ... }\``);
  const fileName = `${node.id}.${language}`;
  const compiled = await transpile(source, language, fileName);
  const { inputs, tablePorts, readPaths } = await wireInputs(ctx, ports.inputs);
  const secrets: Record<string, string> = {};
  for (const name of node.secrets ?? []) {
    const value = ctx.host.secret(name);
    if (value !== undefined) secrets[name] = value;
  }
  const packages = declaredPackages(ctx);
  const call: PoolCall = {
    code: compiled.code,
    codeKey: compiled.key,
    sourceMap: compiled.sourceMap,
    fileName,
    inputs,
    tablePorts,
    outputs: ports.outputs.map(({ id, type }) => ({ id, type })),
    params: ctx.runParams,
    secrets,
    ...(packages && { packages: packages.call }),
  };
  const hooks = { log: (level: Parameters<typeof ctx.log>[1], message: string) => ctx.log(message, level), stateGet: ctx.state.get, stateSet: ctx.state.set };
  const limits = { timeoutMs: node.timeoutMs ?? defaultCodeTimeoutMs, rssBytes: (2 * ctx.params.memoryMb + 128) * 2 ** 20, signal: ctx.signal };
  let outputs: OutputValue[];
  try {
    outputs = await sharedRunnerPool().run(runnerProfile(ctx.params.memoryMb, readPaths, packages), call, hooks, limits);
  } catch (error) {
    throw asNodeError(error, ctx);
  } finally {
    // Sent by now (inline or as a file): the next table reuses their memory.
    for (const port of tablePorts) hostTableBuffers.give(inputs[port] as Uint8Array[]);
  }
  return readOutputs(ctx, outputs);
}

/**
 * The npm packages the pipeline declares, for the runner: their names and
 * install folder, which it may read, and which install is there now.
 */
function runnerPackages(declared: Dependencies | undefined, dir: string | undefined) {
  const names = Object.keys(declared ?? {});
  if (names.length === 0 || !dir) return undefined;
  return {
    call: { dir, names },
    readPaths: [path.join(dir, 'node_modules'), path.join(dir, 'package.json')],
    install: currentInstall(dir),
  };
}

function runnerProfile(heapMb: number, readPaths: string[], packages: ReturnType<typeof runnerPackages>): RunnerProfile {
  if (!packages) return { heapMb, readPaths };
  return { heapMb, readPaths: [...readPaths, ...packages.readPaths], packages: `${packages.call.dir}@${packages.install.stamp}` };
}

/** The packages for this call; one installed from another spec than the declared one is a warning: the code runs with what is installed. */
function declaredPackages(ctx: NodeContext<typeof params>) {
  const dependencies = ctx.dependencies ?? {};
  const packages = runnerPackages(dependencies, ctx.host.packagesDir);
  const specs = packages?.install.specs;
  if (specs && ctx.attempt === 1 && !ctx.item) {
    const baseDir = ctx.host.resolvePath('.');
    for (const name of packages.call.names) {
      const declared = dependencies[name];
      const installed = specs[name];
      if (installed !== undefined && installed !== npmSpec(declared, baseDir)) ctx.log(`${name} is declared as ${declared} but installed from ${installed}: install the dependencies again to update it`, 'warn');
    }
  }
  return packages;
}

/**
 * Arrow and DuckDB's raw vectors load on a code node's first table, not at
 * start-up: the CLI's own commands never pay for them (build.mjs splits the
 * bundle at this import).
 */
const tableTransfer = () => import('../../runner/table-transfer');

/** Table inputs become Arrow IPC pieces (the pool sends them); file inputs are paths the runner is allowed to read. */
async function wireInputs(ctx: NodeContext<typeof params>, ports: PortInfo[]) {
  const inputs: Record<string, unknown> = {};
  const tablePorts: string[] = [];
  const readPaths: string[] = [];
  for (const port of ports) {
    const value = ctx.inputs[port.id];
    if (value === undefined) continue;
    if (isTable(value)) {
      inputs[port.id] = await (await tableTransfer()).tableToArrow(ctx.data, value, ctx.signal);
      tablePorts.push(port.id);
    } else {
      inputs[port.id] = value;
      if (port.type === 'file' && typeof value === 'string') readPaths.push(ctx.host.resolvePath(value));
    }
  }
  return { inputs, tablePorts, readPaths };
}

async function readOutputs(ctx: NodeContext<typeof params>, outputs: OutputValue[]): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const output of outputs) {
    if (output.sameAsInput !== undefined) result[output.port] = ctx.inputs[output.sameAsInput];
    else if (output.table) {
      const { arrowToTable } = await tableTransfer();
      const bytes = fromWire(output.table, (size) => hostTableBuffers.take(size));
      try {
        result[output.port] = await arrowToTable(ctx.data, outputTableName(ctx.nodeId, output.port, ctx.item), bytes, ctx.signal);
      } finally {
        hostTableBuffers.give([bytes]);
      }
    }
    else result[output.port] = output.value;
  }
  return result;
}

/** A user error keeps E_NODE_001 with its mapped stack in the log; a dead runner is E_NODE_004 with its reason. */
function asNodeError(error: unknown, ctx: NodeContext<typeof params>): Error {
  if (!(error instanceof RunnerFailure)) return error as Error;
  if (error.userStack) ctx.log(error.userStack, 'error');
  if (error.reason === 'error') return new PipewrightError('E_NODE_001', error.message);
  if (error.reason === 'cancelled') return ctx.signal.reason instanceof Error ? ctx.signal.reason : error;
  return new PipewrightError('E_NODE_004', `${error.reason}: ${error.message}`);
}

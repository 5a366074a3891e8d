/**
 * The runner process: runs user code for the parent, one call at a time.
 * Bundled on its own (dist/runner/runner.cjs, apache-arrow inside) so the
 * permission model only has to let it read one file. The same file runs
 * under child_process.fork (messages on process) and Electron's
 * utilityProcess (messages on process.parentPort, structured clone there;
 * JSON under fork, see wire-codec.ts).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire, isBuiltin, type SourceMap } from 'node:module';
import { format } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import type { LogLevel } from '../contract';
import { ipcPieces, rowsToIpc, type IpcPieces } from './arrow-columns';
import type { CallMessage, OutputValue, ParentMessage, RunnerMessage, WireTable } from './protocol';
import { mallocTuning } from './runner-env';
import { SpareBuffers } from './spare-buffers';
import { parseSourceMap, userErrorPayload } from './stack-map';
import { fromWire, toWire } from './table-files';
import { TableRows } from './table-rows';
import { decodeMessage, encodeMessage } from './wire-codec';

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}
const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;

function send(message: RunnerMessage): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send!(encodeMessage(message));
}

const nodeRequire = createRequire(__filename);
const packageRequires = new Map<string, NodeJS.Require>();

/** Node 20 grants reads of an allowed folder only if it existed when the runner started: else access is denied, which means not installed. */
function installed(dir: string, name: string): boolean {
  try {
    return existsSync(path.join(dir, 'node_modules', name));
  } catch {
    return false;
  }
}

/** The package an import names: `lodash` for `lodash/fp`, `@scope/pkg` for `@scope/pkg/sub`. */
function importedPackage(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * User code may import Node's built-ins and the npm packages its pipeline
 * declares (and their subpaths, `lodash/fp`), from the install folder; the
 * permission model decides what they may touch.
 */
function requireFor(packages: CallMessage['packages']): (id: string) => unknown {
  return (id) => {
    if (isBuiltin(id)) return nodeRequire(id);
    if (/^[./]/.test(id) || path.isAbsolute(id)) throw new Error(`cannot import ${id}: code nodes import Node's built-in modules and the npm packages the pipeline declares, not files`);
    const name = importedPackage(id);
    if (!packages?.names.includes(name)) {
      throw new Error(`cannot import ${id}: ${name} is not in the pipeline's dependencies. Code nodes import Node's built-in modules and the npm packages the pipeline declares: add ${name} under Dependencies in the pipeline inspector ("dependencies" in the file), then install`);
    }
    let load = packageRequires.get(packages.dir);
    if (!load) packageRequires.set(packages.dir, (load = createRequire(path.join(packages.dir, 'package.json'))));
    try {
      return load(id);
    } catch (error) {
      // Not found in the install, Node looks in the folders above it, which the permission model refuses.
      const missing = ['MODULE_NOT_FOUND', 'ERR_ACCESS_DENIED'].includes((error as NodeJS.ErrnoException).code!) && !installed(packages.dir, name);
      if (!missing) throw error;
      throw new Error(`cannot import ${id}: ${name} is declared in the pipeline's dependencies but not installed in ${packages.dir}; install them (Install under Dependencies in the pipeline inspector, or npm install in an exported script's folder)`, { cause: error });
    }
  };
}

interface Compiled {
  run: (exports: object, require: (id: string) => unknown, module: { exports: Record<string, unknown> }, console: Console) => void;
  map: SourceMap | undefined;
}
const compiled = new Map<string, Compiled>();

function compile(call: CallMessage): Compiled {
  let entry = compiled.get(call.codeKey);
  if (!entry) {
    // compileFunction parses source text directly; eval and new Function stay disallowed for the user.
    const run = vm.compileFunction(call.code, ['exports', 'require', 'module', 'console'], { filename: call.fileName }) as Compiled['run'];
    entry = { run, map: parseSourceMap(call.sourceMap) };
    if (compiled.size >= 16) compiled.delete(compiled.keys().next().value!);
    compiled.set(call.codeKey, entry);
  }
  return entry;
}

let current: { call: CallMessage; controller?: AbortController; abortReason?: Error; usedWorkDir?: boolean; inputBytes: Uint8Array[]; outputPieces: Uint8Array[] } | undefined;

/**
 * Tables in and out are built in buffers kept from call to call (see
 * SpareBuffers): at most an eighth of the heap limit, as they count towards
 * the runner's memory. Once the call has answered, returned tables' buffers
 * (already sent) come back, and inputs' are taken from under the call's views.
 */
const tableBuffers = new SpareBuffers(Math.min(64 * 2 ** 20, getHeapStatistics().heap_size_limit / 8));
const takeBytes = (size: number) => tableBuffers.take(size);

function readTable(wire: WireTable): TableRows {
  const bytes = fromWire(wire, takeBytes);
  current!.inputBytes.push(bytes);
  return TableRows.fromIpc(bytes);
}

function returnedTable(rows: unknown[]): IpcPieces {
  const pieces = rowsToIpc(rows, takeBytes);
  current!.outputPieces.push(...pieces);
  return pieces;
}

/** The call's abort signal, made when the code first asks for it: most calls never do, and each controller costs a warm call time. */
function callSignal(): AbortSignal {
  const call = current!;
  if (!call.controller) {
    call.controller = new AbortController();
    if (call.abortReason) call.controller.abort(call.abortReason);
  }
  return call.controller.signal;
}
let nextRequest = 0;
const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

type StateRequest = { type: 'state-get'; callId: number; key: string } | { type: 'state-set'; callId: number; key: string; value: unknown };

function request(message: StateRequest): Promise<unknown> {
  const requestId = ++nextRequest;
  return new Promise((resolve, reject) => {
    pending.set(requestId, { resolve, reject });
    send({ ...message, requestId } as RunnerMessage);
  });
}

/** `log.*` and `console.*` become log lines of the call running now; output between calls is dropped. Built once. */
const emit = (level: LogLevel) => (...args: unknown[]) => {
  if (current) send({ type: 'log', callId: current.call.callId, level, message: format(...args) });
};
const log = Object.assign(emit('info'), { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') });
const userConsole = Object.assign(Object.create(globalThis.console) as Console, { log: emit('info'), info: emit('info'), debug: emit('debug'), warn: emit('warn'), error: emit('error'), trace: emit('debug') });
globalThis.console = userConsole;

async function runCall(call: CallMessage): Promise<OutputValue[]> {
  const { run, map } = compile(call);
  const module: { exports: Record<string, unknown> } = { exports: {} };
  const inputs: Record<string, unknown> = {};
  for (const [port, value] of Object.entries(call.inputs)) inputs[port] = call.tablePorts.includes(port) ? readTable(value as WireTable) : value;
  try {
    run(module.exports, requireFor(call.packages), module, userConsole);
    const main = typeof module.exports.default === 'function' ? module.exports.default : module.exports.run;
    if (typeof main !== 'function') throw new Error('the code exports no function: write `export default async function run({ inputs }) { ... }`');
    const state = {
      get: (key: string) => request({ type: 'state-get', callId: call.callId, key }),
      set: (key: string, value: unknown) => request({ type: 'state-set', callId: call.callId, key, value }),
    };
    const context = {
      inputs,
      params: call.params,
      secrets: call.secrets,
      state,
      log,
      get signal() {
        return callSignal();
      },
      get workDir() {
        mkdirSync(call.workDir, { recursive: true });
        current!.usedWorkDir = true;
        return call.workDir;
      },
    };
    const result = (await main(context)) as Record<string, unknown> | undefined;
    return outputsOf(call, inputs, result ?? {}, log.warn);
  } catch (error) {
    throw Object.assign(new Error('user code failed'), { payload: userErrorPayload(error, call.fileName, map) });
  }
}

function outputsOf(call: CallMessage, inputs: Record<string, unknown>, result: Record<string, unknown>, warn: (message: string) => void): OutputValue[] {
  for (const key of Object.keys(result)) if (!call.outputs.some((o) => o.id === key)) warn(`returned ${key}, which is not an output port; it is ignored`);
  return call.outputs.map(({ id, type }, index) => {
    const value = result[id];
    if (value === undefined) throw new Error(`returned no value for output ${id}: return { ${id}: ... }`);
    if (type !== 'table') return { port: id, value };
    const input = Object.keys(inputs).find((port) => inputs[port] === value);
    if (input) return { port: id, sameAsInput: input };
    if (value instanceof TableRows) {
      value.checkLive();
      return { port: id, table: toWire(ipcPieces(value.arrow), call.workDir, `out-${index}`) };
    }
    if (Array.isArray(value)) return { port: id, table: toWire(returnedTable(value), call.workDir, `out-${index}`) };
    throw new Error(`output ${id} is a table port: return an array of row objects or an input table, not ${typeof value}`);
  });
}

/**
 * What the runner has open before its first call (the IPC pipes); a call that
 * leaves more behind (a timer, a socket) makes the runner unfit for reuse.
 */
let baseline: Map<string, number> | undefined;

function openResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of process.getActiveResourcesInfo()) if (r !== 'FSReqCallback') counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

function isClean(): boolean {
  for (const [resource, count] of openResources()) if (count > (baseline!.get(resource) ?? 0)) return false;
  return true;
}

async function handleCall(call: CallMessage): Promise<void> {
  if (!call.code && !compiled.has(call.codeKey)) return send({ type: 'need-code', callId: call.callId });
  current = { call, inputBytes: [], outputPieces: [] };
  baseline ??= openResources();
  try {
    const outputs = await runCall(call);
    send({ type: 'result', callId: call.callId, outputs, reusable: isClean() });
  } catch (error) {
    const payload = (error as { payload?: ReturnType<typeof userErrorPayload> }).payload ?? userErrorPayload(error, call.fileName, undefined);
    send({ type: 'error', callId: call.callId, error: payload, reusable: isClean() });
  } finally {
    if (current.usedWorkDir) rmSync(call.workDir, { recursive: true, force: true });
    tableBuffers.give(current.outputPieces);
    tableBuffers.give(current.inputBytes, true);
    current = undefined;
  }
}


function onMessage(message: ParentMessage): void {
  if (message.type === 'call') void handleCall(message);
  else if (message.type === 'abort' && current?.call.callId === message.callId) {
    current.abortReason = new Error('the node was cancelled');
    current.controller?.abort(current.abortReason);
  }
  else if (message.type === 'state') {
    const waiter = pending.get(message.requestId);
    pending.delete(message.requestId);
    if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.value);
  }
}

function fatal(origin: 'uncaught exception' | 'unhandled rejection', error: unknown): void {
  const call = current?.call;
  send({ type: 'fatal', callId: call?.callId, origin, error: userErrorPayload(error, call?.fileName ?? 'code', call ? compiled.get(call.codeKey)?.map : undefined) });
  // The runner's state is unknown now: it exits and the pool starts a fresh one.
  setImmediate(() => process.exit(70));
}

for (const name of Object.keys(mallocTuning)) delete process.env[name];
process.on('uncaughtException', (error) => fatal('uncaught exception', error));
process.on('unhandledRejection', (reason) => fatal('unhandled rejection', reason));
if (parentPort) parentPort.on('message', (event) => onMessage(event.data as ParentMessage));
else process.on('message', (message) => onMessage(decodeMessage(message) as ParentMessage));
// The parent is gone (the app quit or crashed): nothing more will ask for work.
process.on('disconnect', () => process.exit(0));
if (process.argv.includes('--report-rss')) setInterval(() => send({ type: 'rss', bytes: process.memoryUsage.rss() }), 100).unref();
send({ type: 'ready' });

import type { LogLevel } from '../contract';

/**
 * Messages between the parent and a runner process. Tables travel as Arrow
 * IPC bytes (columnar), never as arrays of row objects.
 */

/** A table crossing the process boundary: Arrow IPC bytes in the message, or a file of them when large (table-files.ts). */
export type WireTable = { kind: 'arrow'; bytes: Uint8Array } | { kind: 'arrow-file'; path: string };

/** One call of the user's module. */
export interface CallMessage {
  type: 'call';
  callId: number;
  /** CommonJS from esbuild; compiled once per runner and cached by `codeKey`. Empty when the runner has it already. */
  code: string;
  codeKey: string;
  /** Source map JSON, so stack traces point at the user's own lines. */
  sourceMap: string;
  /** The file name stack traces show, e.g. `clean_orders.ts`. */
  fileName: string;
  /** Non-table inputs arrive as structured clone would deliver them (wire-codec.ts); table inputs as WireTable. */
  inputs: Record<string, unknown>;
  tablePorts: string[];
  outputs: { id: string; type: string }[];
  params: Record<string, unknown>;
  secrets: Record<string, string>;
  /** The npm packages the code may import besides Node's built-ins: the pipeline's declared names, installed in `dir`. */
  packages?: { dir: string; names: string[] };
  /** A folder this call may write to; the runner creates it when the code first asks for it and removes it after. */
  workDir: string;
}

export type ParentMessage =
  | CallMessage
  | { type: 'abort'; callId: number }
  | { type: 'state'; requestId: number; value?: unknown; error?: string };

export interface ErrorPayload {
  name: string;
  message: string;
  /** Stack with frames of the user's code mapped to their source lines. */
  stack?: string;
}

export interface OutputValue {
  port: string;
  /** A table built from returned rows, an input table handed back as it is, or a plain value. */
  table?: WireTable;
  sameAsInput?: string;
  value?: unknown;
}

export type RunnerMessage =
  | { type: 'ready' }
  | { type: 'log'; callId: number; level: LogLevel; message: string }
  | { type: 'state-get'; callId: number; requestId: number; key: string }
  | { type: 'state-set'; callId: number; requestId: number; key: string; value: unknown }
  /** The runner no longer has the compiled code for `codeKey` (evicted); the parent sends the call again with it. */
  | { type: 'need-code'; callId: number }
  | { type: 'result'; callId: number; outputs: OutputValue[]; reusable: boolean }
  | { type: 'error'; callId: number; error: ErrorPayload; reusable: boolean }
  /** An exception no call awaited (a timer, an unhandled rejection); the runner exits after sending it. */
  | { type: 'fatal'; callId?: number; origin: 'uncaught exception' | 'unhandled rejection'; error: ErrorPayload }
  | { type: 'rss'; bytes: number };

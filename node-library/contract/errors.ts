/**
 * The one catalog of error codes. Every failure that crosses a process or
 * reaches a user carries a code from here and a message that says what to do.
 */
export const errorCodes = {
  E_PIPELINE_001: 'The pipeline file is not valid JSON',
  E_PIPELINE_002: 'The pipeline file does not match the pipeline schema',
  E_PIPELINE_003: 'The pipeline file has a newer format than this version of Pipewright reads',
  E_PIPELINE_004: 'The pipeline graph is invalid',
  E_PIPELINE_005: 'No pipeline with this id',
  E_PIPELINE_006: 'The pipeline file could not be read or written',
  E_PIPELINE_007: 'Another pipeline already has this id',
  E_API_001: 'The API call has invalid arguments',
  E_API_002: 'Unknown API method',
  E_API_003: 'The request came from a frame that is not the app',
  E_RUN_001: 'No run with this id',
  E_RUN_002: 'The process stopped before the run finished',
  E_RUN_003: 'The run exceeded its timeout',
  E_RUN_004: 'The run cannot be resumed',
  E_PARAM_001: 'Invalid run parameters',
  E_NODE_001: 'A node failed',
  E_NODE_002: 'A node exceeded its timeout',
  E_NODE_003: 'A mapped node received something that is not a list',
  E_NODE_004: "A code node's runner process stopped: timeout, out of memory, exit, signal or crash",
  E_NODE_005: 'A code node does not compile',
  E_DATA_001: 'A record in a file is larger than a reader takes in one piece (record_too_large)',
  E_EDITOR_001: 'The code editor found a syntax or type error in a code node',
  E_EXPORT_001: 'The export cannot be made as asked (node types, folder, cron)',
  E_EXPORT_002: 'The export folder could not be written',
  E_DEPS_001: "Installing the pipeline's npm packages failed (npm's error says why); the previous install is kept",
  E_DEPS_002: 'Pipelines of one workspace declare different versions of the same package',
  E_STORE_001: 'The run history was written by a newer version of Pipewright',
  E_SECRET_001: 'Secret names are UPPER_SNAKE_CASE and unique',
  E_SECRET_002: 'Secrets cannot be stored encrypted on this machine',
  E_SECRET_003: 'No secret with this name',
  E_INTERNAL_001: 'Unexpected internal error',
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** An error as it crosses IPC or WebSocket: plain data, no prototype. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  stack?: string;
}

export class PipewrightError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'PipewrightError';
    this.code = code;
  }
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof PipewrightError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'E_INTERNAL_001', message: error.message, stack: error.stack };
  return { code: 'E_INTERNAL_001', message: String(error) };
}

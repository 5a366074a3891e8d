import type { ErrorInfo } from './errors';
import type { LogLevel, NodeState, PartialRun, RunState, RunTrigger } from './events';
import type { ParamValue, PipelineFile } from './pipeline';

/** One run as the history lists it. */
export interface RunSummary {
  runId: string;
  pipelineId: string;
  pipelineName: string;
  state: RunState;
  trigger: RunTrigger;
  params: Record<string, ParamValue>;
  startedAt: number;
  finishedAt?: number;
  error?: ErrorInfo;
  partial?: PartialRun;
  resumedFrom?: string;
  /** The pipeline file the run came from, when it came from one; a resume reads it again. */
  source?: string;
}

/** One attempt of one node (or of one mapped item) in one run. */
export interface NodeRunRecord {
  runId: string;
  nodeId: string;
  item?: number;
  attempt: number;
  state: NodeState;
  startedAt: number;
  finishedAt?: number;
  rowsOut?: number;
  cached: boolean;
  error?: ErrorInfo;
}

export interface LogLine {
  runId: string;
  nodeId: string;
  item?: number;
  attempt?: number;
  level: LogLevel;
  message: string;
  at: number;
}

export interface RunDetail {
  run: RunSummary;
  /** The pipeline exactly as it ran, even if the file changed since. */
  pipeline: PipelineFile;
  nodeRuns: NodeRunRecord[];
}

export interface RunFilter {
  pipelineId?: string;
  state?: RunState;
  trigger?: RunTrigger;
  limit?: number;
}

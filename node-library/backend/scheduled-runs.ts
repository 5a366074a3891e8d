import path from 'node:path';
import { loadPipelineFile, pipelineOrThrow } from '../model/load';
import type { NodeRegistry } from '../nodes/registry';
import type { ScheduledRuns } from '../schedule/scheduler';
import { findPipelineFile } from './pipeline-folder';
import type { RunService } from './run-service';

/** Scheduled runs through the RunService: the pipeline file as it is now, trigger 'schedule'. */
export function scheduledRuns(runs: RunService, pipelinesDir: string, registry: NodeRegistry): ScheduledRuns {
  return {
    hasRun: (runId) => runs.store.getRun(runId) !== undefined,
    async start({ pipelineId, runId, params }) {
      const file = await findPipelineFile(pipelinesDir, pipelineId);
      const pipeline = pipelineOrThrow(await loadPipelineFile(file, registry), path.basename(file));
      return { done: runs.start({ pipeline, source: file, params, trigger: 'schedule', runId }).done };
    },
    cancel: (runId) => {
      try {
        runs.cancel(runId);
      } catch {
        // Finished in the meantime.
      }
    },
  };
}

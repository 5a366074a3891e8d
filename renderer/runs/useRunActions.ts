import { useCallback } from 'react';
import type { PartialRun } from '../../node-library/contract';
import { api } from '../api/client';
import { useSavePipeline } from '../hooks/useSavePipeline';
import { useAppStore } from '../store/app-store';
import { selectDirty } from '../store/selectors';
import { afterNextPaint } from './after-next-paint';
import { initialRunParams } from './run-params-form';

/** A run reads the file: refuse a pipeline with problems, save unsaved changes. True when the run may start. */
export async function readyToRun(save: () => Promise<boolean>): Promise<boolean> {
  const state = useAppStore.getState();
  const { openPipeline, showError } = state;
  if (!openPipeline) return false;
  try {
    await afterNextPaint();
    const problems = await api.validatePipeline(openPipeline);
    if (problems.length > 0) {
      showError({ message: `Fix these problems before running:\n${problems.map((p) => `- ${p.message}`).join('\n')}` });
      return false;
    }
    return !selectDirty(state) || (await save());
  } catch (error) {
    showError(error);
    return false;
  }
}

/** Starts a run the way `start` says; the run view follows it like any run. */
async function follow(start: () => Promise<{ runId: string }>): Promise<void> {
  const { runStarting, runStarted, runStartFailed, showError, dismissError } = useAppStore.getState();
  runStarting();
  try {
    const { runId } = await start();
    runStarted(runId);
    dismissError();
  } catch (error) {
    runStartFailed();
    showError(error);
  }
}

/**
 * Runs part of the open pipeline around a node: the node alone, everything up
 * to it, or everything from it. Upstream outputs come from earlier runs. Uses
 * the run parameters last entered (else the defaults).
 */
export function usePartialRun(): (mode: PartialRun['mode'], nodeId: string) => Promise<void> {
  const save = useSavePipeline();
  return useCallback(
    async (mode, nodeId) => {
      if (!(await readyToRun(save))) return;
      const { openPipeline, lastRunParams } = useAppStore.getState();
      if (!openPipeline) return;
      const params = initialRunParams(openPipeline.params, lastRunParams[openPipeline.id]);
      const partial = { mode, nodeId };
      await follow(() => api.startRun(Object.keys(params).length > 0 ? { pipelineId: openPipeline.id, partial, params } : { pipelineId: openPipeline.id, partial }));
    },
    [save],
  );
}

/**
 * Resumes a failed, cancelled or interrupted run of the open pipeline with the
 * pipeline as it is now (saved first): only what did not succeed runs again.
 */
export function useResumeRun(): (runId: string) => Promise<void> {
  const save = useSavePipeline();
  return useCallback(
    async (runId) => {
      if (!(await readyToRun(save))) return;
      await follow(() => api.resumeRun(runId));
    },
    [save],
  );
}

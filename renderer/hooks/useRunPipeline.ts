import { useCallback } from 'react';
import type { ParamValue } from '../../node-library/contract';
import { api } from '../api/client';
import { initialRunParams } from '../runs/run-params-form';
import { readyToRun } from '../runs/useRunActions';
import { useAppStore } from '../store/app-store';
import { useSavePipeline } from './useSavePipeline';

/**
 * Runs the open pipeline. A run reads the file, so unsaved changes are saved
 * first; a pipeline with problems is refused with the list. A pipeline that
 * declares run parameters asks for them first (the run-parameters form, which
 * then calls useSubmitRunParams). Live states and logs arrive through the
 * run-event subscriber.
 */
export function useRunPipeline(): () => Promise<void> {
  const save = useSavePipeline();
  return useCallback(async () => {
    const { openPipeline, setOverlay, lastRunParams } = useAppStore.getState();
    if (!openPipeline || !(await readyToRun(save))) return;
    const params = openPipeline.params;
    if (Object.keys(params).length === 0) {
      await startRun(openPipeline.id);
      return;
    }
    const initial = initialRunParams(params, lastRunParams[openPipeline.id]);
    setOverlay({ kind: 'runParams', form: { pipelineId: openPipeline.id, params, initial, error: null, submitting: false } });
  }, [save]);
}

/** Starts the run the open run-parameters form asked for, with the values the form checked. */
export function useSubmitRunParams(): (values: Record<string, ParamValue>) => Promise<void> {
  return useCallback(async (values) => {
    const { overlay, updateRunParamsForm } = useAppStore.getState();
    if (overlay?.kind !== 'runParams' || overlay.form.submitting) return;
    updateRunParamsForm({ submitting: true, error: null });
    await startRun(overlay.form.pipelineId, values);
  }, []);
}

/** Starts a run; a refusal of the params goes to the open form, any other error to the banner. */
async function startRun(pipelineId: string, params?: Record<string, ParamValue>): Promise<void> {
  const { runStarting, runStarted, runStartFailed, showError, dismissError, setOverlay, updateRunParamsForm, rememberRunParams } =
    useAppStore.getState();
  const inForm = () => useAppStore.getState().overlay?.kind === 'runParams';
  runStarting();
  try {
    const { runId } = await api.startRun(params ? { pipelineId, params } : { pipelineId });
    if (params) rememberRunParams(pipelineId, params);
    if (inForm()) setOverlay(null);
    runStarted(runId);
    dismissError();
  } catch (error) {
    runStartFailed();
    if (inForm() && (error as { code?: unknown } | null)?.code === 'E_PARAM_001') {
      updateRunParamsForm({ submitting: false, error: (error as Error).message });
      return;
    }
    if (inForm()) setOverlay(null);
    showError(error);
  }
}

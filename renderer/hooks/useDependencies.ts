import { useCallback, useEffect, useState } from 'react';
import type { DependencyStatus, InstallEvent, PipelineFile } from '../../node-library/contract';
import { api } from '../api/client';
import { selectDirty } from '../store/selectors';
import { useAppStore } from '../store/app-store';
import { useSavePipeline } from './useSavePipeline';

/** The install the panel shows: running with npm's lines so far, or how it ended. */
export interface InstallProgress {
  state: 'running' | 'done' | 'failed';
  phase: string;
  /** npm's output, the last 200 lines. */
  lines: string[];
  message?: string;
}

export interface Dependencies {
  status: DependencyStatus | undefined;
  progress: InstallProgress | undefined;
  install(): Promise<void>;
}

/**
 * The open pipeline's npm packages against the folder's install, checked
 * again whenever the list changes, and the Install command. An install reads
 * the file, so unsaved changes are saved first; its progress arrives as
 * install events.
 */
export function useDependencies(pipeline: PipelineFile): Dependencies {
  const save = useSavePipeline();
  const [status, setStatus] = useState<DependencyStatus>();
  const [progress, setProgress] = useState<InstallProgress>();
  const key = JSON.stringify(pipeline.dependencies ?? {});
  const refresh = useCallback(() => {
    api.dependencyStatus(pipeline.id, pipeline.dependencies ?? {}).then(setStatus, () => undefined);
    // `key` names the list.
  }, [pipeline.id, key]);
  useEffect(refresh, [refresh]);
  useEffect(() => api.onInstallEvent((event) => setProgress((current) => applyInstallEvent(current, event))), []);

  const install = useCallback(async () => {
    const state = useAppStore.getState();
    if (!state.openPipeline) return;
    if (selectDirty(state) && !(await save())) return;
    setProgress({ state: 'running', phase: 'starting', lines: [] });
    try {
      await api.installDependencies(state.openPipeline.id);
    } catch (error) {
      // The failed event says it too; this covers a refusal before npm started (two specs of one package).
      setProgress((current) => ({ ...(current ?? { phase: 'failed', lines: [] }), state: 'failed', message: (error as Error).message }));
    }
    refresh();
  }, [save, refresh]);
  return { status, progress, install };
}

function applyInstallEvent(current: InstallProgress | undefined, event: InstallEvent): InstallProgress {
  const base = current?.state === 'running' ? current : { state: 'running' as const, phase: 'starting', lines: [] };
  switch (event.type) {
    case 'install:phase':
      return { ...base, phase: event.phase, lines: [...base.lines, event.message].slice(-200) };
    case 'install:output':
      return { ...base, lines: [...base.lines, event.line].slice(-200) };
    case 'install:done':
      return { ...base, state: 'done', phase: 'done', message: `Installed in ${(event.durationMs / 1000).toFixed(1)} s` };
    case 'install:failed':
      return { ...base, state: 'failed', phase: 'failed', message: event.message };
  }
}

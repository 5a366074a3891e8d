import { useCallback } from 'react';
import type { ExportRequest, ExportSummary } from '../../node-library/contract';
import { api } from '../api/client';
import { pickFolder } from '../api/shell';
import { useAppStore } from '../store/app-store';
import { selectDirty } from '../store/selectors';
import { useSavePipeline } from './useSavePipeline';

/**
 * Opens the export form for the open pipeline. The export reads the saved
 * file, so unsaved changes are saved first; a pipeline with problems is
 * refused with the list, as a run is.
 */
export function useOpenExport(): () => Promise<void> {
  const save = useSavePipeline();
  return useCallback(async () => {
    const state = useAppStore.getState();
    const { openPipeline, showError, setOverlay } = state;
    if (!openPipeline) return;
    try {
      const problems = await api.validatePipeline(openPipeline);
      if (problems.length > 0) {
        showError({ message: `Fix these problems before exporting:\n${problems.map((p) => `- ${p.message}`).join('\n')}` });
        return;
      }
      if (selectDirty(state) && !(await save())) return;
    } catch (error) {
      showError(error);
      return;
    }
    setOverlay({ kind: 'export', pipelineId: openPipeline.id });
  }, [save]);
}

/** Writes the export folder; resolves with what was written, rejects with the backend's error for the form to show. */
export function useSubmitExport(): (request: ExportRequest) => Promise<ExportSummary> {
  return useCallback((request) => api.exportPipeline(request), []);
}

/** The desktop app's folder picker for the export form; undefined in serve mode (the form takes a typed path). */
export function usePickFolder(): (() => Promise<string | null>) | undefined {
  return pickFolder;
}

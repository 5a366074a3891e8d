import type { PipelineFile, PipewrightApi } from '../../node-library/contract';
import type { useAppStore } from '../store/app-store';
import { selectDirty } from '../store/selectors';

/** A pause in editing this long saves a draft; editing without a pause still saves one every `maxWaitMs`. */
export const draftDelayMs = 2000;
const maxWaitMs = 10_000;

/** The canvas whose changes the user discarded: the autosave must not keep them after all. */
let discarded: PipelineFile | null = null;

/** Removes the open pipeline's draft because the user discarded its changes. */
export function discardDraftOf(pipeline: PipelineFile, api: Pick<PipewrightApi, 'discardDraft'>): Promise<void> {
  discarded = pipeline;
  return api.discardDraft(pipeline.id).catch(() => undefined);
}

/**
 * Autosave: while the open pipeline has unsaved changes, keeps them as a
 * draft in the backend, debounced; once it is clean again (saved, or undone
 * back to the file) removes the draft this session wrote. Returns the stop function.
 */
export function startDraftAutosave(store: typeof useAppStore, api: Pick<PipewrightApi, 'saveDraft' | 'discardDraft'>): () => void {
  const written = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pendingSince = 0;

  const flush = () => {
    timer = undefined;
    pendingSince = 0;
    const state = store.getState();
    const pipeline = state.openPipeline;
    if (!pipeline || pipeline === discarded) return;
    if (selectDirty(state)) {
      written.add(pipeline.id);
      // A failed autosave is tried again after the next edit; the banner is for what the user asked for.
      api.saveDraft(pipeline).catch(() => written.delete(pipeline.id));
    } else if (written.delete(pipeline.id)) {
      api.discardDraft(pipeline.id).catch(() => undefined);
    }
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.openPipeline === previous.openPipeline && state.savedPipeline === previous.savedPipeline) return;
    const now = Date.now();
    pendingSince ||= now;
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(draftDelayMs, pendingSince + maxWaitMs - now)));
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}

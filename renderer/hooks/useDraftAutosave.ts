import { useEffect } from 'react';
import { api } from '../api/client';
import { startDraftAutosave } from '../pipelines/draft-autosave';
import { useAppStore } from '../store/app-store';

/** Keeps unsaved changes as a draft in the backend while the editor is open (see draft-autosave.ts). */
export function useDraftAutosave(): void {
  useEffect(() => startDraftAutosave(useAppStore, api), []);
}

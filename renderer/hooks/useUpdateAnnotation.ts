import { useCallback } from 'react';
import type { FrameAnnotation, NoteAnnotation } from '../../node-library/contract';
import { updateAnnotation } from '../edits/annotations';
import { useAppStore } from '../store/app-store';

type Change = Partial<Pick<FrameAnnotation, 'title'>> | Partial<Pick<NoteAnnotation, 'text'>>;

/** Edits a frame's title or a note's text; typing in one of them makes one undo step. */
export function useUpdateAnnotation(): (id: string, change: Change) => void {
  return useCallback((id, change) => {
    useAppStore.getState().edit((pipeline) => updateAnnotation(pipeline, id, change), { coalesce: `annotation:${id}:${Object.keys(change).join()}` });
  }, []);
}

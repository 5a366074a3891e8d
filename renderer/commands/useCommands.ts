import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAddFrame, useAddNote } from '../hooks/useAddAnnotation';
import { useAutoLayout } from '../hooks/useAutoLayout';
import { useCancelRun } from '../hooks/useCancelRun';
import { useCopySelection } from '../hooks/useCopySelection';
import { useCutSelection } from '../hooks/useCutSelection';
import { useDeletePipeline } from '../hooks/useDeletePipeline';
import { useDeleteSelection } from '../hooks/useDeleteSelection';
import { useDuplicatePipeline } from '../hooks/useDuplicatePipeline';
import { useOpenExport } from '../hooks/useExportPipeline';
import { useDuplicateSelection } from '../hooks/useDuplicateSelection';
import { useFitView } from '../hooks/useFitView';
import { useNewPipeline } from '../hooks/useNewPipeline';
import { useOpenPipeline } from '../hooks/useOpenPipeline';
import { useOpenQuickAdd } from '../hooks/useOpenQuickAdd';
import { usePaste } from '../hooks/usePaste';
import { useRedo } from '../hooks/useRedo';
import { useRenamePipeline } from '../hooks/useRenamePipeline';
import { useRunPipeline } from '../hooks/useRunPipeline';
import { useSavePipeline } from '../hooks/useSavePipeline';
import { useSavePipelineAs } from '../hooks/useSavePipelineAs';
import { useSelectAll } from '../hooks/useSelectAll';
import { useToggleTheme } from '../hooks/useToggleTheme';
import { useUndo } from '../hooks/useUndo';
import { useZoomToActualSize } from '../hooks/useZoomToActualSize';
import { useRunCommands } from '../runs/useRunCommands';
import { useAppStore } from '../store/app-store';
import type { AppState } from '../store/app-state';
import { selectCanCancel, selectCanRedo, selectCanRun, selectCanUndo, selectHasSelection, selectRecentPipelines } from '../store/selectors';
import type { Command } from './command';

const selectEnabled = (s: AppState) => ({
  open: s.openPipeline !== null,
  openId: s.openPipeline?.id ?? null,
  nodesSelected: s.selectedNodeIds.length > 0,
  anySelected: selectHasSelection(s),
  canUndo: selectCanUndo(s),
  canRedo: selectCanRedo(s),
  canRun: selectCanRun(s),
  canCancel: selectCanCancel(s),
  snap: s.snapToGrid,
  recent: selectRecentPipelines(s),
});

/** Every user command, each backed by its hook; the shortcuts and the command palette read this list. */
export function useCommands(): Command[] {
  const on = useAppStore(useShallow(selectEnabled));
  const save = useSavePipeline();
  const newPipeline = useNewPipeline();
  const deletePipeline = useDeletePipeline();
  const saveAs = useSavePipelineAs();
  const renamePipeline = useRenamePipeline();
  const duplicatePipeline = useDuplicatePipeline();
  const openPipeline = useOpenPipeline();
  const undo = useUndo();
  const redo = useRedo();
  const copy = useCopySelection();
  const cut = useCutSelection();
  const paste = usePaste();
  const duplicate = useDuplicateSelection();
  const remove = useDeleteSelection();
  const selectAll = useSelectAll();
  const quickAdd = useOpenQuickAdd();
  const addNote = useAddNote();
  const addFrame = useAddFrame();
  const layout = useAutoLayout();
  const fit = useFitView();
  const actualSize = useZoomToActualSize();
  const toggleTheme = useToggleTheme();
  const run = useRunPipeline();
  const cancel = useCancelRun();
  const runCommands = useRunCommands();
  const openExport = useOpenExport();

  return useMemo((): Command[] => {
    const { setOverlay, setSnapToGrid, setTheme, togglePanel } = useAppStore.getState();
    return [
      { id: 'save', title: 'Save pipeline', group: 'File', shortcuts: [{ key: 's', mod: true, shift: false }], inTextFields: true, enabled: on.open, run: () => void save() },
      { id: 'new-pipeline', title: 'New pipeline…', group: 'File', enabled: true, run: () => void newPipeline() },
      { id: 'save-as', title: 'Save pipeline as…', group: 'File', shortcuts: [{ key: 's', mod: true, shift: true }], inTextFields: true, enabled: on.open, run: () => void saveAs() },
      { id: 'rename-pipeline', title: 'Rename pipeline…', group: 'File', enabled: on.open, run: () => on.openId && void renamePipeline(on.openId) },
      { id: 'duplicate-pipeline', title: 'Duplicate pipeline', group: 'File', enabled: on.open, run: () => on.openId && void duplicatePipeline(on.openId) },
      { id: 'export', title: 'Export as script…', group: 'File', enabled: on.open, run: () => void openExport() },
      { id: 'secrets', title: 'Manage secrets…', group: 'File', enabled: true, run: () => setOverlay({ kind: 'secrets' }) },
      { id: 'delete-pipeline', title: 'Delete pipeline…', group: 'File', enabled: on.open, run: () => on.openId && void deletePipeline(on.openId) },
      ...on.recent
        .filter((p) => p.id !== on.openId)
        .map((p): Command => ({ id: `open-recent-${p.id}`, title: `Open recent: ${p.name}`, group: 'File', enabled: true, run: () => void openPipeline(p.id) })),
      { id: 'undo', title: 'Undo', group: 'Edit', shortcuts: [{ key: 'z', mod: true, shift: false }], enabled: on.canUndo, run: undo },
      { id: 'redo', title: 'Redo', group: 'Edit', shortcuts: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true, shift: false }], enabled: on.canRedo, run: redo },
      { id: 'copy', title: 'Copy', group: 'Edit', shortcuts: [{ key: 'c', mod: true }], shortcutsShownOnly: true, enabled: on.nodesSelected, run: () => void copy() },
      { id: 'cut', title: 'Cut', group: 'Edit', shortcuts: [{ key: 'x', mod: true }], shortcutsShownOnly: true, enabled: on.nodesSelected, run: () => void cut() },
      { id: 'paste', title: 'Paste', group: 'Edit', shortcuts: [{ key: 'v', mod: true }], shortcutsShownOnly: true, enabled: on.open, run: () => void paste() },
      { id: 'duplicate', title: 'Duplicate selection', group: 'Edit', shortcuts: [{ key: 'd', mod: true, shift: false }], enabled: on.nodesSelected, run: duplicate },
      { id: 'delete', title: 'Delete selection', group: 'Edit', shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }], enabled: on.anySelected, run: remove },
      { id: 'select-all', title: 'Select all', group: 'Edit', shortcuts: [{ key: 'a', mod: true, shift: false }], enabled: on.open, run: selectAll },
      { id: 'add-node', title: 'Add node…', group: 'Add', shortcuts: [{ key: '/' }], enabled: on.open, run: () => quickAdd() },
      { id: 'add-note', title: 'Add note', group: 'Add', shortcuts: [{ key: 'n', shift: true }], enabled: on.open, run: addNote },
      { id: 'add-frame', title: on.nodesSelected ? 'Frame selection' : 'Add frame', group: 'Add', shortcuts: [{ key: 'f', shift: true }], enabled: on.open, run: addFrame },
      { id: 'auto-layout', title: 'Auto-layout (selection, else everything)', group: 'View', shortcuts: [{ key: 'l', shift: true }], enabled: on.open, run: () => void layout() },
      { id: 'fit-view', title: 'Zoom to fit', group: 'View', shortcuts: [{ key: '1', shift: true }, { key: '!', shift: true }], enabled: on.open, run: fit },
      { id: 'zoom-100', title: 'Zoom to 100%', group: 'View', shortcuts: [{ key: '0', shift: true }, { key: ')', shift: true }], enabled: on.open, run: actualSize },
      { id: 'snap-to-grid', title: on.snap ? 'Turn snap to grid off' : 'Turn snap to grid on', group: 'View', enabled: true, run: () => setSnapToGrid(!on.snap) },
      { id: 'toggle-sidebar', title: 'Show / hide the pipelines and nodes panel', group: 'View', shortcuts: [{ key: 'b', mod: true, shift: false }], enabled: true, run: () => togglePanel('sidebar') },
      { id: 'toggle-inspector', title: 'Show / hide the inspector', group: 'View', shortcuts: [{ key: 'b', mod: true, alt: true, shift: false }], enabled: true, run: () => togglePanel('inspector') },
      { id: 'toggle-bottom', title: 'Show / hide the logs and problems panel', group: 'View', shortcuts: [{ key: 'j', mod: true, shift: false }], enabled: true, run: () => togglePanel('bottom') },
      { id: 'toggle-theme', title: 'Toggle light / dark theme', group: 'View', enabled: true, run: toggleTheme },
      { id: 'theme-system', title: 'Theme: follow the system', group: 'View', enabled: true, run: () => setTheme('system') },
      { id: 'command-palette', title: 'Command palette', group: 'View', shortcuts: [{ key: 'k', mod: true }], inTextFields: true, enabled: true, run: () => setOverlay({ kind: 'commands' }) },
      { id: 'shortcuts', title: 'Keyboard shortcuts', group: 'View', shortcuts: [{ key: '?' }], enabled: true, run: () => setOverlay({ kind: 'shortcuts' }) },
      { id: 'run', title: 'Run pipeline', group: 'Run', shortcuts: [{ key: 'Enter', mod: true }], inTextFields: true, enabled: on.canRun, run: () => void run() },
      { id: 'cancel-run', title: 'Cancel run', group: 'Run', enabled: on.canCancel, run: () => void cancel() },
      ...runCommands,
    ];
  }, [on, save, newPipeline, saveAs, renamePipeline, duplicatePipeline, deletePipeline, openPipeline, undo, redo, copy, cut, paste, duplicate, remove, selectAll, quickAdd, addNote, addFrame, layout, fit, actualSize, toggleTheme, run, cancel, runCommands, openExport]);
}

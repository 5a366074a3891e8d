import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAutoLayout } from '../hooks/useAutoLayout';
import { useCancelRun } from '../hooks/useCancelRun';
import { useCopySelection } from '../hooks/useCopySelection';
import { useCutSelection } from '../hooks/useCutSelection';
import { useDeletePipeline } from '../hooks/useDeletePipeline';
import { useDeleteSelection } from '../hooks/useDeleteSelection';
import { useOpenExport } from '../hooks/useExportPipeline';
import { useDuplicateSelection } from '../hooks/useDuplicateSelection';
import { useFitView } from '../hooks/useFitView';
import { useNewPipeline } from '../hooks/useNewPipeline';
import { useOpenQuickAdd } from '../hooks/useOpenQuickAdd';
import { usePaste } from '../hooks/usePaste';
import { useRedo } from '../hooks/useRedo';
import { useRunPipeline } from '../hooks/useRunPipeline';
import { useSavePipeline } from '../hooks/useSavePipeline';
import { useSelectAll } from '../hooks/useSelectAll';
import { useToggleTheme } from '../hooks/useToggleTheme';
import { useUndo } from '../hooks/useUndo';
import { useAppStore } from '../store/app-store';
import type { AppState } from '../store/app-state';
import { selectCanCancel, selectCanRedo, selectCanRun, selectCanUndo } from '../store/selectors';
import type { Command } from './command';

const selectEnabled = (s: AppState) => ({
  open: s.openPipeline !== null,
  openId: s.openPipeline?.id ?? null,
  nodesSelected: s.selectedNodeIds.length > 0,
  anySelected: s.selectedNodeIds.length > 0 || s.selectedEdgeIds.length > 0,
  canUndo: selectCanUndo(s),
  canRedo: selectCanRedo(s),
  canRun: selectCanRun(s),
  canCancel: selectCanCancel(s),
  snap: s.snapToGrid,
});

/** Every user command, each backed by its hook; the shortcuts and the command palette read this list. */
export function useCommands(): Command[] {
  const on = useAppStore(useShallow(selectEnabled));
  const save = useSavePipeline();
  const newPipeline = useNewPipeline();
  const deletePipeline = useDeletePipeline();
  const undo = useUndo();
  const redo = useRedo();
  const copy = useCopySelection();
  const cut = useCutSelection();
  const paste = usePaste();
  const duplicate = useDuplicateSelection();
  const remove = useDeleteSelection();
  const selectAll = useSelectAll();
  const quickAdd = useOpenQuickAdd();
  const layout = useAutoLayout();
  const fit = useFitView();
  const toggleTheme = useToggleTheme();
  const run = useRunPipeline();
  const cancel = useCancelRun();
  const openExport = useOpenExport();

  return useMemo((): Command[] => {
    const { setOverlay, setSnapToGrid, setTheme } = useAppStore.getState();
    return [
      { id: 'save', title: 'Save pipeline', group: 'File', shortcuts: [{ key: 's', mod: true, shift: false }], inTextFields: true, enabled: on.open, run: () => void save() },
      { id: 'new-pipeline', title: 'New pipeline…', group: 'File', enabled: true, run: () => void newPipeline() },
      { id: 'export', title: 'Export as script…', group: 'File', enabled: on.open, run: () => void openExport() },
      { id: 'delete-pipeline', title: 'Delete pipeline…', group: 'File', enabled: on.open, run: () => on.openId && void deletePipeline(on.openId) },
      { id: 'undo', title: 'Undo', group: 'Edit', shortcuts: [{ key: 'z', mod: true, shift: false }], enabled: on.canUndo, run: undo },
      { id: 'redo', title: 'Redo', group: 'Edit', shortcuts: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true, shift: false }], enabled: on.canRedo, run: redo },
      { id: 'copy', title: 'Copy', group: 'Edit', shortcuts: [{ key: 'c', mod: true }], shortcutsShownOnly: true, enabled: on.nodesSelected, run: () => void copy() },
      { id: 'cut', title: 'Cut', group: 'Edit', shortcuts: [{ key: 'x', mod: true }], shortcutsShownOnly: true, enabled: on.nodesSelected, run: () => void cut() },
      { id: 'paste', title: 'Paste', group: 'Edit', shortcuts: [{ key: 'v', mod: true }], shortcutsShownOnly: true, enabled: on.open, run: () => void paste() },
      { id: 'duplicate', title: 'Duplicate selection', group: 'Edit', shortcuts: [{ key: 'd', mod: true, shift: false }], enabled: on.nodesSelected, run: duplicate },
      { id: 'delete', title: 'Delete selection', group: 'Edit', shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }], enabled: on.anySelected, run: remove },
      { id: 'select-all', title: 'Select all', group: 'Edit', shortcuts: [{ key: 'a', mod: true, shift: false }], enabled: on.open, run: selectAll },
      { id: 'add-node', title: 'Add node…', group: 'Add', shortcuts: [{ key: '/' }], enabled: on.open, run: () => quickAdd() },
      { id: 'auto-layout', title: 'Auto-layout (selection, else everything)', group: 'View', shortcuts: [{ key: 'l', shift: true }], enabled: on.open, run: () => void layout() },
      { id: 'fit-view', title: 'Zoom to fit', group: 'View', shortcuts: [{ key: '1', shift: true }, { key: '!', shift: true }], enabled: on.open, run: fit },
      { id: 'snap-to-grid', title: on.snap ? 'Turn snap to grid off' : 'Turn snap to grid on', group: 'View', enabled: true, run: () => setSnapToGrid(!on.snap) },
      { id: 'toggle-theme', title: 'Toggle light / dark theme', group: 'View', enabled: true, run: toggleTheme },
      { id: 'theme-system', title: 'Theme: follow the system', group: 'View', enabled: true, run: () => setTheme('system') },
      { id: 'command-palette', title: 'Command palette', group: 'View', shortcuts: [{ key: 'k', mod: true }], inTextFields: true, enabled: true, run: () => setOverlay({ kind: 'commands' }) },
      { id: 'shortcuts', title: 'Keyboard shortcuts', group: 'View', shortcuts: [{ key: '?' }], enabled: true, run: () => setOverlay({ kind: 'shortcuts' }) },
      { id: 'run', title: 'Run pipeline', group: 'Run', shortcuts: [{ key: 'Enter', mod: true }], inTextFields: true, enabled: on.canRun, run: () => void run() },
      { id: 'cancel-run', title: 'Cancel run', group: 'Run', enabled: on.canCancel, run: () => void cancel() },
    ];
  }, [on, save, newPipeline, deletePipeline, undo, redo, copy, cut, paste, duplicate, remove, selectAll, quickAdd, layout, fit, toggleTheme, run, cancel, openExport]);
}

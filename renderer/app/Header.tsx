import { useRedo } from '../hooks/useRedo';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { useSavePipeline } from '../hooks/useSavePipeline';
import { useToggleTheme } from '../hooks/useToggleTheme';
import { useUndo } from '../hooks/useUndo';
import { RunButton } from '../runs/RunButton';
import { useAppStore } from '../store/app-store';
import { PanelToggles } from './PanelToggles';
import { selectCanRedo, selectCanUndo, selectDirty, selectOpenPipelineName } from '../store/selectors';

export function Header() {
  const name = useAppStore(selectOpenPipelineName);
  const dirty = useAppStore(selectDirty);
  const canUndo = useAppStore(selectCanUndo);
  const canRedo = useAppStore(selectCanRedo);
  const save = useSavePipeline();
  const undo = useUndo();
  const redo = useRedo();
  const toggleTheme = useToggleTheme();
  const theme = useResolvedTheme();
  return (
    <header className="pw-header">
      <span className="pw-header__brand">
        <span className="pw-header__logo" aria-hidden="true" />
        Pipewright
      </span>
      <span className="pw-header__pipeline">
        <span data-testid="open-pipeline-name">{name ?? <span className="pw-header__none">No pipeline open</span>}</span>
        {dirty && (
          <span className="pw-header__dirty" data-testid="dirty-indicator" title="Unsaved changes">
            ● Unsaved
          </span>
        )}
      </span>
      <PanelToggles />
      <div className="pw-header__tools">
        <button type="button" className="pw-icon-button" data-testid="undo" title="Undo (Ctrl/Cmd+Z)" aria-label="Undo" disabled={!canUndo} onClick={undo}>
          ↶
        </button>
        <button type="button" className="pw-icon-button" data-testid="redo" title="Redo (Shift+Ctrl/Cmd+Z)" aria-label="Redo" disabled={!canRedo} onClick={redo}>
          ↷
        </button>
        <button type="button" className="pw-button" data-testid="save-pipeline" disabled={name === null || !dirty} title="Save (Ctrl/Cmd+S)" onClick={() => void save()}>
          Save
        </button>
        <button type="button" className="pw-icon-button" data-testid="command-palette-open" title="Command palette (Ctrl/Cmd+K)" aria-label="Command palette" onClick={() => useAppStore.getState().setOverlay({ kind: 'commands' })}>
          ⌘
        </button>
        <button type="button" className="pw-icon-button" data-testid="toggle-theme" title={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} aria-label="Toggle theme" onClick={toggleTheme}>
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </div>
      <RunButton />
    </header>
  );
}

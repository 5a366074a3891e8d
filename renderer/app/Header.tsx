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
        <button type="button" className="pw-icon-button" data-testid="open-secrets" title="Secrets" aria-label="Secrets" onClick={() => useAppStore.getState().setOverlay({ kind: 'secrets' })}>
          <svg width="15" height="15" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" aria-hidden="true">
            <circle cx="5" cy="11" r="3" />
            <path d="M7.2 8.8 14 2M11.5 4.5l2 2M9.8 6.2l1.5 1.5" />
          </svg>
        </button>
        <button type="button" className="pw-icon-button" data-testid="toggle-theme" title={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} aria-label="Toggle theme" onClick={toggleTheme}>
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </div>
      <RunButton />
    </header>
  );
}

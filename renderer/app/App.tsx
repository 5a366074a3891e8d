import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Canvas } from '../canvas/Canvas';
import { useClipboardEvents } from '../commands/useClipboardEvents';
import { useCommands } from '../commands/useCommands';
import { useShortcuts } from '../commands/useShortcuts';
import { useDraftAutosave } from '../hooks/useDraftAutosave';
import { useLiveValidation } from '../hooks/useLiveValidation';
import { useLoadCatalog } from '../hooks/useLoadCatalog';
import { useRecentPipelines } from '../hooks/useRecentPipelines';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { useWarnBeforeUnload } from '../hooks/useWarnBeforeUnload';
import { Inspector } from '../inspector/Inspector';
import { Palette } from '../palette/Palette';
import { useAppStore } from '../store/app-store';
import { selectCollapsedPanels } from '../store/selectors';
import { PipelineList } from '../pipelines/PipelineList';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { RunPanel } from '../runs/RunPanel';
import { WithRunsView } from '../runs/WithRunsView';
import './app.css';
import { ErrorBanner } from './ErrorBanner';
import { Header } from './Header';
import { Overlays } from './Overlays';

export function App() {
  return (
    <ReactFlowProvider>
      <Editor />
    </ReactFlowProvider>
  );
}

function Editor() {
  useLoadCatalog();
  useLiveValidation();
  useWarnBeforeUnload();
  useDraftAutosave();
  useRecentPipelines();
  useClipboardEvents();
  const commands = useCommands();
  useShortcuts(commands);
  const theme = useResolvedTheme();
  const collapsed = useAppStore(useShallow(selectCollapsedPanels));
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className={['pw-app', ...Object.entries(collapsed).filter(([, off]) => off).map(([panel]) => `pw-app--no-${panel}`)].join(' ')}>
      <Header />
      <ErrorBanner />
      {!collapsed.sidebar && (
        <aside className="pw-sidebar">
          <PipelineList />
          <Palette />
        </aside>
      )}
      <main className="pw-main">
        <WithRunsView>
          <Canvas />
        </WithRunsView>
      </main>
      {!collapsed.bottom && (
        <div className="pw-bottom">
          <RunPanel />
          <ProblemsPanel />
        </div>
      )}
      {!collapsed.inspector && <Inspector />}
      <Overlays commands={commands} />
    </div>
  );
}

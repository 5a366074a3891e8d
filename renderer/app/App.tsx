import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { Canvas } from '../canvas/Canvas';
import { useClipboardEvents } from '../commands/useClipboardEvents';
import { useCommands } from '../commands/useCommands';
import { useShortcuts } from '../commands/useShortcuts';
import { useLiveValidation } from '../hooks/useLiveValidation';
import { useLoadCatalog } from '../hooks/useLoadCatalog';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { useWarnBeforeUnload } from '../hooks/useWarnBeforeUnload';
import { Inspector } from '../inspector/Inspector';
import { Palette } from '../palette/Palette';
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
  useClipboardEvents();
  const commands = useCommands();
  useShortcuts(commands);
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="pw-app">
      <Header />
      <ErrorBanner />
      <aside className="pw-sidebar">
        <PipelineList />
        <Palette />
      </aside>
      <main className="pw-main">
        <WithRunsView>
          <Canvas />
        </WithRunsView>
      </main>
      <div className="pw-bottom">
        <RunPanel />
        <ProblemsPanel />
      </div>
      <Inspector />
      <Overlays commands={commands} />
    </div>
  );
}

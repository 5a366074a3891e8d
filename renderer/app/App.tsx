import { Canvas } from '../canvas/Canvas';
import { useLoadCatalog } from '../hooks/useLoadCatalog';
import { PipelineList } from '../pipelines/PipelineList';
import { NodeLogs } from '../runs/NodeLogs';
import './app.css';
import { ErrorBanner } from './ErrorBanner';
import { Header } from './Header';

export function App() {
  useLoadCatalog();
  return (
    <div className="pw-app">
      <Header />
      <ErrorBanner />
      <PipelineList />
      <main className="pw-main">
        <Canvas />
      </main>
      <NodeLogs />
    </div>
  );
}

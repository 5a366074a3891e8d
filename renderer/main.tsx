import '@xyflow/react/dist/style.css';
import './app/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { subscribeRunEvents } from './api/subscribe-run-events';
import { App } from './app/App';

subscribeRunEvents();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

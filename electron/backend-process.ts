// Entry of the backend's utilityProcess: the engine, the store and runs live here, so a busy
// run never stalls the window; main only brokers IPC to it (see backend-protocol.ts).
import { createBackend } from '../node-library/backend/create-backend';
import { serveBackend } from './backend-protocol';

const { pipelinesDir, dataDir } = JSON.parse(process.argv[2] ?? '{}') as { pipelinesDir: string; dataDir: string };
let secrets = new Map<string, string>();
// The app's encrypted store first; PIPEWRIGHT_SECRET_<NAME> still works, as it does headless.
const backend = createBackend({ pipelinesDir, dataDir, secrets: (name) => secrets.get(name) ?? process.env[`PIPEWRIGHT_SECRET_${name}`] });
const parentPort = process.parentPort;

serveBackend(
  { post: (message) => parentPort.postMessage(message), onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)) },
  backend,
  (values) => (secrets = new Map(Object.entries(values))),
);

process.on('SIGTERM', () => void backend.close().finally(() => process.exit(0)));

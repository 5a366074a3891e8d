import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../backend/create-backend';
import { serve } from '../../server/serve';
import { parse, UsageError } from '../args';
import { print, type Command } from '../command';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the app on 127.0.0.1 behind a per-start token',
  usage: 'pipewright serve [--port N] [--pipelines DIR] [--data-dir DIR]\n\nA random free port unless --port; pipelines from ./pipelines unless --pipelines.',
  async run(argv) {
    const { values } = parse(argv, { port: { type: 'string' }, pipelines: { type: 'string' }, 'data-dir': { type: 'string' } });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not ${values.port}`);
    const pipelinesDir = path.resolve(values.pipelines ?? 'pipelines');
    const dataDir = values['data-dir'] === undefined ? undefined : path.resolve(values['data-dir']);
    const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer');
    const backend = createBackend({ pipelinesDir, dataDir });
    const server = await serve({ backend, rendererDir, port });
    print(`Pipewright is serving ${pipelinesDir}\nOpen ${server.url}`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await backend.close();
    await server.close();
    return 0;
  },
};

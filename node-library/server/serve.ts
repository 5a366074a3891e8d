import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { toErrorInfo, type PipewrightApi, type WireRequest, type WireResponse, type WireServerMessage } from '../contract';
import { dispatch } from '../backend/dispatch';
import { eventBatches } from '../backend/event-batches';
import { serveStatic } from './static-files';
import { newToken, requestToken, tokenCookie, tokenMatches } from './token';

export interface ServeOptions {
  backend: PipewrightApi;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * Serve mode: the renderer and the backend API on 127.0.0.1 only, behind a
 * per-start token so other local users and web pages cannot drive it.
 */
export async function serve({ backend, rendererDir, port = 0 }: ServeOptions): Promise<RunningServer> {
  const token = newToken();
  const authorised = (request: IncomingMessage) => tokenMatches(requestToken(request), token);

  const server = createServer((request, response) => {
    if (!authorised(request)) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden: open the URL with the token that `pipewright serve` printed.');
      return;
    }
    response.setHeader('set-cookie', `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
    serveStatic(rendererDir, urlPath, response).catch((error) => response.destroy(error as Error));
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const origin = request.headers.origin;
    const sameOrigin = !origin || new URL(origin).host === request.headers.host;
    if (!authorised(request) || !sameOrigin || new URL(request.url ?? '/', 'http://localhost').pathname !== '/api') {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attachClient(ws, backend));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}/?token=${token}`,
    port: actualPort,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function attachClient(ws: WebSocket, backend: PipewrightApi): void {
  const post = (message: WireServerMessage) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(message));
  const events = eventBatches((batch) => post({ events: batch }));
  // A reply never overtakes the events emitted before it.
  const send = (message: WireResponse) => {
    events.flush();
    post(message);
  };
  const unsubscribe = backend.onRunEvent(events.push);
  const unsubscribeInstalls = backend.onInstallEvent((install) => post({ install }));
  ws.on('close', () => {
    unsubscribe();
    unsubscribeInstalls();
  });
  ws.on('message', async (data) => {
    let request: WireRequest;
    try {
      request = JSON.parse(String(data)) as WireRequest;
    } catch {
      return send({ id: -1, ok: false, error: { code: 'E_API_001', message: 'a request must be JSON' } });
    }
    const id = typeof request?.id === 'number' ? request.id : -1;
    try {
      send({ id, ok: true, result: await dispatch(backend, request.method, request.args) });
    } catch (error) {
      send({ id, ok: false, error: toErrorInfo(error) });
    }
  });
}

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

/** Serves a file of the built renderer; unknown paths get index.html (one-page app). */
export async function serveStatic(rootDir: string, urlPath: string, response: ServerResponse): Promise<void> {
  const root = path.resolve(rootDir);
  const wanted = path.resolve(root, `.${decodeURIComponent(urlPath)}`);
  const inside = wanted === root || wanted.startsWith(root + path.sep);
  const file = inside && (await isFile(wanted)) ? wanted : path.join(root, 'index.html');
  if (!(await isFile(file))) {
    response.writeHead(500, { 'content-type': 'text/plain' }).end(`The renderer is not built: ${file} is missing. Run npm run build.`);
    return;
  }
  response.writeHead(200, {
    'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(response);
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

import { writeFile } from 'node:fs/promises';
import { sqlString } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { storeSource } from './file-source';
import { bodyExcerpt, headersParam, resolveHeaders } from './http-headers';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The value at a dot path such as `data.items`; the whole value for an empty path. */
function atPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.').filter(Boolean)) {
    if (typeof current !== 'object' || current === null || !(key in current)) throw new Error(`param recordsPath: the response has nothing at ${path} (no ${key})`);
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export const httpNode = defineNode({
  type: 'source.http',
  version: 1,
  title: 'HTTP request',
  category: 'Sources',
  description:
    'Sends an HTTP request and outputs the response: as a table (a JSON array of objects, or the array at Records path), as parsed JSON, or as text. ' +
    'A status other than 2xx fails the node with the status and the start of the body; the node\'s retry settings decide whether it tries again. ' +
    'The node\'s timeout cancels a request that takes too long.',
  inputs: [],
  outputs: [{ id: 'out', type: 'any' }],
  params: {
    url: param.string('URL'),
    method: param.enum('Method', httpMethods, { default: 'GET' }),
    headers: headersParam(),
    body: param.code('Body', { default: '', description: 'Sent as it is; with no Content-Type header, JSON text is sent as application/json.' }),
    response: param.enum('Response as', ['table', 'json', 'text'], { default: 'table' }),
    recordsPath: param.string('Records path', { default: '', description: 'For a table: where the array is in the response, e.g. `data.items`. Empty: the response itself.' }),
  },
  async run(ctx) {
    const { params, host, data, signal, log } = ctx;
    const headers = resolveHeaders(params.headers, host);
    const hasBody = params.body !== '' && params.method !== 'GET';
    if (hasBody && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type') && isJson(params.body)) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(params.url, { method: params.method, headers, body: hasBody ? params.body : undefined, signal });
    } catch (error) {
      if (signal.aborted) throw error;
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      throw new Error(`${params.method} ${params.url} failed: ${cause ?? (error as Error).message}`, { cause: error });
    }
    if (!response.ok) throw new Error(`${params.method} ${params.url}: HTTP ${response.status} ${response.statusText}${excerpt(await bodyExcerpt(response))}`);
    const text = await response.text();
    log(`${params.method} ${params.url}: HTTP ${response.status}, ${Buffer.byteLength(text)} bytes`);
    if (params.response === 'text') return { out: text };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${params.method} ${params.url}: the response is not JSON${excerpt(text.slice(0, 200))}; use Response as text`);
    }
    if (params.response === 'json') return { out: json };
    const records = atPath(json, params.recordsPath);
    if (!Array.isArray(records)) throw new Error(`the response${params.recordsPath ? ` at ${params.recordsPath}` : ''} is not a JSON array, so it cannot be a table; set Records path or use Response as json`);
    if (records.length === 0) throw new Error(`the response${params.recordsPath ? ` at ${params.recordsPath}` : ''} is an empty array: there are no columns to make a table of; use Response as json to allow it`);
    const file = await data.tempFile('response.json');
    await writeFile(file, params.recordsPath ? JSON.stringify(records) : text);
    const out = await storeSource(ctx, `SELECT * FROM read_json(${sqlString(file)}, format = 'array')`);
    log(`${records.length} rows`);
    return { out };
  },
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function excerpt(text: string): string {
  return text ? `: ${text}` : '';
}

import * as z from 'zod';
import { jsonRow, toJsonText } from '../../data/duckdb-values';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bodyExcerpt, headersParam, resolveHeaders } from '../source/http-headers';
import { tableInput } from '../transform/table-sql';

export const httpPostNode = defineNode({
  type: 'sink.http_post',
  version: 1,
  title: 'HTTP POST rows',
  category: 'Sinks',
  description:
    'Sends its input table to a URL in batches: each request a JSON array of row objects, one batch after another. ' +
    'A status other than 2xx stops the node, naming the batch, its rows and the status; the batches before it were sent. ' +
    "The node's retries send every batch again, so the receiver should accept repeats.",
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'result', type: 'json' }],
  params: {
    url: param.string('URL'),
    headers: headersParam(),
    batchSize: { ...param.number('Rows per request', { default: 500 }), schema: z.number().int().min(1, 'must be at least 1') },
  },
  async run({ inputs, params, host, data, signal, log }) {
    const input = tableInput(inputs);
    const headers = { 'Content-Type': 'application/json', ...resolveHeaders(params.headers, host) };
    let batches = 0;
    let rows = 0;
    for await (const batch of data.batches(input, params.batchSize, signal, jsonRow)) {
      batches++;
      const names = batch.columns.map((c) => c.name);
      const body = toJsonText(batch.rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]]))));
      const which = `batch ${batches} (rows ${rows + 1}-${rows + batch.rows.length})`;
      let response: Response;
      try {
        response = await fetch(params.url, { method: 'POST', headers, body, signal });
      } catch (error) {
        if (signal.aborted) throw error;
        const cause = (error as { cause?: { message?: string } }).cause?.message;
        throw new Error(`${which}: POST ${params.url} failed: ${cause ?? (error as Error).message}`, { cause: error });
      }
      if (!response.ok) {
        const excerpt = await bodyExcerpt(response);
        throw new Error(`${which}: POST ${params.url} returned HTTP ${response.status} ${response.statusText}${excerpt ? `: ${excerpt}` : ''}`);
      }
      await response.body?.cancel();
      rows += batch.rows.length;
    }
    log(`sent ${rows} rows in ${batches} requests to ${params.url}`);
    return { result: { rows, batches } };
  },
});

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../../node-library/contract';
import { localHost } from '../../../node-library/engine/host';
import { lineage } from '../../../node-library/engine/lineage';
import { createRegistry } from '../../../node-library/nodes/registry';
import { tempDir } from '../helpers';

const registry = createRegistry();

function pipeline(dependencies?: Record<string, string>): PipelineFile {
  return {
    format: 'pipewright/pipeline@1', id: 'p', name: 'p', description: '', params: {}, edges: [], layout: {}, ...(dependencies && { dependencies }),
    nodes: [
      { id: 'code', type: 'code.js', version: 1, params: {}, code: ['export default async () => ({ out: 1 })'], cache: true },
      { id: 'sql', type: 'transform.sql', version: 1, params: { query: 'SELECT 1' } },
    ],
  };
}

describe('the cache key of a code node', () => {
  it('changes with the declared packages and with a new install; other nodes keep theirs', async () => {
    const dir = await tempDir();
    const host = localHost(dir);
    const key = (p: PipelineFile, nodeId = 'code') => lineage(p, () => [], registry, host, {})(nodeId);
    const none = await key(pipeline());
    const declared = await key(pipeline({ lodash: '^4.17.21' }));
    expect(declared).not.toBe(none);
    expect(await key(pipeline({ lodash: '^4.17.20' }))).not.toBe(declared);
    expect(await key(pipeline({ lodash: '^4.17.21' }), 'sql')).toBe(await key(pipeline(), 'sql'));

    await mkdir(host.packagesDir!, { recursive: true });
    await writeFile(path.join(host.packagesDir!, 'package.json'), '{"name":"pipewright-workspace-packages"}');
    expect(await key(pipeline({ lodash: '^4.17.21' }))).not.toBe(declared);
  });
});

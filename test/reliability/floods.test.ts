import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../node-library/contract';
import { RunService } from '../../node-library/backend/run-service';
import { defineNode, type NodeDefinition } from '../../node-library/nodes/define-node';
import { builtinNodes } from '../../node-library/nodes/index';
import { createRegistry } from '../../node-library/nodes/registry';
import { tempDir } from '../unit/helpers';
import { recordFigure, scale } from './figures';

const lines = scale(30_000, 1_000_000);
const cap = scale(5_000, 100_000);

const chatty = defineNode({
  type: 'test.chatty', version: 1, title: 'Chatty', category: 'Test', description: 'Logs a line per iteration.',
  inputs: [], outputs: [{ id: 'out', type: 'json' }], params: {},
  async run({ log }) {
    for (let i = 0; i < lines; i++) log(`line ${i} of a node that never stops talking`);
    return { out: lines };
  },
});

describe('floods', () => {
  it(`keeps ${cap.toLocaleString('en')} of a node's ${lines.toLocaleString('en')} log lines, with visible markers, in bounded memory`, async () => {
    const dir = await tempDir();
    const service = new RunService({ registry: createRegistry([...builtinNodes, chatty as NodeDefinition]), dataDir: dir, logCap: cap });
    const pipeline: PipelineFile = { format: 'pipewright/pipeline@1', id: 'chatty', name: 'Chatty', description: '', params: {}, layout: {}, edges: [], nodes: [{ id: 'talk', type: 'test.chatty', version: 1, params: {} }] };
    let sent = 0;
    service.onEvent((e) => void (e.type === 'node:log' && sent++));
    const rssBefore = process.memoryUsage().rss;
    const { runId, done } = service.start({ pipeline, source: path.join(dir, 'chatty.pipeline.json'), trigger: 'cli' });
    expect(await done).toBe('succeeded');
    const grownMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
    const stored = service.store.logs(runId);
    await service.close();
    const dbMb = (await stat(path.join(dir, 'history.sqlite'))).size / 2 ** 20;
    const markers = stored.filter((l) => l.message.startsWith('[log cap]'));
    recordFigure(
      `floods: ${lines.toLocaleString('en')} log lines from one node`,
      `${stored.length.toLocaleString('en')} kept (cap ${cap.toLocaleString('en')} + ${markers.length} markers), ${sent.toLocaleString('en')} sent live; RSS +${grownMb.toFixed(0)} MB (target < 200), history ${dbMb.toFixed(1)} MB`,
      stored.length === cap + 2 && markers.length === 2 && grownMb < 200,
    );
    expect(stored.length).toBe(cap + 2);
    expect(markers.map((m) => m.message)).toEqual([
      `[log cap] ${cap.toLocaleString('en')} lines logged; further lines of this node are counted, not kept`,
      `[log cap] ${(lines - cap).toLocaleString('en')} more lines were not kept (${lines.toLocaleString('en')} in all)`,
    ]);
    expect(sent).toBe(cap + 2);
  });
});

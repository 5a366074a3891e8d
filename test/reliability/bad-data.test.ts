import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localHost } from '../../node-library/engine/host';
import { runPipeline } from '../../node-library/engine/run-pipeline';
import { createRegistry } from '../../node-library/nodes/registry';
import { csvPipeline, eventRecorder, repoRoot, tempDir } from '../unit/helpers';
import { recordFigure } from './figures';

describe('bad data', () => {
  it('fails a Latin-1 file read without its encoding, saying where, instead of replacing characters', async () => {
    const dir = await tempDir();
    const recorder = eventRecorder();
    const input = path.join(repoRoot, 'test/fixtures/csv/latin1.csv');
    const state = await runPipeline(csvPipeline(input, 'out.csv', 'true'), { runId: 'r', registry: createRegistry(), host: localHost(dir), onEvent: recorder.onEvent });
    const failure = recorder.events.find((e) => e.type === 'node:state' && e.state === 'failed');
    const message = failure?.type === 'node:state' ? (failure.error?.message ?? '') : '';
    recordFigure('bad data: Latin-1 CSV read as UTF-8', `${state}: ${message.split('\n')[0].slice(0, 120)}`, state === 'failed');
    expect(state).toBe('failed');
    expect(failure?.type === 'node:state' && failure.nodeId).toBe('read');
    expect(message).toMatch(/latin1\.csv, line 2: .*not utf-8 encoded; set Encoding/);
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiChannels, apiMethods, errorCodes, type ApiMethod } from '../../../node-library/contract';
import { createBackend } from '../../../node-library/backend/create-backend';
import { registerIpcHandlers, type IpcEventLike, type IpcReply } from '../../../electron/ipc';
import { copyExamples, tempDir } from '../helpers';
import { mutate, randomValue, seededRandom } from './fuzz-values';

type Handler = (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;
const appFrame = { senderFrame: { url: 'file:///app/dist/renderer/index.html' } };

/** Valid arguments per method where the fuzzer should start from near misses; other methods get random ones only. */
function validSamples(pipeline: unknown): Partial<Record<ApiMethod, unknown[]>> {
  return {
    loadPipeline: ['big-orders'],
    savePipeline: ['fuzz-target', { ...(pipeline as object), id: 'fuzz-target' }],
    createPipeline: ['Fuzzed'],
    deletePipeline: ['no-such-pipeline'],
    validatePipeline: [pipeline],
    startRun: [{ pipelineId: 'no-such-pipeline', params: { country: 'GB' }, partial: { mode: 'node', nodeId: 'x' }, concurrency: 2 }],
    cancelRun: ['run_x'],
    resumeRun: ['run_x'],
    listRuns: [{ pipelineId: 'big-orders', state: 'failed', trigger: 'manual', limit: 5 }],
    getRun: ['run_x'],
    getRunEvents: ['run_x'],
    getRunLogs: ['run_x', 'filter_big'],
    setSecret: ['API_TOKEN', 'tok-123'],
    renameSecret: ['API_TOKEN', 'SERVICE_TOKEN'],
    deleteSecret: ['API_TOKEN'],
    allowWeakSecretStorage: [true],
  };
}

describe('IPC handlers under fuzzed payloads', () => {
  it('answer 1,000 malformed payloads per channel with an envelope and a catalogued code, never a throw', async () => {
    const dir = await copyExamples();
    const backend = createBackend({ pipelinesDir: dir, dataDir: await tempDir() });
    const handlers = new Map<string, Handler>();
    registerIpcHandlers({ handle: (channel, listener) => void handlers.set(channel, listener) }, backend, (url) => url === appFrame.senderFrame.url);
    const pipeline = JSON.parse(await readFile(path.join(dir, 'big-orders.pipeline.json'), 'utf8'));
    const samples = validSamples(pipeline);
    const random = seededRandom(20_261_122);
    try {
      for (const method of apiMethods) {
        const handler = handlers.get(apiChannels[method])!;
        const codes = new Map<string, number>();
        for (let i = 0; i < 1_000; i += 1) {
          const sample = samples[method];
          const args = sample && random() < 0.6 ? (mutate(random, sample) as unknown[]) : Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random));
          const payload = Array.isArray(args) ? args : [args];
          const reply = (await handler(appFrame, ...payload)) as IpcReply;
          // What goes back must survive structured clone, as Electron's IPC does to it.
          expect(() => structuredClone(reply)).not.toThrow();
          if (reply.ok) continue;
          expect(Object.keys(errorCodes), `${method} ${reply.error.code}`).toContain(reply.error.code);
          expect(typeof reply.error.message).toBe('string');
          codes.set(reply.error.code, (codes.get(reply.error.code) ?? 0) + 1);
        }
        // Most payloads are invalid, and refused by the contract's schema rather than deeper in the backend.
        if (!['listPipelines', 'listNodeTypes'].includes(method)) expect(codes.get('E_API_001') ?? 0, method).toBeGreaterThan(300);
        expect(codes.get('E_INTERNAL_001') ?? 0, `${method}: unexpected internal errors`).toBe(0);
      }
      // The backend still answers a valid call afterwards.
      const reply = (await handlers.get(apiChannels.listPipelines)!(appFrame)) as IpcReply;
      expect(reply).toMatchObject({ ok: true, result: expect.any(Array) });
    } finally {
      await backend.close();
    }
  }, 120_000);

  it('refuse fuzzed sender frames before looking at the payload', async () => {
    const handlers = new Map<string, Handler>();
    const backend = createBackend({ pipelinesDir: await copyExamples(), dataDir: await tempDir() });
    registerIpcHandlers({ handle: (channel, listener) => void handlers.set(channel, listener) }, backend, (url) => url === appFrame.senderFrame.url);
    const random = seededRandom(99);
    const frames = [undefined, null, {}, { senderFrame: undefined }, { senderFrame: { url: 42 } }, { senderFrame: { url: 'file:///app/dist/renderer/index.html.evil' } }];
    for (let i = 0; i < 1_000; i += 1) {
      const event = (random() < 0.5 ? frames[i % frames.length] : { senderFrame: { url: randomValue(random) } }) as IpcEventLike;
      const reply = (await handlers.get(apiChannels.listPipelines)!(event)) as IpcReply;
      expect(reply).toMatchObject({ ok: false, error: { code: 'E_API_003' } });
    }
    await backend.close();
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../node-library/backend/create-backend';
import { dispatch } from '../../../node-library/backend/dispatch';
import { copyExamples, tempDir } from '../helpers';
import { FakeClock } from '../schedule/fake-clock';

const everyFive = { cron: '*/5 * * * *', timezone: 'UTC' };

/** The examples, plus copies of big-orders that are broken in different ways, all scheduled every 5 minutes. */
async function scheduledFolder(): Promise<string> {
  const dir = await copyExamples();
  const file = path.join(dir, 'big-orders.pipeline.json');
  const good = JSON.parse(await readFile(file, 'utf8'));
  await writeFile(file, JSON.stringify({ ...good, schedule: everyFive }));
  const crashing = { ...good, id: 'crashing', schedule: everyFive, nodes: good.nodes.map((n: { id: string }, i: number) => (i === 0 ? { ...n, params: { path: 'data/missing.csv' } } : n)) };
  await writeFile(path.join(dir, 'crashing.pipeline.json'), JSON.stringify(crashing));
  const badGraph = { ...good, id: 'bad-graph', schedule: everyFive, nodes: good.nodes.map((n: { type: string }, i: number) => (i === 1 ? { ...n, type: 'transform.nope' } : n)) };
  await writeFile(path.join(dir, 'bad-graph.pipeline.json'), JSON.stringify(badGraph));
  await writeFile(path.join(dir, 'not-json.pipeline.json'), '{ "schedule": ');
  return dir;
}

async function settledFires(backend: Backend, count: number) {
  let fires: Awaited<ReturnType<Backend['listScheduleFires']>> = [];
  await vi.waitFor(async () => {
    fires = (await backend.listScheduleFires({})).filter((f) => f.outcome !== 'queued');
    expect(fires).toHaveLength(count);
  });
  await Promise.all(fires.map((f) => f.runId && backend.whenFinished(f.runId)));
  return fires;
}

describe('schedules through the backend and a real RunService', () => {
  it('runs scheduled pipelines with trigger schedule; a broken or crashing pipeline stops no other', async () => {
    const clock = new FakeClock(Date.parse('2026-01-05T10:04:30Z'));
    const backend = createBackend({ pipelinesDir: await scheduledFolder(), dataDir: await tempDir(), clock });
    try {
      await backend.tickScheduler();
      await clock.advance(30_000); // 10:05
      const fires = await settledFires(backend, 3);
      const byPipeline = Object.fromEntries(fires.map((f) => [f.pipelineId, f]));
      expect(byPipeline['big-orders']).toMatchObject({ outcome: 'started', slot: Date.parse('2026-01-05T10:05:00Z') });
      expect(byPipeline.crashing).toMatchObject({ outcome: 'started' });
      expect(byPipeline['bad-graph']).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('transform.nope') });

      const runs = await backend.listRuns({ trigger: 'schedule' });
      expect(Object.fromEntries(runs.map((r) => [r.pipelineId, r.state]))).toEqual({ 'big-orders': 'succeeded', crashing: 'failed' });
      expect(runs.map((r) => r.runId).sort()).toEqual([byPipeline['big-orders'].runId, byPipeline.crashing.runId].sort());

      await clock.advance(5 * 60_000); // 10:10: the good one fires again
      await settledFires(backend, 6);
      expect((await backend.listRuns({ trigger: 'schedule', pipelineId: 'big-orders' })).map((r) => r.state)).toEqual(['succeeded', 'succeeded']);

      const summaries = await backend.listSchedules();
      expect(summaries.find((s) => s.pipelineId === 'big-orders')).toMatchObject({ enabled: true, nextFire: { local: '2026-01-05T10:15:00+00:00' }, lastFire: { outcome: 'started' } });
      expect(summaries.find((s) => s.pipelineId === 'not-json')).toBeUndefined();
    } finally {
      await backend.close();
    }
  });

  it('takes a schedule saved through the API at once, and stops when it is disabled', async () => {
    const clock = new FakeClock(Date.parse('2026-01-05T10:00:10Z'));
    const backend = createBackend({ pipelinesDir: await copyExamples(), dataDir: await tempDir(), clock });
    try {
      const pipeline = await backend.loadPipeline('big-orders');
      await backend.savePipeline('big-orders', { ...pipeline, schedule: { cron: '*/20 * * * * *', timezone: 'UTC', enabled: true, params: {}, catchUp: 'latest', catchUpMax: 10, overlap: 'skip' } });
      await backend.tickScheduler();
      await clock.advance(10_000);
      await settledFires(backend, 1);
      await backend.savePipeline('big-orders', { ...pipeline, schedule: { cron: '*/20 * * * * *', timezone: 'UTC', enabled: false, params: {}, catchUp: 'latest', catchUpMax: 10, overlap: 'skip' } });
      await backend.tickScheduler();
      await clock.advance(60_000);
      expect(await backend.listScheduleFires({ pipelineId: 'big-orders' })).toHaveLength(1);
      expect((await backend.listSchedules())[0]).toMatchObject({ enabled: false });
      expect((await backend.listSchedules())[0].nextFire).toBeUndefined();
    } finally {
      await backend.close();
    }
  });

  it('previews a schedule in plain language with the next fires and the DST rule, or names what is wrong', async () => {
    const backend = createBackend({ pipelinesDir: await copyExamples(), dataDir: await tempDir() });
    try {
      const preview = await dispatch(backend, 'previewSchedule', [{ cron: '0 13 * * 1-5', timezone: 'Europe/Berlin' }]);
      expect(preview).toMatchObject({ ok: true, description: 'At 13:00, Monday through Friday', dstRule: expect.stringContaining('first valid time after the gap') });
      const next = (preview as { nextFires: { local: string }[] }).nextFires;
      expect(next).toHaveLength(5);
      expect(next.every((f) => /T13:00:00\+0[12]:00$/.test(f.local))).toBe(true);
      expect(await backend.previewSchedule({ cron: '*/15 * * * *', timezone: 'UTC' })).toMatchObject({ ok: true, description: 'Every 15 minutes', dstRule: expect.stringContaining('no daylight-saving') });
      expect(await backend.previewSchedule({ cron: '61 * * * *' })).toMatchObject({ ok: false, problem: expect.stringContaining('minute') });
      expect(await backend.previewSchedule({ cron: '* * * *' })).toMatchObject({ ok: false, problem: expect.stringContaining('5 fields') });
      expect(await backend.previewSchedule({ cron: '* * * * *', timezone: 'Nowhere/City' })).toMatchObject({ ok: false, problem: expect.stringContaining('Nowhere/City') });
      await expect(dispatch(backend, 'listScheduleFires', [{ limit: -1 }])).rejects.toMatchObject({ code: 'E_API_001' });
    } finally {
      await backend.close();
    }
  });
});

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { PIPELINE_FORMAT, PipewrightError, type PipelineFile, type PipewrightApi } from '../contract';
import { warmDuckDb } from '../data/duckdb-session';
import { exportPipeline } from '../export/export-pipeline';
import { moveAside } from '../model/corrupt-files';
import { loadPipelineFile, parsePipeline, pipelineOrThrow } from '../model/load';
import { removeStaleTemps, serializePipeline, writeFileAtomic } from '../model/save';
import { createRegistry, type NodeRegistry } from '../nodes/registry';
import { defaultDataDir } from './data-dir';
import { DraftStore, draftFolder } from './draft-store';
import { duplicatePipeline, renamePipeline, savePipelineAs } from './pipeline-copies';
import { findPipelineFile, newPipelineFile, newPipelineId, scanPipelineFolder } from './pipeline-folder';
import { RecentPipelines } from './recent-pipelines';
import { previewSchedule } from '../schedule/preview';
import { ScheduleStore } from '../schedule/schedule-store';
import { Scheduler } from '../schedule/scheduler';
import type { Clock } from '../schedule/clock';
import { folderSchedules } from './folder-schedules';
import { RunService } from './run-service';
import { scheduledRuns } from './scheduled-runs';
import { fileKeyStorage } from './file-key-storage';
import { SecretStore } from './secret-store';
import { hostOwnedSecrets, secretsApi } from './secrets-api';
import { secretEnvName } from '../engine/host';
import { WorkspacePackages } from '../packages/install-packages';
import { packageTypes } from '../packages/package-types';
import { workspaceDeclarations } from './workspace-declarations';
import { listDataFiles } from './data-files';

export interface BackendOptions {
  pipelinesDir: string;
  /** Run history and cache; defaults to the platform's app-data folder. */
  dataDir?: string;
  registry?: NodeRegistry;
  concurrency?: number;
  keepRunsPerPipeline?: number;
  /**
   * Secret values for runs, when the host keeps the secrets (the desktop app's main process,
   * which then answers the secret methods itself). By default the backend keeps its own store
   * in dataDir (serve-secrets.json, see file-key-storage.ts), then PIPEWRIGHT_SECRET_<NAME>.
   */
  secrets?: (name: string) => string | undefined;
  /** The scheduler's clock (tests use a fake one). */
  clock?: Clock;
}

export interface Backend extends PipewrightApi {
  /** Resolves when the run has finished; for hosts that must wait (CLI, tests). */
  whenFinished(runId: string): Promise<void>;
  /** Tells the scheduler to look now: after a resume from sleep. */
  tickScheduler(): Promise<void>;
  /** Stops the scheduler, cancels every active run, waits for them, and closes the stores. */
  close(): Promise<void>;
}

/** The one backend object that Electron's IPC and serve mode's WebSocket both expose. */
export function createBackend(options: BackendOptions): Backend {
  const registry = options.registry ?? createRegistry();
  const dataDir = options.dataDir ?? defaultDataDir();
  // A save cut off by a crash leaves a temp file next to the pipelines; cleared at start.
  void removeStaleTemps(options.pipelinesDir);
  const drafts = new DraftStore(draftFolder(dataDir, options.pipelinesDir));
  const recent = new RecentPipelines(path.join(dataDir, 'recent-pipelines.json'), path.resolve(options.pipelinesDir));
  // Not the app's secrets.json: those values are encrypted by the OS keyring, which only Electron reaches.
  const secretStore = options.secrets ? undefined : SecretStore.openSync(path.join(dataDir, 'serve-secrets.json'), fileKeyStorage(path.join(dataDir, 'serve-secrets.key')));
  const runs = new RunService({
    registry,
    dataDir,
    concurrency: options.concurrency,
    keepRunsPerPipeline: options.keepRunsPerPipeline ?? 200,
    secrets: options.secrets ?? ((name) => secretStore!.value(name) ?? process.env[secretEnvName(name)]),
  });
  // The app and serve mode own the schedules of their folder (unless `pipewright schedule` holds the lease).
  const scheduleStore = ScheduleStore.open(runs.dbFile);
  const scheduler = new Scheduler({
    store: scheduleStore,
    definitions: () => folderSchedules(options.pipelinesDir),
    runs: scheduledRuns(runs, options.pipelinesDir, registry),
    clock: options.clock,
    onError: (error) => console.error('pipewright scheduler:', error),
  });
  void scheduler.start();
  // The folder is the workspace: its pipelines share one install of the npm packages they declare.
  const packages = new WorkspacePackages(options.pipelinesDir);
  const closing = new AbortController();
  // DuckDB loaded and opened once the backend has started, not by the first run that needs it.
  const warmDuckDbSoon = setTimeout(() => void warmDuckDb(), 1000);
  warmDuckDbSoon.unref();

  const loadChecked = async (pipelineId: string) => {
    const file = await findPipelineFile(options.pipelinesDir, pipelineId);
    return { file, pipeline: pipelineOrThrow(await loadPipelineFile(file, registry), path.basename(file)) };
  };
  // Graph problems (an unconnected input, a missing param) do not stop the editor opening a work in progress;
  // it shows them in its problems panel, and startRun refuses the pipeline until they are fixed.
  const loadForEditing = async (pipelineId: string) => {
    const file = await findPipelineFile(options.pipelinesDir, pipelineId);
    const loaded = await loadPipelineFile(file, registry, { graph: false });
    if (!loaded.ok && loaded.problems[0].code === 'E_PIPELINE_001') await moveCorruptPipelineAside(file, loaded.problems[0].message);
    return pipelineOrThrow(loaded, path.basename(file));
  };
  // A file deleted or renamed outside the app drops out of the list.
  const recentThatExist = async () => {
    const existing = new Set((await scanPipelineFolder(options.pipelinesDir)).map((e) => e.id));
    return (await recent.list()).filter((id) => existing.has(id));
  };
  const runDetail = (runId: string) => {
    const detail = runs.store.getRun(runId);
    if (!detail) throw new PipewrightError('E_RUN_001', `no run with id ${runId}`);
    return detail;
  };

  return {
    async listPipelines() {
      const entries = await scanPipelineFolder(options.pipelinesDir);
      return entries.map(({ id, name, description, nodeCount }) => ({ id, name, description, nodeCount }));
    },
    loadPipeline: loadForEditing,
    async savePipeline(pipelineId, pipeline) {
      if (pipeline.id !== pipelineId) throw new PipewrightError('E_API_001', `pipeline id ${pipeline.id} does not match ${pipelineId}`);
      const file = await findPipelineFile(options.pipelinesDir, pipelineId).catch(() => newPipelineFile(options.pipelinesDir, pipelineId));
      await writeFileAtomic(file, serializePipeline(pipeline));
      await drafts.discard(pipelineId);
      // An edited schedule takes effect now rather than at the next tick.
      void scheduler.tick();
    },
    async createPipeline(name) {
      const id = await newPipelineId(options.pipelinesDir, name);
      const pipeline: PipelineFile = { format: PIPELINE_FORMAT, id, name: name.trim(), description: '', params: {}, nodes: [], edges: [], layout: {} };
      await writeFileAtomic(newPipelineFile(options.pipelinesDir, id), serializePipeline(pipeline));
      return pipeline;
    },
    async deletePipeline(pipelineId) {
      const file = await findPipelineFile(options.pipelinesDir, pipelineId);
      await rm(file).catch((error: Error) => {
        throw new PipewrightError('E_PIPELINE_006', `could not delete ${path.basename(file)}: ${error.message}`);
      });
      await drafts.discard(pipelineId);
      await recent.remove(pipelineId);
      void scheduler.tick();
    },
    savePipelineAs: (pipeline, name) => savePipelineAs(options.pipelinesDir, pipeline, name),
    async renamePipeline(pipelineId, name) {
      const renamed = await renamePipeline(options.pipelinesDir, await loadForEditing(pipelineId), name);
      if (renamed.id !== pipelineId) {
        await drafts.move(pipelineId, renamed);
        await recent.rename(pipelineId, renamed.id);
        runs.store.renamePipeline(pipelineId, renamed.id);
      }
      return renamed;
    },
    duplicatePipeline: async (pipelineId) => duplicatePipeline(options.pipelinesDir, await loadForEditing(pipelineId)),
    listRecentPipelines: recentThatExist,
    async addRecentPipeline(pipelineId) {
      await findPipelineFile(options.pipelinesDir, pipelineId);
      await recent.add(pipelineId);
      return recentThatExist();
    },
    async saveDraft(pipeline) {
      await findPipelineFile(options.pipelinesDir, pipeline.id);
      await drafts.save(pipeline);
    },
    loadDraft: async (pipelineId) => drafts.load(pipelineId, await findPipelineFile(options.pipelinesDir, pipelineId)),
    discardDraft: (pipelineId) => drafts.discard(pipelineId),
    async validatePipeline(pipeline) {
      const result = parsePipeline(JSON.stringify(pipeline), registry);
      return result.ok ? [] : result.problems;
    },
    async listNodeTypes() {
      return registry.list();
    },
    async exportPipeline({ pipelineId, outDir, includeData, cron }) {
      const { file, pipeline } = await loadChecked(pipelineId);
      // Relative to the pipelines folder, as the file's own paths are.
      return exportPipeline(pipeline, file, registry, { outDir: path.resolve(options.pipelinesDir, outDir), includeData, cron });
    },
    async startRun({ pipelineId, params, partial, concurrency }) {
      const { file, pipeline } = await loadChecked(pipelineId);
      const { runId } = runs.start({ pipeline, source: file, params, partial, concurrency, trigger: 'manual' });
      return { runId };
    },
    async cancelRun(runId) {
      runs.cancel(runId);
    },
    async resumeRun(runId) {
      const { run } = runDetail(runId);
      const current = await loadChecked(run.pipelineId).catch(() => undefined);
      return { runId: runs.resume(runId, current && { pipeline: current.pipeline, source: current.file }).runId };
    },
    async listRuns(filter) {
      return runs.store.listRuns(filter);
    },
    async getRun(runId) {
      return runDetail(runId);
    },
    async getRunEvents(runId) {
      runDetail(runId);
      return runs.store.runEvents(runId);
    },
    async getRunLogs(runId, nodeId) {
      runDetail(runId);
      return runs.store.logs(runId, nodeId);
    },
    async previewSchedule(schedule) {
      return previewSchedule(schedule, Date.now());
    },
    async listSchedules() {
      await scheduler.tick();
      return scheduler.summaries();
    },
    async listScheduleFires(filter) {
      return scheduleStore.fires(filter);
    },
    ...(secretStore ? secretsApi(secretStore) : hostOwnedSecrets()),
    async dependencyStatus(pipelineId, dependencies) {
      return packages.status(dependencies ?? (await loadForEditing(pipelineId)).dependencies);
    },
    async installDependencies(pipelineId) {
      const { dependencies } = await loadForEditing(pipelineId);
      return packages.install(pipelineId, await workspaceDeclarations(options.pipelinesDir, pipelineId, dependencies), closing.signal);
    },
    async listDataFiles(pipelineId, extensions) {
      return listDataFiles(path.dirname(await findPipelineFile(options.pipelinesDir, pipelineId)), extensions);
    },
    async packageTypes(pipelineId) {
      return packageTypes(packages.dir, (await loadForEditing(pipelineId)).dependencies);
    },
    onRunEvent(listener) {
      return runs.onEvent(listener);
    },
    onInstallEvent(listener) {
      return packages.onEvent(listener);
    },
    whenFinished: (runId) => runs.whenFinished(runId),
    tickScheduler: () => scheduler.tick(),
    async close() {
      clearTimeout(warmDuckDbSoon);
      closing.abort();
      await scheduler.stop();
      scheduleStore.close();
      await runs.close();
    },
  };
}

/**
 * A pipeline file that is empty or not JSON (a half-written file, an unfinished merge) goes aside to
 * `*.corrupt-<time>`, never to be overwritten by a save under its name; the error says where it is.
 */
async function moveCorruptPipelineAside(file: string, problem: string): Promise<never> {
  const aside = await moveAside(file);
  throw new PipewrightError('E_PIPELINE_001', `${path.basename(file)} cannot be opened (${problem}); it was moved aside to ${path.basename(aside)}, nothing of it is lost`);
}

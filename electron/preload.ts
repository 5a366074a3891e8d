import { contextBridge, ipcRenderer } from 'electron';
import { apiChannels, installEventChannel, runEventChannel, type InstallEvent, type PipewrightApi, type RunEvent } from '../node-library/contract';
import type { IpcReply } from './ipc';

async function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as IpcReply;
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.result as T;
}

/** The contract, method by method. The renderer never sees ipcRenderer itself. */
const api: PipewrightApi = {
  listPipelines: () => invoke(apiChannels.listPipelines),
  loadPipeline: (pipelineId) => invoke(apiChannels.loadPipeline, pipelineId),
  savePipeline: (pipelineId, pipeline) => invoke(apiChannels.savePipeline, pipelineId, pipeline),
  createPipeline: (name) => invoke(apiChannels.createPipeline, name),
  deletePipeline: (pipelineId) => invoke(apiChannels.deletePipeline, pipelineId),
  savePipelineAs: (pipeline, name) => invoke(apiChannels.savePipelineAs, pipeline, name),
  renamePipeline: (pipelineId, name) => invoke(apiChannels.renamePipeline, pipelineId, name),
  duplicatePipeline: (pipelineId) => invoke(apiChannels.duplicatePipeline, pipelineId),
  listRecentPipelines: () => invoke(apiChannels.listRecentPipelines),
  addRecentPipeline: (pipelineId) => invoke(apiChannels.addRecentPipeline, pipelineId),
  saveDraft: (pipeline) => invoke(apiChannels.saveDraft, pipeline),
  loadDraft: (pipelineId) => invoke(apiChannels.loadDraft, pipelineId),
  discardDraft: (pipelineId) => invoke(apiChannels.discardDraft, pipelineId),
  validatePipeline: (pipeline) => invoke(apiChannels.validatePipeline, pipeline),
  listNodeTypes: () => invoke(apiChannels.listNodeTypes),
  exportPipeline: (request) => invoke(apiChannels.exportPipeline, request),
  startRun: (request) => invoke(apiChannels.startRun, request),
  cancelRun: (runId) => invoke(apiChannels.cancelRun, runId),
  resumeRun: (runId) => invoke(apiChannels.resumeRun, runId),
  listRuns: (filter) => invoke(apiChannels.listRuns, filter),
  getRun: (runId) => invoke(apiChannels.getRun, runId),
  getRunEvents: (runId) => invoke(apiChannels.getRunEvents, runId),
  getRunLogs: (runId, nodeId) => (nodeId === undefined ? invoke(apiChannels.getRunLogs, runId) : invoke(apiChannels.getRunLogs, runId, nodeId)),
  previewSchedule: (schedule) => invoke(apiChannels.previewSchedule, schedule),
  listSchedules: () => invoke(apiChannels.listSchedules),
  listScheduleFires: (filter) => invoke(apiChannels.listScheduleFires, filter),
  listSecrets: () => invoke(apiChannels.listSecrets),
  setSecret: (name, value) => invoke(apiChannels.setSecret, name, value),
  renameSecret: (from, to) => invoke(apiChannels.renameSecret, from, to),
  deleteSecret: (name) => invoke(apiChannels.deleteSecret, name),
  allowWeakSecretStorage: (allow) => invoke(apiChannels.allowWeakSecretStorage, allow),
  dependencyStatus: (pipelineId, dependencies) => (dependencies === undefined ? invoke(apiChannels.dependencyStatus, pipelineId) : invoke(apiChannels.dependencyStatus, pipelineId, dependencies)),
  installDependencies: (pipelineId) => invoke(apiChannels.installDependencies, pipelineId),
  packageTypes: (pipelineId) => invoke(apiChannels.packageTypes, pipelineId),
  listDataFiles: (pipelineId, extensions) => invoke(apiChannels.listDataFiles, pipelineId, extensions),
  onRunEvent: (listener) => {
    const forward = (_event: unknown, runEvents: RunEvent[]) => {
      for (const runEvent of runEvents) listener(runEvent);
    };
    ipcRenderer.on(runEventChannel, forward);
    return () => void ipcRenderer.removeListener(runEventChannel, forward);
  },
  onInstallEvent: (listener) => {
    const forward = (_event: unknown, installEvent: InstallEvent) => listener(installEvent);
    ipcRenderer.on(installEventChannel, forward);
    return () => void ipcRenderer.removeListener(installEventChannel, forward);
  },
};

contextBridge.exposeInMainWorld('pipewright', api);
// Shell-only, outside the contract: the OS folder picker (see folder-picker.ts). The channel name is repeated, not imported, to keep the preload self-contained.
contextBridge.exposeInMainWorld('pipewrightShell', { pickFolder: (): Promise<string | null> => ipcRenderer.invoke('shell:pickFolder') });

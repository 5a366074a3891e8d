import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipelineFileSchema, type PipelineDraft, type PipelineFile } from '../contract';
import { settingsFromText, undefinedIfMissing } from '../model/corrupt-files';
import { serializePipeline, writeFileAtomic } from '../model/save';

/** The file's text as the app would write it, so a hand-formatted file still compares equal. */
function canonical(text: string): string {
  try {
    return serializePipeline(pipelineFileSchema.parse(JSON.parse(text)));
  } catch {
    return text;
  }
}

/**
 * Where the drafts of one pipelines folder live: `<dataDir>/drafts/<folder name>-<hash of its path>/`,
 * so two folders with a pipeline of the same id never see each other's drafts.
 */
export function draftFolder(dataDir: string, pipelinesDir: string): string {
  const folder = path.resolve(pipelinesDir);
  const name = path.basename(folder).replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40);
  return path.join(dataDir, 'drafts', `${name}-${createHash('sha256').update(folder).digest('hex').slice(0, 10)}`);
}

/**
 * Autosaved unsaved changes, one file per pipeline id in the folder's draft folder,
 * written atomically in the pipeline file format. A draft outlives a crash
 * and goes when its pipeline is saved or its changes are discarded.
 */
export class DraftStore {
  constructor(private readonly dir: string) {}

  private fileOf(pipelineId: string): string {
    return path.join(this.dir, `${pipelineId}.json`);
  }

  async save(pipeline: PipelineFile): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.fileOf(pipeline.id), serializePipeline(pipeline));
  }

  /**
   * The draft worth offering for the pipeline in `pipelineFile`: written after
   * the file last changed, and different from it. Otherwise null (the draft stays).
   */
  async load(pipelineId: string, pipelineFile: string): Promise<PipelineDraft | null> {
    const draft = await this.read(pipelineId);
    if (!draft) return null;
    const [fileText, fileTime] = await Promise.all([readFile(pipelineFile, 'utf8').catch(() => ''), stat(pipelineFile).then((s) => s.mtimeMs, () => 0)]);
    if (draft.savedAt < fileTime || draft.text === canonical(fileText)) return null;
    return { pipeline: draft.pipeline, savedAt: draft.savedAt };
  }

  async discard(pipelineId: string): Promise<void> {
    await rm(this.fileOf(pipelineId), { force: true });
  }

  /** A renamed pipeline keeps its draft, under its new id and name. */
  async move(fromId: string, to: { id: string; name: string }): Promise<void> {
    const draft = await this.read(fromId);
    if (!draft) return;
    await this.save({ ...draft.pipeline, id: to.id, name: to.name });
    await this.discard(fromId);
  }

  /** The stored draft; one that no longer parses is moved aside (`*.corrupt-<time>`) for a person to look at, and not offered. */
  private async read(pipelineId: string): Promise<{ pipeline: PipelineFile; text: string; savedAt: number } | undefined> {
    const file = this.fileOf(pipelineId);
    const read = await Promise.all([readFile(file, 'utf8'), stat(file)]).catch(undefinedIfMissing);
    if (!read) return undefined;
    const [text, info] = read;
    const pipeline = await settingsFromText(file, text, (raw) => pipelineFileSchema.parse(raw));
    return pipeline?.id === pipelineId ? { pipeline, text, savedAt: info.mtimeMs } : undefined;
  }
}

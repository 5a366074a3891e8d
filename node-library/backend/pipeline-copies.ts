import { rm } from 'node:fs/promises';
import path from 'node:path';
import { PipewrightError, type PipelineFile } from '../contract';
import { serializePipeline, writeFileAtomic, writeNewFileAtomic } from '../model/save';
import { copyPipelineId, findPipelineFile, newPipelineFile, newPipelineId, pipelineIdFromName, pipelineIdTaken } from './pipeline-folder';

/** Writes a pipeline under a new file name, refusing to replace any file (E_PIPELINE_007). */
export async function writeNewPipeline(dir: string, pipeline: PipelineFile): Promise<PipelineFile> {
  const file = newPipelineFile(dir, pipeline.id);
  try {
    await writeNewFileAtomic(file, serializePipeline(pipeline));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw clash(pipeline.id, file);
    throw new PipewrightError('E_PIPELINE_006', `could not write ${path.basename(file)}: ${(error as Error).message}`);
  }
  return pipeline;
}

/** Save As: the canvas as it is, as a new pipeline called `name` under a fresh id. */
export async function savePipelineAs(dir: string, pipeline: PipelineFile, name: string): Promise<PipelineFile> {
  return writeNewPipeline(dir, { ...pipeline, id: await newPipelineId(dir, name), name: name.trim() });
}

/** A copy of the pipeline on disk, as `<id>-copy` (`-copy-2`...) named "<name> (copy)". */
export async function duplicatePipeline(dir: string, source: PipelineFile): Promise<PipelineFile> {
  return writeNewPipeline(dir, { ...source, id: await copyPipelineId(dir, source.id), name: `${source.name} (copy)`.slice(0, 200) });
}

/**
 * Renames the pipeline on disk: new name, and the id and file name that
 * follow from it. The new file is complete before the old one goes, so a
 * crash in between leaves both, never neither.
 */
export async function renamePipeline(dir: string, source: PipelineFile, name: string): Promise<PipelineFile> {
  const oldFile = await findPipelineFile(dir, source.id);
  const id = pipelineIdFromName(name);
  const renamed = { ...source, id, name: name.trim() };
  if (id === source.id) {
    await writeFileAtomic(oldFile, serializePipeline(renamed)); // Only the name changed ("orders" -> "Orders").
    return renamed;
  }
  if (await pipelineIdTaken(dir, id)) throw clash(id, newPipelineFile(dir, id));
  await writeNewPipeline(dir, renamed);
  await rm(oldFile).catch((error: Error) => {
    throw new PipewrightError('E_PIPELINE_006', `wrote ${path.basename(newPipelineFile(dir, id))} but could not remove ${path.basename(oldFile)}: ${error.message}`);
  });
  return renamed;
}

function clash(id: string, file: string): PipewrightError {
  return new PipewrightError('E_PIPELINE_007', `a pipeline with id ${id} already exists (${path.basename(file)}); choose another name`);
}

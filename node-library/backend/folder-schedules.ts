import { readFile } from 'node:fs/promises';
import { scheduleSchema } from '../contract';
import type { ScheduleDefinition } from '../schedule/scheduler';
import { scanPipelineFolder } from './pipeline-folder';

/**
 * The schedules in a pipeline folder, read from the files each time: the
 * file is the definition. A file that cannot be read or parsed is reported
 * with its problem and no schedule, so its state is kept until it is fixed.
 */
export async function folderSchedules(dir: string): Promise<ScheduleDefinition[]> {
  const entries = await scanPipelineFolder(dir);
  const definitions = await Promise.all(
    entries.map(async ({ id, file }): Promise<ScheduleDefinition | undefined> => {
      let raw: { schedule?: unknown };
      try {
        raw = JSON.parse(await readFile(file, 'utf8')) as { schedule?: unknown };
      } catch (error) {
        return { pipelineId: id, problem: `the pipeline file could not be read: ${(error as Error).message}` };
      }
      if (raw?.schedule === undefined) return undefined;
      const parsed = scheduleSchema.safeParse(raw.schedule);
      if (!parsed.success) return { pipelineId: id, problem: `invalid schedule: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
      return { pipelineId: id, schedule: parsed.data };
    }),
  );
  return definitions.filter((d): d is ScheduleDefinition => d !== undefined);
}

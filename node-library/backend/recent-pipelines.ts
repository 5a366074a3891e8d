import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { asObject, readSettingsFile } from '../model/corrupt-files';
import { writeFileAtomic } from '../model/save';

const keep = 10;

type RecentFile = Record<string, string[]>;

/**
 * The pipelines last opened, newest first, kept in `<dataDir>/recent-pipelines.json`
 * per pipelines folder (two folders never mix). Writes run one at a time.
 */
export class RecentPipelines {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly folder: string,
  ) {}

  async list(): Promise<string[]> {
    return (await this.readAll())[this.folder] ?? [];
  }

  add(pipelineId: string): Promise<string[]> {
    return this.update((ids) => [pipelineId, ...ids.filter((id) => id !== pipelineId)]);
  }

  rename(fromId: string, toId: string): Promise<string[]> {
    return this.update((ids) => ids.map((id) => (id === fromId ? toId : id)).filter((id, i, all) => all.indexOf(id) === i));
  }

  remove(pipelineId: string): Promise<string[]> {
    return this.update((ids) => ids.filter((id) => id !== pipelineId));
  }

  private update(change: (ids: string[]) => string[]): Promise<string[]> {
    const next = this.queue.then(async () => {
      const all = await this.readAll();
      const ids = change(all[this.folder] ?? []).slice(0, keep);
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, `${JSON.stringify({ ...all, [this.folder]: ids }, null, 2)}\n`);
      return ids;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A missing file is an empty list; a damaged one is moved aside (readSettingsFile) and the list starts empty. */
  private async readAll(): Promise<RecentFile> {
    const raw = (await readSettingsFile(this.file, asObject)) ?? {};
    const entries = Object.entries(raw).filter((e): e is [string, string[]] => Array.isArray(e[1]) && e[1].every((id) => typeof id === 'string'));
    return Object.fromEntries(entries);
  }
}

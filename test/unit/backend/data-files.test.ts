import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../node-library/backend/create-backend';
import { listDataFiles, maxDataFiles } from '../../../node-library/backend/data-files';
import { copyExamples, tempDir } from '../helpers';

async function files(dir: string, names: string[]): Promise<void> {
  for (const name of names) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), 'a\n1\n');
  }
}

describe('the files a path param can pick from', () => {
  it('lists the folder’s files of the wanted kinds, nested ones by relative path, sorted', async () => {
    const dir = await tempDir();
    await files(dir, ['b.csv', 'A.CSV', 'data/2024/sales.csv', 'data/notes.txt', 'data/x.parquet', 'report.csv.bak']);
    expect(await listDataFiles(dir, ['.csv'])).toEqual(['A.CSV', 'b.csv', 'data/2024/sales.csv']);
    expect(await listDataFiles(dir, ['.csv', '.txt'])).toEqual(['A.CSV', 'b.csv', 'data/2024/sales.csv', 'data/notes.txt']);
    expect(await listDataFiles(dir, [])).toEqual(['A.CSV', 'b.csv', 'data/2024/sales.csv', 'data/notes.txt', 'data/x.parquet', 'report.csv.bak']);
  });

  it('leaves out npm’s, git’s and hidden folders, and folders nested too deep', async () => {
    const dir = await tempDir();
    await files(dir, ['node_modules/pkg/test.csv', '.git/x.csv', '.pipewright/packages/y.csv', '.cache/z.csv', 'a/b/c/d.csv', 'a/b/c/d/e.csv']);
    expect(await listDataFiles(dir, ['.csv'])).toEqual(['a/b/c/d.csv']);
  });

  it('stops at maxDataFiles in a folder with many', async () => {
    const dir = await tempDir();
    await files(dir, Array.from({ length: maxDataFiles + 20 }, (_, i) => `many/f${String(i).padStart(4, '0')}.csv`));
    const listed = await listDataFiles(dir, ['.csv']);
    expect(listed).toHaveLength(maxDataFiles);
    expect(listed[0]).toBe('many/f0000.csv');
  });

  it('is what the backend answers for a pipeline: files next to its file; an unknown pipeline is named', async () => {
    const dir = await copyExamples();
    const backend = createBackend({ pipelinesDir: dir, dataDir: await tempDir() });
    try {
      expect(await backend.listDataFiles('big-orders', ['.csv'])).toEqual(expect.arrayContaining(['data/orders.csv', 'data/sales.csv']));
      expect(await backend.listDataFiles('big-orders', ['.parquet'])).toEqual(['expected/sales-report/out/sales-report.parquet']);
      await expect(backend.listDataFiles('nope', ['.csv'])).rejects.toMatchObject({ code: 'E_PIPELINE_005' });
    } finally {
      await backend.close();
    }
  });
});

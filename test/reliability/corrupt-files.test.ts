import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSettings, writeSettings } from '../../electron/background';
import { SecretStore, type SafeStorageLike } from '../../node-library/backend/secret-store';
import { loadWindowState, saveWindowState } from '../../electron/window-state';
import { createBackend } from '../../node-library/backend/create-backend';
import { draftFolder } from '../../node-library/backend/draft-store';
import { copyExamples, tempDir } from '../unit/helpers';
import { recordFigure } from './figures';

const asideOf = async (file: string) => (await readdir(path.dirname(file))).filter((n) => n.startsWith(`${path.basename(file)}.corrupt-`));

/** Damages `file` with `bytes`, runs `use` (the app reading then writing it), and checks the damaged bytes were moved aside whole. */
async function expectMovedAside(file: string, bytes: string, use: () => Promise<unknown>): Promise<string> {
  await writeFile(file, bytes);
  await use();
  const aside = await asideOf(file);
  expect(aside).toHaveLength(1);
  expect(await readFile(path.join(path.dirname(file), aside[0]), 'utf8')).toBe(bytes);
  return aside[0];
}

const fakeKeyring: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(text).reverse(),
  decryptString: (data) => Buffer.from(data).reverse().toString(),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

describe('a corrupt or empty file is moved aside and reported, never replaced by defaults', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterEach(() => warn.mockClear());

  it.each([
    ['empty', ''],
    ['not JSON (an unfinished merge)', '{\n<<<<<<< HEAD\n  "name": "mine"\n=======\n  "name": "theirs"\n>>>>>>> other\n}\n'],
  ])('a pipeline file that is %s: opening names where it went, and nothing of it is lost', async (_, bytes) => {
    const dir = await copyExamples();
    const backend = createBackend({ pipelinesDir: dir, dataDir: await tempDir() });
    const file = path.join(dir, 'big-orders.pipeline.json');
    let error: Error | undefined;
    const aside = await expectMovedAside(file, bytes, () => backend.loadPipeline('big-orders').catch((e: Error) => (error = e)));
    expect(error).toMatchObject({ code: 'E_PIPELINE_001' });
    expect(error?.message).toContain(`moved aside to ${aside}`);
    expect((await backend.listPipelines()).map((p) => p.id)).not.toContain('big-orders');
    await backend.close();
  });

  it('a pipeline file of valid JSON with schema problems stays where it is', async () => {
    const dir = await copyExamples();
    const backend = createBackend({ pipelinesDir: dir, dataDir: await tempDir() });
    const file = path.join(dir, 'big-orders.pipeline.json');
    await writeFile(file, JSON.stringify({ format: 'pipewright/pipeline@1', id: 'big-orders', nodes: 'none' }));
    await expect(backend.loadPipeline('big-orders')).rejects.toMatchObject({ code: 'E_PIPELINE_004' });
    expect(await asideOf(file)).toEqual([]);
    await backend.close();
  });

  it('settings files of the backend and the desktop shell', async () => {
    const cases: [string, boolean][] = [];
    const check = async (name: string, file: string, bytes: string, use: () => Promise<unknown>) => {
      await expectMovedAside(file, bytes, use);
      const reported = warn.mock.calls.some(([message]) => String(message).includes(file) && String(message).includes('moved aside'));
      cases.push([name, reported]);
      expect(reported, `${name} is reported`).toBe(true);
    };

    const dir = await copyExamples();
    const dataDir = await tempDir();
    const backend = createBackend({ pipelinesDir: dir, dataDir });
    await check('recent pipelines', path.join(dataDir, 'recent-pipelines.json'), '{ "x": [', async () => {
      expect(await backend.addRecentPipeline('big-orders')).toEqual(['big-orders']);
    });

    const opened = await backend.loadPipeline('big-orders');
    await backend.saveDraft({ ...opened, name: 'Draft' });
    const draft = path.join(draftFolder(dataDir, dir), (await readdir(draftFolder(dataDir, dir)))[0]);
    await check('draft', draft, '{"format":"pipewright/pipeline@1","id":"big-or', async () => {
      expect(await backend.loadDraft('big-orders')).toBeNull();
      await backend.saveDraft({ ...opened, name: 'Draft 2' });
    });
    await backend.close();

    const secrets = path.join(dataDir, 'secrets.json');
    await check('secrets', secrets, '', async () => {
      const store = await SecretStore.open(secrets, fakeKeyring, 'linux');
      expect(store.names()).toEqual([]);
      await store.set('API_TOKEN', 'new');
    });
    await check('window state', path.join(dataDir, 'window-state.json'), '[1, 2', async () => {
      expect(await loadWindowState(path.join(dataDir, 'window-state.json'))).toBeUndefined();
      await saveWindowState(path.join(dataDir, 'window-state.json'), { maximized: true });
    });
    await check('shell settings', path.join(dataDir, 'shell-settings.json'), '"keepInTray": false', async () => {
      expect(readSettings(dataDir)).toEqual({ keepInTray: true, trayNoticeShown: false });
      writeSettings(dataDir, { keepInTray: false, trayNoticeShown: true });
    });

    recordFigure('corrupt files', `${cases.filter(([, ok]) => ok).length}/${cases.length} settings files + 2 pipeline files moved aside whole and reported`, cases.every(([, ok]) => ok));
  });
});

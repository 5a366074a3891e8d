import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers';

const require = createRequire(import.meta.url);
// electron-builder's own schema check, the one `electron-builder` runs before packaging.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
const quietLogger = { add: () => undefined, isEnabled: false };

/** The parts of the config the tests read. */
interface BuilderConfig {
  electronFuses: Record<string, boolean>;
  asar: boolean;
  asarUnpack: string[];
  files: string[];
  npmRebuild: boolean;
  fileAssociations: { ext: string }[];
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
}

async function builderConfig(): Promise<BuilderConfig> {
  const file = pathToFileURL(path.join(repoRoot, 'build/electron-builder.config.mjs')).href;
  return (await import(file)).default;
}

describe('electron-builder configuration', () => {
  it('passes electron-builder schema validation, which rejects a wrong key', async () => {
    const config = await builderConfig();
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, asarUnpak: ['x'] }, quietLogger)).rejects.toThrow();
  });

  it('flips the fuses: no RunAsNode, NODE_OPTIONS or inspect; ASAR integrity on; app only from ASAR', async () => {
    expect((await builderConfig()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds AppImage and deb, dmg and NSIS, with the icon, unpacked native modules and no in-place rebuild', async () => {
    const config = await builderConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', 'node_modules/@duckdb/node-bindings-*/**']));
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron-native/better_sqlite3.node', 'dist/renderer/**', 'dist/electron/**']));
    expect(config.npmRebuild).toBe(false);
    expect(config.fileAssociations.map((a) => a.ext)).toContain('pipewright.json');
    for (const os of ['linux', 'mac', 'win'] as const) expect(config[os].icon).toBe('build/resources/icon.png');
  });

  it('ships a 1024 px PNG icon rendered from the SVG source', async () => {
    const png = await readFile(path.join(repoRoot, 'build/resources/icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(await readFile(path.join(repoRoot, 'build/resources/icon.svg'), 'utf8')).toContain('<svg');
  });

  it('npm run dist builds the app, the Electron-ABI SQLite binding, then the installers', async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.scripts.dist).toBe('node build/build.mjs && node build/electron-native.mjs && electron-builder --config build/electron-builder.config.mjs');
  });
});

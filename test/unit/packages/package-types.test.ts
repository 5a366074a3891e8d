import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageTypes } from '../../../node-library/packages/package-types';
import { tempDir } from '../helpers';

/** Writes files under `dir` from a map of relative paths to contents. */
async function files(dir: string, contents: Record<string, string>) {
  for (const [file, text] of Object.entries(contents)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

describe('the declarations of installed packages, for the code editor', () => {
  it("takes a package's own .d.ts files, else its @types package, and leaves untyped ones out", async () => {
    const dir = await tempDir();
    await files(dir, {
      'node_modules/own/package.json': '{"name":"own","types":"lib/index.d.ts"}',
      'node_modules/own/lib/index.d.ts': 'export declare function f(): number;',
      'node_modules/own/lib/index.js': 'exports.f = () => 1;',
      'node_modules/own/node_modules/dep/index.d.ts': 'export {};',
      'node_modules/plain/package.json': '{"name":"plain"}',
      'node_modules/plain/index.js': '',
      'node_modules/@scope/thing/package.json': '{"name":"@scope/thing"}',
      'node_modules/@types/scope__thing/package.json': '{"name":"@types/scope__thing","types":"index.d.ts"}',
      'node_modules/@types/scope__thing/index.d.ts': 'export declare const x: string;',
    });
    const types = await packageTypes(dir, { own: '^1.0.0', plain: '^1.0.0', '@scope/thing': '^2.0.0', missing: '^1.0.0' });
    expect(types.typed).toEqual(['@scope/thing', 'own']);
    expect(types.files).toEqual([
      { path: 'node_modules/@types/scope__thing/package.json', text: '{"name":"@types/scope__thing","types":"index.d.ts"}' },
      { path: 'node_modules/@types/scope__thing/index.d.ts', text: 'export declare const x: string;' },
      { path: 'node_modules/own/package.json', text: '{"name":"own","types":"lib/index.d.ts"}' },
      { path: 'node_modules/own/lib/index.d.ts', text: 'export declare function f(): number;' },
    ]);
  });

  it('has nothing for a pipeline that declares nothing or an empty install', async () => {
    const dir = await tempDir();
    expect(await packageTypes(dir, undefined)).toEqual({ files: [], typed: [] });
    expect(await packageTypes(dir, { own: '^1.0.0' })).toEqual({ files: [], typed: [] });
  });
});

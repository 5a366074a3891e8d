import { createHash } from 'node:crypto';
import { PipewrightError } from '../contract';

export interface Transpiled {
  code: string;
  sourceMap: string;
  /** A hash of the source and language: runners cache the compiled function under it. */
  key: string;
}

const cache = new Map<string, Promise<Transpiled>>();

/**
 * The user's module (TypeScript or JavaScript, ES module syntax) as CommonJS
 * with a source map, from esbuild; cached by source, so a warm call costs no
 * transpile. A syntax error names the line and column in the user's file.
 */
export function transpile(source: string, language: 'ts' | 'js', fileName: string): Promise<Transpiled> {
  const key = createHash('sha256').update(language).update('\0').update(fileName).update('\0').update(source).digest('hex').slice(0, 32);
  let result = cache.get(key);
  if (!result) {
    result = build(source, language, fileName, key);
    if (cache.size >= 200) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
    result.catch(() => cache.delete(key));
  }
  return result;
}

async function build(source: string, language: 'ts' | 'js', fileName: string, key: string): Promise<Transpiled> {
  const { transform } = await import('esbuild');
  try {
    const out = await transform(source, { loader: language, format: 'cjs', target: 'node20',
      // import() becomes require(): compiled functions have no module loader of their own.
      supported: { 'dynamic-import': false }, sourcemap: 'external', sourcefile: fileName, logLevel: 'silent' });
    return { code: out.code, sourceMap: out.map, key };
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number; column: number } }[] }).errors?.[0];
    const where = first?.location ? `${fileName}:${first.location.line}:${first.location.column + 1}` : fileName;
    throw new PipewrightError('E_NODE_005', `the code does not compile: ${first?.text ?? (error as Error).message} (${where})`);
  }
}

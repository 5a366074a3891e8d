import { readFileSync, renameSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';

/** `<file>.corrupt-<time>`: where a damaged file goes, beside the original, so nothing of it is lost. */
export function corruptName(file: string, now = new Date()): string {
  return `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/** Moves a damaged file aside and returns its new path. */
export async function moveAside(file: string): Promise<string> {
  const aside = corruptName(file);
  await rename(file, aside);
  return aside;
}

/** For a read's catch: a missing file is undefined, any other error is thrown on. */
export function undefinedIfMissing(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}

/**
 * Reads a settings file the app owns, checked by `parse` (which throws on a wrong shape).
 * Missing: undefined. Empty, not JSON or of the wrong shape: moved aside to `*.corrupt-<time>`
 * and reported on stderr (the app's log), then undefined, so defaults written later never
 * replace what was there.
 */
export async function readSettingsFile<T>(file: string, parse: (raw: unknown) => T): Promise<T | undefined> {
  const text = await readFile(file, 'utf8').catch(undefinedIfMissing);
  return text === undefined ? undefined : settingsFromText(file, text, parse);
}

/** The checked settings in `text` (read from `file`); when they do not parse, `file` is moved aside and reported. */
export async function settingsFromText<T>(file: string, text: string, parse: (raw: unknown) => T): Promise<T | undefined> {
  const result = parseSettings(text, parse);
  if (result.ok) return result.value;
  reportMoved(file, result.problem, await moveAside(file));
  return undefined;
}

/** readSettingsFile for start-up code that must not wait. */
export function readSettingsFileSync<T>(file: string, parse: (raw: unknown) => T): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return undefinedIfMissing(error);
  }
  const result = parseSettings(text, parse);
  if (result.ok) return result.value;
  const aside = corruptName(file);
  renameSync(file, aside);
  reportMoved(file, result.problem, aside);
  return undefined;
}

/** A parse for settings that are any JSON object; throws on anything else. */
export function asObject(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('expected a JSON object');
  return raw as Record<string, unknown>;
}

function parseSettings<T>(text: string, parse: (raw: unknown) => T): { ok: true; value: T } | { ok: false; problem: string } {
  if (text.trim() === '') return { ok: false, problem: 'the file is empty' };
  try {
    return { ok: true, value: parse(JSON.parse(text.replace(/^\uFEFF/, ''))) };
  } catch (error) {
    return { ok: false, problem: (error as Error).message.split('\n')[0] };
  }
}

function reportMoved(file: string, problem: string, aside: string): void {
  console.warn(`pipewright: ${file} could not be read (${problem}); moved aside to ${path.basename(aside)} and started from defaults`);
}

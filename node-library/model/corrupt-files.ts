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

/** Says what happened to a damaged settings file; the default writes to stderr (the app's log). */
export type CorruptReport = (message: string) => void;

const toStderr: CorruptReport = (message) => console.warn(`pipewright: ${message}`);

/**
 * Reads a settings file the app owns, checked by `parse` (which throws on a wrong shape).
 * Missing: undefined. Empty, not JSON or of the wrong shape: moved aside to `*.corrupt-<time>`
 * and reported, then undefined, so defaults written later never replace what was there.
 */
export async function readSettingsFile<T>(file: string, parse: (raw: unknown) => T, report: CorruptReport = toStderr): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return settingsFromText(file, text, parse, report);
}

/** The checked settings in `text` (read from `file`); when they do not parse, `file` is moved aside and reported. */
export async function settingsFromText<T>(file: string, text: string, parse: (raw: unknown) => T, report: CorruptReport = toStderr): Promise<T | undefined> {
  const result = parseSettings(text, parse);
  if (result.ok) return result.value;
  report(movedMessage(file, result.problem, await moveAside(file)));
  return undefined;
}

/** readSettingsFile for start-up code that must not wait. */
export function readSettingsFileSync<T>(file: string, parse: (raw: unknown) => T, report: CorruptReport = toStderr): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const result = parseSettings(text, parse);
  if (result.ok) return result.value;
  const aside = corruptName(file);
  renameSync(file, aside);
  report(movedMessage(file, result.problem, aside));
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

function movedMessage(file: string, problem: string, aside: string): string {
  return `${file} could not be read (${problem}); moved aside to ${path.basename(aside)} and started from defaults`;
}

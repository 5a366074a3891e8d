import { SourceMap, type SourceMapPayload } from 'node:module';
import type { ErrorPayload } from './protocol';

/**
 * An error thrown by user code as plain data, its stack cut to the frames of
 * the user's file with each line:column mapped back through the source map,
 * so `clean.ts:12:7` is the line the user wrote, not the transpiled one.
 */
export function userErrorPayload(error: unknown, fileName: string, map: SourceMap | undefined): ErrorPayload {
  if (!(error instanceof Error)) return { name: 'Error', message: `threw a non-Error value: ${describeThrown(error)}` };
  const lines = (error.stack ?? '').split('\n');
  const frames = lines.filter((line) => line.startsWith('    at ') && line.includes(fileName)).map((line) => mapFrame(line, fileName, map));
  const header = `${error.name}: ${error.message}`;
  return { name: error.name, message: error.message, stack: [header, ...frames].join('\n') };
}

/** The first user frame as `file:line`, for log lines and error messages. */
export function firstUserLine(stack: string | undefined): string | undefined {
  return stack?.split('\n').find((l) => l.startsWith('    at '))?.match(/\(?([^\s()]+:\d+):\d+\)?$/)?.[1];
}

function mapFrame(line: string, fileName: string, map: SourceMap | undefined): string {
  if (!map) return line;
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return line.replace(new RegExp(`${escaped}:(\\d+):(\\d+)`), (whole, l: string, c: string) => {
    const entry = map.findEntry(Number(l) - 1, Number(c) - 1) as { originalLine?: number; originalColumn?: number };
    return entry.originalLine === undefined ? whole : `${fileName}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
  });
}

export function parseSourceMap(json: string): SourceMap | undefined {
  try {
    return new SourceMap(JSON.parse(json) as SourceMapPayload);
  } catch {
    return undefined;
  }
}

function describeThrown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

import type { LogLevel } from '../../node-library/contract';
import type { LogLine } from '../store/run-slice';
import { formatTime } from './format-time';

export const logLevels: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** The lines at the shown levels whose message contains the search text (case-insensitive). */
export function filterLogs(lines: readonly LogLine[], levels: ReadonlySet<LogLevel>, search: string): readonly LogLine[] {
  const needle = search.trim().toLowerCase();
  if (levels.size === logLevels.length && needle === '') return lines;
  return lines.filter((line) => levels.has(line.level) && (needle === '' || line.message.toLowerCase().includes(needle)));
}

/** Lines as plain text for the clipboard: one per line, time and level first. */
export function logsAsText(lines: readonly LogLine[]): string {
  return lines.map((line) => `${formatTime(line.at)} ${line.level.toUpperCase().padEnd(5)} ${line.message}`).join('\n');
}

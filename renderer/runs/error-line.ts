/**
 * The line of user code an error points at, or null: a stack frame in a
 * code node's source (`user-code.js:12:5`, `<anonymous>:12`), or the
 * `LINE 3:` DuckDB puts under a SQL error.
 */
export function errorLine(error: { message: string; stack?: string }): number | null {
  const frame = error.stack && /(?:user-code|node-code|<anonymous>|code\.[cm]?js)[^\n:]*:(\d+)(?::\d+)?/.exec(error.stack);
  if (frame) return Number(frame[1]);
  const sql = /\bLINE (\d+):/.exec(error.message);
  if (sql) return Number(sql[1]);
  const words = /\bline (\d+)\b/i.exec(error.message);
  return words ? Number(words[1]) : null;
}

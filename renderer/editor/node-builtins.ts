/**
 * Node's built-in modules (`module.builtinModules` of Node 20, without the
 * internal `_` ones). Code nodes import them at run time; the editor has no
 * @types/node, so they import as `any` rather than as "Cannot find module".
 * A unit test keeps the list in step with the Node that runs the tests.
 */
export const nodeBuiltinModules = [
  'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants', 'crypto', 'dgram',
  'diagnostics_channel', 'dns', 'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector',
  'inspector/promises', 'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process', 'punycode',
  'querystring', 'readline', 'readline/promises', 'repl', 'stream', 'stream/consumers', 'stream/promises', 'stream/web',
  'string_decoder', 'sys', 'timers', 'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm',
  'wasi', 'worker_threads', 'zlib',
] as const;

/** Ambient declarations for them: every `node:` specifier, and the bare names. */
export const nodeBuiltinDeclarations = ['declare module "node:*";', ...nodeBuiltinModules.map((name) => `declare module ${JSON.stringify(name)};`)].join('\n');

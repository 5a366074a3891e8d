/**
 * How the editor checks a code node's module (Monaco's TypeScript defaults
 * take the same numbers as TypeScript's enums). Strict, except null checks:
 * a preview cannot tell which columns hold nulls, so every column is typed
 * `T | null`, and forcing a null check on every column read would bury real
 * mistakes (a wrong column, a wrong type) under noise.
 */
export const codeCompilerOptions = {
  target: 99, // ESNext
  module: 99, // ESNext
  strict: true,
  strictNullChecks: false,
  noEmit: true,
  allowJs: true,
  checkJs: true,
  isolatedModules: true,
  moduleDetection: 3, // Force: every model is a module, so two nodes' top-level names never clash
  // npm packages resolve as Node finds them, from the declarations loaded under file:///node_modules (usePackageTypes).
  moduleResolution: 2, // Node10
  esModuleInterop: true, // `import shout from 'cjs-package'`, as esbuild compiles it
} as const;

/**
 * JavaScript code nodes: the same checks, but an untyped parameter is plain
 * JavaScript, not a mistake. `run({ inputs, log })` without a JSDoc type would
 * otherwise show "implicitly has an 'any' type" errors the user cannot fix in
 * JavaScript's own syntax; JSDoc-typed code (the starter) is still checked.
 */
export const javascriptCompilerOptions = { ...codeCompilerOptions, noImplicitAny: false } as const;

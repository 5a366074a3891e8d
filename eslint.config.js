// The rings of ../shared/ARCHITECTURE.md, enforced: a wrong import fails `npm run lint`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { regex: '^(node:.*|fs|path|os|child_process|crypto|http|net|worker_threads)$', message: 'This ring must stay browser-safe: no Node built-ins.' };
const nativePackages = { regex: '^(better-sqlite3|@duckdb/node-api|ws|electron)$', message: 'This ring must stay browser-safe: no native or Node-only packages.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'pipelines/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['node-library/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(electron|react|react-dom)(/.*)?$', message: 'node-library runs headless: it must not import electron or react.' },
          { regex: '(^|/)(renderer|electron)/', message: 'node-library must not import from renderer/ or electron/.' },
        ],
      }],
    },
  },
  {
    files: ['node-library/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          nodeBuiltins,
          nativePackages,
          { regex: '^(electron|react|react-dom)(/.*)?$', message: 'contract/ is shared by every ring: no electron or react.' },
          { regex: '^\\.\\./', message: 'contract/ imports nothing else from node-library.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: 'node-library/(?!contract(/|$))', message: 'renderer/ reaches the engine only through node-library/contract; everything else goes through the API.' },
          { regex: '(^|/)electron/', message: 'renderer/ must not import electron/; use the API.' },
          nodeBuiltins,
          nativePackages,
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(react|react-dom)(/.*)?$|(^|/)renderer/', message: 'electron/ is thin glue: no React, no renderer code.' }],
      }],
    },
  },
);

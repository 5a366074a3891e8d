// The one place Monaco is configured (STYLE.md habit 12). Imported lazily
// (see load-monaco.ts), so Monaco stays out of the start-up bundle.
// monaco-editor is pinned to 0.57.0 in package.json; its exports map turns
// `monaco-editor/<path>` into `esm/vs/<path>.js`.
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
// SQL params get the Monarch tokenizer only; code nodes get TypeScript's
// language service (completions, hovers, diagnostics) for TS and JS.
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/sql/register';
import 'monaco-editor/languages/definitions/typescript/register';
import { javascriptDefaults, typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
// The bare editor API has no contributions: a code editor needs completion
// lists, hovers, signature help, bracket matching, comment toggling and F8.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
// Services that contributions pulled in above ask for; registered before the first editor starts the services.
import 'monaco-editor/editor/contrib/codelens/browser/codeLensCache';
import 'monaco-editor/editor/common/services/treeViewsDndService';
import { codeCompilerOptions, javascriptCompilerOptions } from './code-compiler-options';

// Workers come from this origin (bundled by Vite), never a CDN.
self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()),
};

typescriptDefaults.setCompilerOptions(codeCompilerOptions);
javascriptDefaults.setCompilerOptions(javascriptCompilerOptions);
// JavaScript code nodes are checked too (through JSDoc types), not only parsed.
javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
typescriptDefaults.setEagerModelSync(true);
javascriptDefaults.setEagerModelSync(true);

export { javascriptDefaults, monaco, typescriptDefaults };
export type Monaco = typeof monaco;

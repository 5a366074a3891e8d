// The one place Monaco is configured (STYLE.md habit 12). Imported lazily by
// CodeField, so Monaco stays out of the start-up bundle. monaco-editor is
// pinned to 0.57.0 in package.json; its exports map turns
// `monaco-editor/<path>` into `esm/vs/<path>.js`.
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
// Only the languages a param can hold: the Monarch tokenizers, no language services.
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/sql/register';

// Workers come from this origin (bundled by Vite), never a CDN. Only the
// plain editor worker is needed: no language here runs a language service.
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
export type Monaco = typeof monaco;

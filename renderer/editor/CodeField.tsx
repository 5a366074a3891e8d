import { useEffect, useRef } from 'react';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import { CodeTextArea } from '../inspector/fields/CodeTextArea';
import type { FieldProps } from '../inspector/fields/field-props';
import { asText } from '../inspector/fields/field-props';
import './code-field.css';
import { useMonaco, type MonacoSetup } from './load-monaco';

type Setup = MonacoSetup;
type Language = 'sql' | 'javascript';
type CodeFieldProps = FieldProps & { language: Language };

/**
 * sql and code params: an inline Monaco editor. While Monaco loads (or if it
 * cannot), the plain text area stands in, so nothing waits on it.
 */
export function CodeField(props: CodeFieldProps) {
  const setup = useMonaco();
  return setup ? <MonacoField {...props} monaco={setup.monaco} /> : <CodeTextArea {...props} />;
}

const lineLimits: Record<Language, { min: number; max: number }> = { sql: { min: 6, max: 12 }, javascript: { min: 6, max: 20 } };

function MonacoField({ testId, value, onChange, placeholder, invalid, label, language, monaco }: CodeFieldProps & { monaco: Setup['monaco'] }) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<ReturnType<Setup['monaco']['editor']['create']>>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const applyingStoreValue = useRef(false);
  const text = asText(value);
  const theme = useResolvedTheme();

  useEffect(() => {
    const el = host.current!;
    const { min, max } = lineLimits[language];
    const editor = monaco.editor.create(el, {
      value: text,
      language,
      theme: theme === 'dark' ? 'vs-dark' : 'vs',
      ariaLabel: label,
      placeholder,
      automaticLayout: true,
      minimap: { enabled: false },
      lineNumbers: language === 'sql' ? 'off' : 'on',
      lineNumbersMinChars: 3,
      folding: false,
      glyphMargin: false,
      wordWrap: 'on',
      scrollBeyondLastLine: false,
      renderLineHighlight: 'none',
      overviewRulerLanes: 0,
      hideCursorInOverviewRuler: true,
      scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 8 },
      fontFamily: getComputedStyle(el).getPropertyValue('--mono').trim() || 'monospace',
      fontSize: 12,
      tabSize: 2,
      fixedOverflowWidgets: true,
      // A hidden textarea rather than EditContext: the problems panel's focus
      // request and the app's shortcut guard both look for a textarea.
      editContext: false,
    });
    editorRef.current = editor;
    const lineHeight = editor.getOption(monaco.editor.EditorOption.lineHeight);
    const fit = () => {
      const height = Math.min(Math.max(editor.getContentHeight(), min * lineHeight), max * lineHeight);
      el.style.height = `${height + 2}px`; // + the wrapper's border
    };
    fit();
    const sized = editor.onDidContentSizeChange(fit);
    // Every change goes through the same store action as the text area; the
    // store coalesces a field's typing into one undo step.
    const changed = editor.onDidChangeModelContent(() => {
      if (applyingStoreValue.current) return;
      const next = editor.getValue();
      onChangeRef.current(next === '' ? undefined : next);
    });
    return () => {
      sized.dispose();
      changed.dispose();
      editor.dispose();
      editorRef.current = null;
    };
    // Created once per field; value, theme and placeholder follow in the effects below.
  }, [monaco, language]);

  // A change from outside (undo, redo, a run parameter switched off) replaces the text.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || editor.getValue() === text) return;
    applyingStoreValue.current = true;
    try {
      editor.setValue(text);
    } finally {
      applyingStoreValue.current = false;
    }
  }, [text]);

  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'), [monaco, theme]);
  useEffect(() => editorRef.current?.updateOptions({ placeholder, ariaLabel: label }), [placeholder, label]);

  return <div ref={host} className="pw-code-editor" data-testid={testId} data-language={language} data-editor="monaco" aria-invalid={invalid} />;
}

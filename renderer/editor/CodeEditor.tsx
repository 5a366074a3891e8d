import { useEffect, useRef } from 'react';
import { useResolvedTheme } from '../hooks/useResolvedTheme';
import type { MonacoSetup } from './load-monaco';

type Model = ReturnType<MonacoSetup['monaco']['editor']['createModel']>;

export interface CodeEditorProps {
  monaco: MonacoSetup['monaco'];
  model: Model;
  testId: string;
  label: string;
  /** Grows with its content between these line counts; without, it fills its container. */
  lines?: { min: number; max: number };
  autoFocus?: boolean;
}

/** A Monaco editor showing a code node's model; the inline and the large editor are two of these on one model. */
export function CodeEditor({ monaco, model, testId, label, lines, autoFocus }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const theme = useResolvedTheme();

  useEffect(() => {
    const el = host.current!;
    const editor = monaco.editor.create(el, {
      model,
      theme: theme === 'dark' ? 'vs-dark' : 'vs',
      ariaLabel: label,
      automaticLayout: true,
      minimap: { enabled: !lines },
      lineNumbersMinChars: 3,
      wordWrap: 'on',
      glyphMargin: false,
      scrollBeyondLastLine: false,
      renderLineHighlight: lines ? 'none' : 'line',
      scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 8 },
      fontFamily: getComputedStyle(el).getPropertyValue('--mono').trim() || 'monospace',
      fontSize: lines ? 12 : 13,
      tabSize: 2,
      fixedOverflowWidgets: true,
      // A hidden textarea rather than EditContext: the problems panel's focus
      // request and the app's shortcut guard both look for a textarea.
      editContext: false,
    });
    if (autoFocus) editor.focus();
    if (!lines) return () => editor.dispose();
    const lineHeight = editor.getOption(monaco.editor.EditorOption.lineHeight);
    const fit = () => {
      const height = Math.min(Math.max(editor.getContentHeight(), lines.min * lineHeight), lines.max * lineHeight);
      el.style.height = `${height + 2}px`; // + the wrapper's border
    };
    fit();
    const sized = editor.onDidContentSizeChange(fit);
    return () => {
      sized.dispose();
      editor.dispose();
    };
    // One editor per model; the theme follows below.
  }, [monaco, model]);

  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'), [monaco, theme]);

  return <div ref={host} className={`pw-code-editor${lines ? '' : ' pw-code-editor--fill'}`} data-testid={testId} data-language={model.getLanguageId()} data-editor="monaco" />;
}

import { useShallow } from 'zustand/react/shallow';
import type { PipelineProblem } from '../../node-library/contract';
import { useFocusNode } from '../hooks/useFocusNode';
import { problemField, problemText } from '../inspector/node-problems';
import { useAppStore } from '../store/app-store';
import type { AppState } from '../store/app-state';
import { selectProblems } from '../store/selectors';
import './problems.css';

const selectProblemsView = (s: AppState) => ({ open: s.openPipeline !== null, problems: selectProblems(s), checked: s.problemsOf !== null });

/** What validation found in the open pipeline, live; clicking a problem focuses its node and field. */
export function ProblemsPanel() {
  const { open, problems, checked } = useAppStore(useShallow(selectProblemsView));
  const focus = useFocusNode();
  return (
    <section className="pw-problems" aria-label="Problems" data-testid="problems-panel">
      <header className="pw-problems__header">
        <span className="pw-problems__title">Problems</span>
        <span className={`pw-problems__count${problems.length > 0 ? ' pw-problems__count--some' : ''}`} data-testid="problems-count">
          {problems.length}
        </span>
      </header>
      <div className="pw-problems__body">
        {open && checked && problems.length === 0 && <p className="pw-problems__none">No problems. The pipeline is ready to run.</p>}
        <ul className="pw-problems__list">
          {problems.map((p, i) => (
            <li key={`${p.path}:${i}`}>
              <button type="button" className="pw-problem" data-testid={`problem-${i}`} disabled={!p.nodeId} onClick={() => p.nodeId && focus(p.nodeId, problemField(p.path) ?? undefined)}>
                <span className="pw-problem__icon" aria-hidden="true">
                  !
                </span>
                <span className="pw-problem__message">{problemText(p.message)}</span>
                {where(p) && <code className="pw-problem__where">{where(p)}</code>}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

const where = (p: PipelineProblem) => p.nodeId ?? (p.path || null);

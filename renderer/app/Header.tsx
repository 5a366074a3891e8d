import { useAppStore } from '../store/app-store';
import { selectOpenPipelineName } from '../store/selectors';
import { RunButton } from '../runs/RunButton';

export function Header() {
  const name = useAppStore(selectOpenPipelineName);
  return (
    <header className="pw-header">
      <span className="pw-header__brand">
        <span className="pw-header__logo" aria-hidden="true" />
        Pipewright
      </span>
      <span className="pw-header__pipeline" data-testid="open-pipeline-name">
        {name ?? <span className="pw-header__none">No pipeline open</span>}
      </span>
      <RunButton />
    </header>
  );
}

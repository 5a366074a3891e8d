import { useState } from 'react';
import { packageNameProblem, versionSpecProblem, type PackageStatus, type PipelineFile } from '../../node-library/contract';
import { useDependencies, type InstallProgress } from '../hooks/useDependencies';
import type { PipelineUpdates } from '../hooks/useUpdatePipeline';

/** Badge colours of the run states, reused: installed green, outdated amber, missing grey. */
const badgeState: Record<PackageStatus['state'], string> = { installed: 'succeeded', outdated: 'retrying', missing: 'pending' };

/**
 * The npm packages the pipeline's code nodes may import: add (name and
 * version), remove, and Install into the folder's `.pipewright/packages`
 * with npm's output shown live.
 */
export function DependenciesPanel({ pipeline, update }: { pipeline: PipelineFile; update: PipelineUpdates }) {
  const { status, progress, install } = useDependencies(pipeline);
  const [name, setName] = useState('');
  const [spec, setSpec] = useState('latest');
  const declared = pipeline.dependencies ?? {};
  const problem = name === '' ? null : name in declared ? 'already declared' : (packageNameProblem(name) ?? versionSpecProblem(name, spec) ?? null);
  const add = () => {
    if (name === '' || problem) return;
    update.setDependency(name, spec);
    setName('');
    setSpec('latest');
  };
  const byName = new Map(status?.packages.map((p) => [p.name, p]));
  const running = progress?.state === 'running' || (status?.installing ?? false);
  return (
    <section className="pw-inspector__section" data-testid="dependencies">
      <h3 className="pw-inspector__section-title">Dependencies</h3>
      {Object.entries(declared).map(([key, value]) => (
        <div key={key} className="pw-dependency" data-testid={`dependency-${key}`}>
          <code className="pw-run-param__name" title={key}>{key}</code>
          <code className="pw-dependency__spec" title={value}>{value}</code>
          <PackageBadge status={byName.get(key)} />
          <button type="button" className="pw-icon-button" aria-label={`Remove ${key}`} data-testid={`dependency-${key}-remove`} onClick={() => update.setDependency(key, null)}>
            ×
          </button>
        </div>
      ))}
      <div className="pw-dependency pw-dependency--new">
        <input className="pw-input pw-input--mono" placeholder="package-name" aria-label="New package name" data-testid="dependency-new-name" value={name} onChange={(e) => setName(e.target.value.trim())} onKeyDown={(e) => e.key === 'Enter' && add()} />
        <input className="pw-input pw-input--mono" placeholder="^1.0.0" aria-label="New package version" data-testid="dependency-new-spec" value={spec} onChange={(e) => setSpec(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
        <button type="button" className="pw-button" data-testid="dependency-add" disabled={name === '' || problem !== null} onClick={add}>
          Add
        </button>
      </div>
      {problem && <p className="pw-field__error">{problem}</p>}
      <div className="pw-dependencies__install">
        <button type="button" className="pw-button" data-testid="dependencies-install" disabled={running} onClick={() => void install()}>
          {running ? 'Installing…' : 'Install'}
        </button>
        <StatusLine running={running} status={status} />
      </div>
      {progress && <InstallLog progress={progress} />}
      <p className="pw-field__description">
        Code nodes import these and Node's built-ins. npm installs them, for every pipeline of this folder, into <code>.pipewright/packages</code>; they run in the
        code node's sandbox, so packages with native addons do not load.
      </p>
    </section>
  );
}

function PackageBadge({ status }: { status: PackageStatus | undefined }) {
  if (!status) return <span />;
  const title = status.version ? `${status.state}: ${status.version}` : status.state;
  return (
    <span className="pw-badge" data-state={badgeState[status.state]} title={title} data-testid={`dependency-${status.name}-state`}>
      {status.state}
    </span>
  );
}

function StatusLine({ running, status }: { running: boolean; status: ReturnType<typeof useDependencies>['status'] }) {
  if (running) return <span className="pw-badge" data-state="running" data-testid="dependencies-status">installing</span>;
  if (!status || status.state === 'none') return <span className="pw-field__description" data-testid="dependencies-status">No packages declared</span>;
  return (
    <span className="pw-badge" data-state={status.state === 'installed' ? 'succeeded' : 'retrying'} data-testid="dependencies-status">
      {status.state === 'installed' ? 'installed' : 'install needed'}
    </span>
  );
}

/** npm's output while it runs (the newest line in view), then how the install ended. */
function InstallLog({ progress }: { progress: InstallProgress }) {
  return (
    <div className="pw-dependencies__log" data-testid="dependencies-progress" data-state={progress.state}>
      {progress.lines.length > 0 && (
        <pre className="pw-dependencies__lines" ref={(el) => {
            if (el) el.scrollTop = el.scrollHeight;
          }}>
          {progress.lines.join('\n')}
        </pre>
      )}
      {progress.message && (
        <p className={progress.state === 'failed' ? 'pw-inspector__problems pw-dependencies__result' : 'pw-field__description'} data-testid="dependencies-result">
          {progress.message}
        </p>
      )}
    </div>
  );
}

import { catchUpPolicies, overlapPolicies, type PipelineFile, type Schedule } from '../../node-library/contract';
import { useScheduleFires } from '../hooks/useScheduleFires';
import { useSchedulePreview } from '../hooks/useSchedulePreview';
import type { PipelineUpdates } from '../hooks/useUpdatePipeline';
import { fireLines } from './fire-history';

const presets: { label: string; cron: string }[] = [
  { label: 'Every 5 minutes', cron: '*/5 * * * *' },
  { label: 'Every hour', cron: '0 * * * *' },
  { label: 'Every day at 06:00', cron: '0 6 * * *' },
  { label: 'Weekdays at 13:00', cron: '0 13 * * 1-5' },
  { label: 'Mondays at 09:00', cron: '0 9 * * 1' },
  { label: 'First of the month at 00:00', cron: '0 0 1 * *' },
];

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const zones: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

const newSchedule = (): Schedule => ({ cron: '0 6 * * *', timezone: localZone, enabled: true, params: {}, catchUp: 'latest', catchUpMax: 10, overlap: 'skip' });

/** The pipeline's schedule: cron with presets and a plain reading, next fires, DST rule, zone, policies, and what it did. */
export function SchedulePanel({ pipeline, update }: { pipeline: PipelineFile; update: PipelineUpdates }) {
  const schedule = pipeline.schedule;
  const preview = useSchedulePreview(schedule);
  if (!schedule) {
    return (
      <section className="pw-inspector__section" data-testid="schedule-panel">
        <h3 className="pw-inspector__section-title">Schedule</h3>
        <button type="button" className="pw-button pw-button--small" data-testid="schedule-add" onClick={() => update.setSchedule(newSchedule(), 'add')}>
          + Run on a schedule
        </button>
      </section>
    );
  }
  const set = <K extends keyof Schedule>(key: K, value: Schedule[K]) => update.setSchedule({ ...schedule, [key]: value }, key);
  return (
    <section className="pw-inspector__section" data-testid="schedule-panel">
      <h3 className="pw-inspector__section-title">Schedule</h3>
      <label className="pw-check">
        <input type="checkbox" data-testid="schedule-enabled" checked={schedule.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        <span>{schedule.enabled ? 'Enabled' : 'Disabled: saved, but never fires'}</span>
      </label>
      <label className="pw-field">
        <span className="pw-field__label">Cron (5 fields, or 6 with seconds first)</span>
        <input className="pw-input" data-testid="schedule-cron" spellCheck={false} value={schedule.cron} onChange={(e) => set('cron', e.target.value)} />
      </label>
      <select className="pw-input" aria-label="Presets" data-testid="schedule-preset" value="" onChange={(e) => e.target.value && set('cron', e.target.value)}>
        <option value="">Presets…</option>
        {presets.map((p) => (
          <option key={p.cron} value={p.cron}>
            {p.label}
          </option>
        ))}
      </select>
      {preview?.ok === false && (
        <p className="pw-field__error" data-testid="schedule-problem">
          {preview.problem}
        </p>
      )}
      {preview?.ok && (
        <>
          <p data-testid="schedule-description">{preview.description}</p>
          <ol className="pw-schedule__next" data-testid="schedule-next-fires">
            {preview.nextFires.map((f) => (
              <li key={f.at}>
                <code>{f.local}</code>
              </li>
            ))}
          </ol>
          <p className="pw-inspector__hint" data-testid="schedule-dst-rule">
            {preview.dstRule}
          </p>
        </>
      )}
      <div className="pw-field">
        <span className="pw-field__label">Time zone</span>
        <div className="pw-schedule__zone">
          <input className="pw-input" data-testid="schedule-timezone" list="pw-time-zones" value={schedule.timezone} onChange={(e) => set('timezone', e.target.value)} />
          <button type="button" className="pw-button pw-button--small" data-testid="schedule-timezone-utc" onClick={() => set('timezone', 'UTC')}>
            UTC
          </button>
        </div>
        <datalist id="pw-time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <div className="pw-settings-grid">
        <label className="pw-field pw-field--compact">
          <span className="pw-field__label">Missed while closed</span>
          <select className="pw-input" data-testid="schedule-catch-up" value={schedule.catchUp} onChange={(e) => set('catchUp', e.target.value as Schedule['catchUp'])}>
            {catchUpPolicies.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        {schedule.catchUp === 'all' && (
          <label className="pw-field pw-field--compact">
            <span className="pw-field__label">At most</span>
            <input className="pw-input" type="number" min={1} data-testid="schedule-catch-up-max" value={schedule.catchUpMax} onChange={(e) => Number(e.target.value) >= 1 && set('catchUpMax', Math.floor(Number(e.target.value)))} />
          </label>
        )}
        <label className="pw-field pw-field--compact">
          <span className="pw-field__label">While still running</span>
          <select className="pw-input" data-testid="schedule-overlap" value={schedule.overlap} onChange={(e) => set('overlap', e.target.value as Schedule['overlap'])}>
            {overlapPolicies.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
      </div>
      <button type="button" className="pw-button pw-button--small" data-testid="schedule-remove" onClick={() => update.setSchedule(undefined, 'remove')}>
        Remove schedule
      </button>
      <RecentFires pipelineId={pipeline.id} />
    </section>
  );
}

function RecentFires({ pipelineId }: { pipelineId: string }) {
  const fires = useScheduleFires(pipelineId);
  if (!fires?.length) return <p className="pw-inspector__hint">No scheduled runs yet. Save to start the schedule.</p>;
  return (
    <ul className="pw-schedule__fires" data-testid="schedule-fires">
      {fireLines(fires).map((line) => (
        <li key={line.key} data-testid="schedule-fire" data-outcome={line.outcome} title={line.runId}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}

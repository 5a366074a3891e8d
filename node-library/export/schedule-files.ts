import { PipewrightError, type PipelineFile } from '../contract';
import { secretNames } from './runtime/script-usage';
import { secretEnvName } from '../engine/host';

const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * A crontab line, a systemd service + timer pair and a GitHub Actions
 * workflow that run the exported script on a plain 5-field cron expression.
 * (The pipeline's own `schedule` format is defined elsewhere; this takes the
 * cron string the user gives at export.)
 */
export function scheduleFiles(pipeline: PipelineFile, cron: string): Record<string, string> {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5 || !fields.every((f) => /^[\d*,/-]+$/.test(f))) {
    throw new PipewrightError('E_EXPORT_001', `cron ${JSON.stringify(cron)} must have 5 numeric fields (minute hour day month weekday), such as "0 6 * * 1-5"`);
  }
  const unit = `pipewright-${pipeline.id}`;
  const secrets = secretNames(pipeline).map(secretEnvName);
  return {
    'schedule/crontab.txt': `# ${pipeline.name}: add with crontab -e; replace /path/to/export with this folder\n${fields.join(' ')} cd /path/to/export && node pipeline.mjs --json >> run.log 2>&1\n`,
    [`schedule/${unit}.service`]: [
      '[Unit]',
      `Description=Pipewright pipeline ${pipeline.name}`,
      '',
      '[Service]',
      'Type=oneshot',
      'WorkingDirectory=/path/to/export',
      ...secrets.map((s) => `# Environment=${s}=...  (or EnvironmentFile=)`),
      'ExecStart=/usr/bin/env node pipeline.mjs --json',
      '',
    ].join('\n'),
    [`schedule/${unit}.timer`]: ['[Unit]', `Description=Runs ${unit}.service on ${fields.join(' ')}`, '', '[Timer]', `OnCalendar=${onCalendar(fields)}`, 'Persistent=true', '', '[Install]', 'WantedBy=timers.target', ''].join('\n'),
    [`.github/workflows/${unit}.yml`]: [
      `name: ${JSON.stringify(pipeline.name)}`,
      'on:',
      '  schedule:',
      `    - cron: '${fields.join(' ')}'`,
      '  workflow_dispatch: {}',
      'jobs:',
      '  run:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: actions/setup-node@v4',
      '        with:',
      "          node-version: '20'",
      '      - run: npm install',
      '      - run: node pipeline.mjs --json --no-history',
      ...(secrets.length ? ['        env:', ...secrets.map((s) => `          ${s}: \${{ secrets.${s} }}`)] : []),
      '',
    ].join('\n'),
  };
}

/** A cron expression as systemd's OnCalendar: weekday year-month-day hour:minute:00, with `..` ranges. */
function onCalendar([minute, hour, day, month, weekday]: string[]): string {
  const field = (f: string) => f.replace(/(\d+)-(\d+)/g, '$1..$2').replace(/^\*\/(\d+)$/, '0/$1');
  const days = weekday === '*' ? '' : `${weekday.replace(/\d/g, (d) => dayNames[Number(d)]).replace(/-/g, '..')} `;
  return `${days}*-${field(month)}-${field(day)} ${field(hour)}:${field(minute)}:00`;
}

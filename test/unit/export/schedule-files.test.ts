import { describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../../node-library/contract';
import { scheduleFiles } from '../../../node-library/export/schedule-files';

const pipeline: PipelineFile = {
  format: 'pipewright/pipeline@1',
  id: 'nightly',
  name: 'Nightly load',
  description: '',
  params: {},
  nodes: [{ id: 'query', type: 'source.postgres', version: 1, params: { connection: { $secret: 'WAREHOUSE_URL' }, query: 'SELECT 1' } }],
  edges: [],
  layout: {},
};

describe('schedule files from a cron string', () => {
  it('writes a crontab line, a systemd timer on the same times, and a workflow that passes the secrets from the environment', () => {
    const files = scheduleFiles(pipeline, '30 6 * * 1-5');
    expect(Object.keys(files).sort()).toEqual(['.github/workflows/pipewright-nightly.yml', 'schedule/crontab.txt', 'schedule/pipewright-nightly.service', 'schedule/pipewright-nightly.timer']);
    expect(files['schedule/crontab.txt']).toContain('\n30 6 * * 1-5 cd /path/to/export && node pipeline.mjs --json >> run.log 2>&1\n');
    expect(files['schedule/pipewright-nightly.timer']).toContain('OnCalendar=Mon..Fri *-*-* 6:30:00\n');
    expect(files['schedule/pipewright-nightly.service']).toContain('ExecStart=/usr/bin/env node pipeline.mjs --json\n');
    const workflow = files['.github/workflows/pipewright-nightly.yml'];
    expect(workflow).toContain("    - cron: '30 6 * * 1-5'\n");
    expect(workflow).toContain('      - run: node pipeline.mjs --json --no-history\n        env:\n          PIPEWRIGHT_SECRET_WAREHOUSE_URL: ${{ secrets.PIPEWRIGHT_SECRET_WAREHOUSE_URL }}\n');
    expect(scheduleFiles(pipeline, '*/15 * 1 */2 *')['schedule/pipewright-nightly.timer']).toContain('OnCalendar=*-0/2-1 *:0/15:00\n');
  });

  it('refuses what is not a 5-field cron expression', () => {
    expect(() => scheduleFiles(pipeline, '@daily')).toThrow(/must have 5 numeric fields/);
    expect(() => scheduleFiles(pipeline, '0 6 * *')).toThrow(expect.objectContaining({ code: 'E_EXPORT_001' }));
  });
});

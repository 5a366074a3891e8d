import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../node-library/contract';
import { keepsRunning, notifyScheduledFailures, readSettings, writeSettings, type Notice } from '../../../electron/background';
import { tempDir } from '../helpers';

describe('desktop background behaviour', () => {
  it('notifies failed scheduled runs only', () => {
    let emit: (event: RunEvent) => void = () => undefined;
    const notices: Notice[] = [];
    notifyScheduledFailures({ onRunEvent: (listener) => ((emit = listener), () => undefined) }, (n) => notices.push(n));
    const start = (runId: string, trigger: 'schedule' | 'manual'): RunEvent => ({ type: 'run:start', runId, at: 0, pipelineId: `p-${runId}`, nodeIds: [], params: {}, trigger });
    emit(start('a', 'schedule'));
    emit(start('b', 'manual'));
    emit(start('c', 'schedule'));
    emit({ type: 'run:finish', runId: 'a', at: 1, state: 'failed', error: { code: 'E_NODE_001', message: 'read_orders: no such file' } });
    emit({ type: 'run:finish', runId: 'b', at: 1, state: 'failed' });
    emit({ type: 'run:finish', runId: 'c', at: 1, state: 'succeeded' });
    expect(notices).toEqual([{ title: 'Scheduled run of p-a failed', body: 'read_orders: no such file' }]);
  });

  it('keeps running in the tray only with an enabled schedule, the setting on, and no quit under way', async () => {
    const dir = await tempDir();
    const settings = readSettings(dir);
    expect(settings).toEqual({ keepInTray: true, trayNoticeShown: false });
    expect(keepsRunning(settings, true, false)).toBe(true);
    expect(keepsRunning(settings, false, false)).toBe(false);
    expect(keepsRunning(settings, true, true)).toBe(false);
    writeSettings(dir, { ...settings, keepInTray: false });
    expect(keepsRunning(readSettings(dir), true, false)).toBe(false);
  });
});

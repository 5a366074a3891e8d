import path from 'node:path';
import { WebSocket } from 'ws';
import type { RunSummary } from '../../node-library/contract';
import { expect, test, type Served } from './serve-fixture';

/** One API call over serve mode's WebSocket, as the browser client makes it. */
async function call<T>(served: Served, method: string, args: unknown[]): Promise<T> {
  const token = new URL(served.url).searchParams.get('token');
  const ws = new WebSocket(`${served.origin.replace('http', 'ws')}/api?token=${token}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  try {
    ws.send(JSON.stringify({ id: 1, method, args }));
    for (;;) {
      const message = JSON.parse(String(await new Promise((resolve) => ws.once('message', resolve)))) as { id?: number; ok?: boolean; result?: T; error?: { message: string } };
      if (message.id !== 1) continue;
      if (!message.ok) throw new Error(message.error?.message);
      return message.result as T;
    }
  } finally {
    ws.close();
  }
}

const scheduledRuns = (served: Served) => call<RunSummary[]>(served, 'listRuns', [{ pipelineId: 'big-orders', trigger: 'schedule' }]);

test('a schedule set in the UI runs the pipeline until it is disabled', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);

  const panel = page.getByTestId('schedule-panel');
  await panel.getByTestId('schedule-add').click();
  await panel.getByTestId('schedule-cron').fill('*/2 * * * * *');
  await panel.getByTestId('schedule-timezone-utc').click();
  await expect(panel.getByTestId('schedule-description')).toHaveText('Every 2 seconds');
  await expect(panel.getByTestId('schedule-next-fires').locator('li')).toHaveCount(5);
  await expect(panel.getByTestId('schedule-next-fires')).toContainText('+00:00');
  await expect(panel.getByTestId('schedule-dst-rule')).toContainText('UTC has no daylight-saving changes');

  // A typo is named before anything is saved.
  await panel.getByTestId('schedule-cron').fill('*/2 * * * * * * *');
  await expect(panel.getByTestId('schedule-problem')).toBeVisible();
  await panel.getByTestId('schedule-cron').fill('*/2 * * * * *');
  await expect(panel.getByTestId('schedule-description')).toHaveText('Every 2 seconds');

  await page.getByTestId('save-pipeline').click();
  await expect(page.getByTestId('dirty-indicator')).toBeHidden();

  // Runs appear in the panel's recent fires and in the pipeline list.
  await expect(panel.locator('[data-testid="schedule-fire"][data-outcome="started"]')).not.toHaveCount(0, { timeout: 20_000 });
  await expect(async () => expect(await panel.locator('[data-testid="schedule-fire"][data-outcome="started"]').count()).toBeGreaterThanOrEqual(2)).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('pipeline-schedule-big-orders')).toContainText('next run');
  const runs = await scheduledRuns(served);
  expect(runs.length).toBeGreaterThanOrEqual(2);
  expect(runs.every((r) => r.trigger === 'schedule')).toBe(true);
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'schedule.png') });

  // Disabled and saved: no new fires.
  await panel.getByTestId('schedule-enabled').uncheck();
  await page.getByTestId('save-pipeline').click();
  await expect(page.getByTestId('dirty-indicator')).toBeHidden();
  await expect(page.getByTestId('pipeline-schedule-big-orders')).toContainText('schedule off', { timeout: 10_000 });
  const firesWhenDisabled = (await call<unknown[]>(served, 'listScheduleFires', [{ pipelineId: 'big-orders' }])).length;
  // Several 2-second slots pass.
  await page.waitForTimeout(5_000);
  expect(await call<unknown[]>(served, 'listScheduleFires', [{ pipelineId: 'big-orders' }])).toHaveLength(firesWhenDisabled);
  const runsAfter = await scheduledRuns(served);
  expect(runsAfter.length).toBe(firesWhenDisabled - (await call<{ outcome: string }[]>(served, 'listScheduleFires', [{ pipelineId: 'big-orders' }])).filter((f) => f.outcome !== 'started').length);
});

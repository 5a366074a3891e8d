import { PipewrightError, type RunState } from '../contract';
import type { RunService, StartedRun } from '../backend/run-service';
import { print, printError } from './command';
import { describeEvent } from './format';

/** Prints a run's events as it goes, cancels it on Ctrl+C, and turns its end state into an exit code. */
export async function follow(runs: RunService, json: boolean, start: () => StartedRun): Promise<number> {
  runs.onEvent((event) => {
    const line = json ? JSON.stringify(event) : describeEvent(event);
    if (line !== undefined) print(line);
  });
  let started: StartedRun;
  try {
    started = start();
  } catch (error) {
    if (error instanceof PipewrightError && (error.code === 'E_PARAM_001' || error.code === 'E_RUN_004' || error.code === 'E_RUN_001')) {
      printError(error.message);
      return 2;
    }
    throw error;
  }
  const cancel = () => runs.cancel(started.runId);
  process.once('SIGINT', cancel);
  const state: RunState = await started.done;
  process.off('SIGINT', cancel);
  return state === 'succeeded' ? 0 : 1;
}

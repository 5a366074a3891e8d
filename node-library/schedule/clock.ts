/**
 * Time as the scheduler sees it. Wall time names slots; the timer runs on
 * monotonic time, which stands still while the machine sleeps, so a wake-up
 * is noticed by the next capped sleep rather than by a timer set for hours.
 */
export interface Clock {
  /** Wall time, epoch ms; may jump (clock changes, sleep). */
  now(): number;
  /** Calls `fire` after `ms` of monotonic time; returns the cancel function. */
  setTimer(ms: number, fire: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fire) {
    const timer = setTimeout(fire, ms);
    // Hosts decide when to exit; `pipewright schedule` keeps itself alive until a signal.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

import type { Clock } from '../../../node-library/schedule/clock';

interface Timer {
  due: number;
  seq: number;
  fire: () => void;
}

/**
 * Wall time and monotonic time moved separately. Timers run on monotonic
 * time, as Node's do: while the machine sleeps, wall time moves and they wait.
 */
export class FakeClock implements Clock {
  private monotonic = 0;
  private timers: Timer[] = [];
  private seq = 0;
  /** Awaited after each timer fires, so the work it starts settles first. */
  settle: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve));

  constructor(private wall: number) {}

  now(): number {
    return this.wall;
  }

  setTimer(ms: number, fire: () => void): () => void {
    const timer = { due: this.monotonic + Math.max(0, ms), seq: this.seq++, fire };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }

  /** Time passes with the machine awake: both clocks move, timers fire in order. */
  async advance(ms: number): Promise<void> {
    const end = this.monotonic + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.due <= end).sort((a, b) => a.due - b.due || a.seq - b.seq)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.wall += next.due - this.monotonic;
      this.monotonic = next.due;
      next.fire();
      await this.settle();
    }
    this.wall += end - this.monotonic;
    this.monotonic = end;
  }

  /** Time passes with no process running (the app closed): both clocks move, no timer fires. */
  skip(ms: number): void {
    this.timers = [];
    this.wall += ms;
    this.monotonic += ms;
  }

  /** The machine sleeps, or someone sets the clock: only wall time moves. */
  jumpWall(ms: number): void {
    this.wall += ms;
  }
}

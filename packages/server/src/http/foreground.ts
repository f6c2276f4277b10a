/**
 * Interactive requests first, long work (a large import) in the gaps.
 *
 * On two cores a 100,000-row import keeps a core busy for tens of seconds,
 * and on the embedded database it also holds the only connection for each of
 * its statements. The people typing figures meanwhile must not wait for it.
 * So the HTTP app counts the interactive requests in flight (every request
 * but the ones that run long work themselves, marked `longWork` in their
 * route config), and long work calls `turn()` between two of its steps:
 * with nobody waiting it goes straight on; while requests are in flight it
 * waits for them to finish, at most `yieldFactor` times as long as its own
 * last step took (and at most `maxWaitMs`), so that it still gets a share of
 * the time and always ends.
 */
export class Foreground {
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  constructor(
    /** How many times its own length a step may wait for interactive requests: 3 leaves long work a quarter of a busy server. */
    private readonly yieldFactor = 3,
    /** The longest a step waits, whatever its own length. */
    private readonly maxWaitMs = 1_000,
  ) {}

  /** Interactive requests being answered now. */
  get busy(): number {
    return this.inFlight;
  }

  begin(): void {
    this.inFlight++;
  }

  end(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0) this.wake();
  }

  /**
   * Between two steps of long work: gives the event loop its turn, then, if
   * interactive requests are in flight, waits until none is, or for
   * `yieldFactor` × `stepMs` (capped).
   */
  async turn(stepMs: number): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.inFlight === 0) return;
    const wait = Math.min(Math.max(stepMs, 1) * this.yieldFactor, this.maxWaitMs);
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, wait);
      this.waiters.push(done);
    });
  }

  /** A pacer for one piece of long work: each call to `next()` waits its turn, the step being the time since the previous call. */
  pacer(): { next: () => Promise<void> } {
    let last = performance.now();
    return {
      next: async () => {
        await this.turn(performance.now() - last);
        last = performance.now();
      },
    };
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const done of waiting) done();
  }
}

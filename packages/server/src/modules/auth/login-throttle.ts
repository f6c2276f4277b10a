/**
 * Counts failed logins per username and per client address in a sliding
 * window; past the limit, logins are refused before the password is checked.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  private keys(username: string, ip: string): Array<[string, number]> {
    // An address may try several usernames (a shared office PC), so it gets a larger budget.
    return [
      [`user:${username.toLowerCase()}`, this.maxFailures],
      [`ip:${ip}`, this.maxFailures * 4],
    ];
  }

  /** Seconds to wait before the next attempt, or 0 when one is allowed now. */
  retryAfterSeconds(username: string, ip: string): number {
    let wait = 0;
    for (const [key, max] of this.keys(username, ip)) {
      const times = this.recent(key);
      if (times.length >= max) {
        const oldest = times[times.length - max]!;
        wait = Math.max(wait, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
      }
    }
    return wait;
  }

  recordFailure(username: string, ip: string): void {
    for (const [key] of this.keys(username, ip)) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  recordSuccess(username: string): void {
    this.failures.delete(`user:${username.toLowerCase()}`);
  }
}

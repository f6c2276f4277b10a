import { isDatabaseUnavailable } from './unavailable.ts';

/** The pauses between two tries: 1 s, doubling, at most 30 s. */
const FIRST_PAUSE_MS = 1_000;
const LONGEST_PAUSE_MS = 30_000;

export interface Retried {
  /** Whether the first try succeeded. */
  first: Promise<boolean>;
  /** True once a try has succeeded; false if one failed for another reason than the database being away. */
  done: Promise<boolean>;
}

/**
 * Runs `work` now and, while it fails because the database is away, again
 * after growing pauses, until it succeeds. A failure for another reason ends
 * the tries and goes to `onError`. For clean-up that must happen once the
 * database is back (undoing an import cut off half-way); the timers do not
 * keep the process alive.
 */
export function retryWhileUnavailable(work: () => Promise<unknown>, onError: (error: unknown) => void): Retried {
  let settleFirst!: (ok: boolean) => void;
  const first = new Promise<boolean>((resolve) => (settleFirst = resolve));
  const done = new Promise<boolean>((resolve) => {
    let pause = FIRST_PAUSE_MS;
    const attempt = () => {
      work().then(
        () => {
          settleFirst(true);
          resolve(true);
        },
        (error: unknown) => {
          settleFirst(false);
          if (!isDatabaseUnavailable(error)) {
            onError(error);
            resolve(false);
            return;
          }
          setTimeout(attempt, pause).unref();
          pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        },
      );
    };
    attempt();
  });
  return { first, done };
}

// setTimeout fires at once beyond this many milliseconds
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Settles like `work`, or rejects with `onTimeout()` after `ms`. The work is not cancelled: its
 * late result (or error) is dropped, never reported as unhandled.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), Math.min(Math.max(ms, 0), MAX_TIMER_MS));
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

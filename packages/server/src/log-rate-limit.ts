/**
 * Conditions a client or the environment causes (an unknown file, a malformed request, the
 * database still starting): expected, so each is one line without a stack, and a client that
 * repeats one cannot fill the disk with it.
 */
export const EXPECTED_CONDITIONS: ReadonlySet<string> = new Set([
  'WCG_ERR_UNKNOWN_FILE',
  'WCG_ERR_INVALID_FILE_KEY',
  'WCG_ERR_DATABASE_UNAVAILABLE',
  'WCG_ERR_TCP_BAD_REQUEST',
]);

export interface RateLimitOptions {
  /** Lines let through per condition and window. */
  readonly burst?: number;
  readonly windowMs?: number;
}

/** Lets `burst` lines of each condition through per window; says how many it held back. */
export class LogRateLimit {
  readonly #burst: number;
  readonly #windowMs: number;
  readonly #windows = new Map<string, { startedAt: number; written: number; suppressed: number }>();

  constructor(options: RateLimitOptions = {}) {
    this.#burst = options.burst ?? 10;
    this.#windowMs = options.windowMs ?? 10_000;
  }

  /**
   * Null when the line is held back; otherwise the number of lines of this condition held back
   * since the last one written (to say so in the line).
   */
  admit(condition: string, now = Date.now()): number | null {
    let window = this.#windows.get(condition);
    if (!window || now - window.startedAt >= this.#windowMs) {
      const suppressed = window?.suppressed ?? 0;
      window = { startedAt: now, written: 0, suppressed: 0 };
      this.#windows.set(condition, window);
      window.written += 1;
      return suppressed;
    }
    if (window.written < this.#burst) {
      window.written += 1;
      return 0;
    }
    window.suppressed += 1;
    return null;
  }
}

/** The message with a note of the lines held back before it, if any. */
export function withSuppressed(message: string, suppressed: number): string {
  return suppressed > 0 ? `${message} (${suppressed} similar line(s) not logged)` : message;
}

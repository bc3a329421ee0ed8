import { describe, expect, it } from 'vitest';
import { LogRateLimit, withSuppressed } from './log-rate-limit.js';

describe('LogRateLimit', () => {
  it('lets a burst of each condition through per window, then says how many it held back', () => {
    const limit = new LogRateLimit({ burst: 2, windowMs: 1_000 });
    expect([0, 1, 2, 3, 4].map((offset) => limit.admit('A', 100 + offset))).toEqual([0, 0, null, null, null]);
    // another condition has its own budget
    expect(limit.admit('B', 104)).toBe(0);
    expect(limit.admit('A', 1_100)).toBe(3);
    expect(limit.admit('A', 1_101)).toBe(0);
  });

  it('notes the held-back lines in the next message', () => {
    expect(withSuppressed('no driver for x/y', 3)).toBe('no driver for x/y (3 similar line(s) not logged)');
    expect(withSuppressed('no driver for x/y', 0)).toBe('no driver for x/y');
  });
});

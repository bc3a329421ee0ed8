import { describe, expect, it } from 'vitest';
import { withTimeout } from './with-timeout.js';

describe('withTimeout', () => {
  it('settles like the work when it is in time', async () => {
    expect(await withTimeout(Promise.resolve('ok'), 1000, () => new Error('late'))).toBe('ok');
    await expect(withTimeout(Promise.reject(new Error('failed')), 1000, () => new Error('late'))).rejects.toThrow('failed');
  });

  it('rejects with the timeout error when the work takes too long', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, () => new Error('too slow'))).rejects.toThrow('too slow');
  });

  it('swallows a rejection that arrives after the timeout', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const late = new Promise((_resolve, reject) => setTimeout(() => reject(new Error('late failure')), 30));
      await expect(withTimeout(late, 5, () => new Error('timeout'))).rejects.toThrow('timeout');
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});

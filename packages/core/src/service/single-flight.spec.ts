import { describe, expect, it } from 'vitest';
import { SingleFlight } from './single-flight.js';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SingleFlight', () => {
  it('runs the work once for concurrent callers of one key', async () => {
    const flights = new SingleFlight<string>();
    const gate = deferred<string>();
    let runs = 0;
    const work = () => {
      runs += 1;
      return gate.promise;
    };
    const both = Promise.all([flights.run('a', work), flights.run('a', work)]);
    gate.resolve('done');
    expect(await both).toEqual(['done', 'done']);
    expect(runs).toBe(1);
  });

  it('runs again once the previous run settled, also after a failure', async () => {
    const flights = new SingleFlight<string>();
    await expect(flights.run('a', () => Promise.reject(new Error('first')))).rejects.toThrow('first');
    expect(flights.size).toBe(0);
    expect(await flights.run('a', () => Promise.resolve('second'))).toBe('second');
  });

  it('turns a synchronous throw into a rejection', async () => {
    const flights = new SingleFlight<string>();
    await expect(flights.run('a', () => {
      throw new Error('sync');
    })).rejects.toThrow('sync');
  });

  it('keeps keys independent', async () => {
    const flights = new SingleFlight<string>();
    const blocked = deferred<string>();
    const slow = flights.run('slow', () => blocked.promise);
    expect(await flights.run('fast', () => Promise.resolve('fast'))).toBe('fast');
    blocked.resolve('slow');
    expect(await slow).toBe('slow');
  });
});

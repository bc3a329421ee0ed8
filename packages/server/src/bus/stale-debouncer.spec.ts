import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Tally } from './bus-metrics.js';
import { filesByEvent, StaleDebouncer, type StaleDebouncerOptions } from './stale-debouncer.js';

const PJSIP = 'asterisk/pjsip.conf';
const QUEUES = 'asterisk/queues.conf';

const EVENTS = new Map([
  ['line_edited', [PJSIP]],
  ['user_edited', [PJSIP, QUEUES]],
]);

/** A regeneration that takes `durationMs` of (fake) time and records each call. */
function recordingRegenerate(durationMs = 50) {
  const calls: { file: string; at: number }[] = [];
  let failNext = 0;
  const regenerate = async (file: string): Promise<void> => {
    calls.push({ file, at: Date.now() });
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    if (failNext > 0) {
      failNext -= 1;
      throw new Error('database unavailable');
    }
  };
  return { calls, regenerate, failOnce: () => (failNext += 1) };
}

function debouncer(regenerate: (file: string) => Promise<void>, extra: Partial<StaleDebouncerOptions> = {}): StaleDebouncer {
  return new StaleDebouncer({ filesByEvent: EVENTS, regenerate, delayMs: 200, maxWaitMs: 2000, ...extra });
}

describe('StaleDebouncer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('regenerates once after a burst, when no event came for the delay', async () => {
    const { calls, regenerate } = recordingRegenerate();
    const subject = debouncer(regenerate);
    for (let index = 0; index < 500; index += 1) {
      subject.notify('line_edited');
      if (index % 5 === 0) await vi.advanceTimersByTimeAsync(1);
    }
    // the last event came at 100 ms
    await vi.advanceTimersByTimeAsync(199);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([{ file: PJSIP, at: 300 }]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
  });

  it('regenerates after the maximum wait while events keep coming', async () => {
    const { calls, regenerate } = recordingRegenerate();
    const subject = debouncer(regenerate);
    for (let at = 0; at < 3000; at += 100) {
      subject.notify('line_edited');
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(calls[0]).toEqual({ file: PJSIP, at: 2000 });
  });

  it('runs one trailing regeneration for the events that arrived during a regeneration', async () => {
    const { calls, regenerate } = recordingRegenerate(1000);
    const subject = debouncer(regenerate);
    subject.notify('line_edited');
    await vi.advanceTimersByTimeAsync(300); // started at 200
    for (let index = 0; index < 50; index += 1) subject.notify('line_edited');
    await vi.advanceTimersByTimeAsync(10_000);
    // the trailing one waited for the delay after the first regeneration ended (1200)
    expect(calls).toEqual([
      { file: PJSIP, at: 200 },
      { file: PJSIP, at: 1400 },
    ]);
  });

  it('counts from the first event after a regeneration started for the maximum wait of the trailing one', async () => {
    const { calls, regenerate } = recordingRegenerate(3000);
    const subject = debouncer(regenerate);
    subject.notify('line_edited');
    await vi.advanceTimersByTimeAsync(300); // running from 200 to 3200; stale again since 300
    subject.notify('line_edited');
    await vi.advanceTimersByTimeAsync(10_000);
    // overdue since 2300: right after the first one (a timer fires 1 ms later at the earliest)
    expect(calls.map((call) => call.at)).toEqual([200, 3201]);
  });

  it('maps an event to all its files, and ignores events it does not know', async () => {
    const { calls, regenerate } = recordingRegenerate();
    const subject = debouncer(regenerate);
    expect(subject.notify('user_edited')).toEqual([PJSIP, QUEUES]);
    expect(subject.notify('moh_created')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.map((call) => call.file).sort()).toEqual([PJSIP, QUEUES]);
    expect(subject.events).toEqual(new Set(['line_edited', 'user_edited']));
  });

  it('marks every mapped file stale at once', async () => {
    const { calls, regenerate } = recordingRegenerate();
    const subject = debouncer(regenerate);
    subject.markAllStale();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.map((call) => call.file).sort()).toEqual([PJSIP, QUEUES]);
  });

  it('is stale until the regeneration has ended, and whenFresh waits for it', async () => {
    const { regenerate } = recordingRegenerate(100);
    const subject = debouncer(regenerate);
    expect(subject.isStale(PJSIP)).toBe(false);
    await subject.whenFresh(PJSIP);

    subject.notify('line_edited');
    expect(subject.isStale(PJSIP)).toBe(true);
    let freshAt: number | undefined;
    void subject.whenFresh(PJSIP).then(() => (freshAt = Date.now()));
    await vi.advanceTimersByTimeAsync(250);
    expect(subject.isStale(PJSIP)).toBe(true); // running since 200
    await vi.advanceTimersByTimeAsync(100);
    expect(freshAt).toBe(300);
    expect(subject.isStale(PJSIP)).toBe(false);
  });

  it('lets a waiter that came during a regeneration have that one only, unless events came too', async () => {
    const { regenerate } = recordingRegenerate(1000);
    const subject = debouncer(regenerate);
    subject.notify('line_edited');
    await vi.advanceTimersByTimeAsync(300); // running from 200 to 1200
    let firstAt: number | undefined;
    void subject.whenFresh(PJSIP).then(() => (firstAt = Date.now()));
    subject.notify('line_edited'); // the running regeneration may not see this one
    let secondAt: number | undefined;
    void subject.whenFresh(PJSIP).then(() => (secondAt = Date.now()));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(firstAt).toBe(1200);
    expect(secondAt).toBe(2400); // trailing run from 1400
  });

  it('counts and logs a failed regeneration, keeps the file stale, and retries on the next event', async () => {
    const { calls, regenerate, failOnce } = recordingRegenerate();
    const filesRegenerated = new Tally();
    const regenerationFailures = new Tally();
    const warnings: string[] = [];
    const logger = { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (_: unknown, message?: string) => void warnings.push(String(message)) };
    const subject = debouncer(regenerate, { logger, metrics: { filesRegenerated, regenerationFailures } });
    failOnce();
    subject.notify('line_edited');
    const fresh = subject.whenFresh(PJSIP);
    await vi.advanceTimersByTimeAsync(1000);
    await fresh;
    expect(subject.isStale(PJSIP)).toBe(true);
    expect(regenerationFailures.get({ file: PJSIP })).toBe(1);
    expect(warnings).toEqual(['regenerating asterisk/pjsip.conf after bus events failed: database unavailable']);

    subject.notify('line_edited');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    expect(subject.isStale(PJSIP)).toBe(false);
    expect(filesRegenerated.get({ file: PJSIP })).toBe(1);
  });

  it('treats a regeneration that throws synchronously as a failure', async () => {
    const subject = debouncer(() => {
      throw new Error('no driver');
    });
    subject.notify('line_edited');
    await vi.advanceTimersByTimeAsync(1000);
    await subject.whenFresh(PJSIP);
    expect(subject.isStale(PJSIP)).toBe(true);
  });

  it('on close, cancels what is pending, waits for what runs, releases the waiters and ignores later events', async () => {
    const { calls, regenerate } = recordingRegenerate(500);
    const subject = debouncer(regenerate);
    subject.notify('line_edited');
    await vi.advanceTimersByTimeAsync(300); // pjsip running until 700
    subject.notify('line_edited');
    const pjsipFresh = subject.whenFresh(PJSIP);
    subject.markStale(QUEUES); // waiting
    const queuesFresh = subject.whenFresh(QUEUES);
    let closedAt: number | undefined;
    void subject.close().then(() => (closedAt = Date.now()));
    await vi.advanceTimersByTimeAsync(1000);
    await Promise.all([pjsipFresh, queuesFresh]);
    expect(closedAt).toBe(700);
    expect(calls).toEqual([{ file: PJSIP, at: 200 }]);
    expect(subject.isStale(QUEUES)).toBe(true);
    subject.notify('line_edited');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
  });
});

describe('filesByEvent', () => {
  it("inverts each file's events, once per file", () => {
    const map = filesByEvent([
      [PJSIP, ['line_edited', 'user_edited', 'user_edited']],
      [QUEUES, ['user_edited']],
    ]);
    expect(map).toEqual(
      new Map([
        ['line_edited', [PJSIP]],
        ['user_edited', [PJSIP, QUEUES]],
      ]),
    );
  });
});

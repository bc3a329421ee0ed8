import { describeError, silentLogger, type Logger } from '@wazo-confgend/core';
import { Tally, type CountSink } from './bus-metrics.js';

export interface StaleDebouncerOptions {
  /** The files each bus event may change. */
  filesByEvent: ReadonlyMap<string, readonly string[]>;
  regenerate: (file: string) => Promise<void>;
  /** Quiet time after the last event before a stale file is regenerated. */
  delayMs?: number;
  /** Longest a stale file waits, however long the events keep coming. */
  maxWaitMs?: number;
  logger?: Logger;
  /** Both get labels `{file}`. */
  metrics?: { filesRegenerated?: CountSink; regenerationFailures?: CountSink };
}

export const DEFAULT_DEBOUNCE_DELAY_MS = 200;
export const DEFAULT_DEBOUNCE_MAX_WAIT_MS = 2000;

interface Waiter {
  /** Resolved when the run with this number (or a later one) has ended. */
  run: number;
  resolve: () => void;
}

type Phase =
  /** `outdated`: the last regeneration failed or was cancelled by `close()`. */
  | { kind: 'idle'; outdated: boolean }
  | { kind: 'waiting'; staleSince: number; timer: NodeJS.Timeout }
  /** `staleAgainSince`: an event arrived during the run, which may have read the old rows. */
  | { kind: 'running'; staleAgainSince: number | null };

interface FileState {
  phase: Phase;
  /** Number of the last run started. */
  runs: number;
  waiters: Waiter[];
  running?: Promise<void>;
}

/**
 * Turns bursts of bus events into few regenerations: each event marks its files stale, and a
 * stale file is regenerated once no event came for `delayMs` (or after `maxWaitMs` at most).
 * Events arriving during a regeneration cause one more, trailing, regeneration.
 */
export class StaleDebouncer {
  readonly #filesByEvent: ReadonlyMap<string, readonly string[]>;
  readonly #regenerate: (file: string) => Promise<void>;
  readonly #delayMs: number;
  readonly #maxWaitMs: number;
  readonly #logger: Logger;
  readonly #filesRegenerated: CountSink;
  readonly #regenerationFailures: CountSink;
  readonly #files = new Map<string, FileState>();
  #closed = false;

  constructor(options: StaleDebouncerOptions) {
    this.#filesByEvent = options.filesByEvent;
    this.#regenerate = options.regenerate;
    this.#delayMs = options.delayMs ?? DEFAULT_DEBOUNCE_DELAY_MS;
    this.#maxWaitMs = Math.max(this.#delayMs, options.maxWaitMs ?? DEFAULT_DEBOUNCE_MAX_WAIT_MS);
    this.#logger = options.logger ?? silentLogger;
    this.#filesRegenerated = options.metrics?.filesRegenerated ?? new Tally();
    this.#regenerationFailures = options.metrics?.regenerationFailures ?? new Tally();
  }

  /** The event names to listen to. */
  get events(): ReadonlySet<string> {
    return new Set(this.#filesByEvent.keys());
  }

  /** Marks the files `eventName` may change stale; returns them (none for an unknown event). */
  notify(eventName: string): readonly string[] {
    const files = this.#filesByEvent.get(eventName) ?? [];
    for (const file of files) this.markStale(file);
    return files;
  }

  /** Every file any event maps to, e.g. after a reconnection, when events may have been missed. */
  markAllStale(): void {
    for (const files of this.#filesByEvent.values()) for (const file of files) this.markStale(file);
  }

  markStale(file: string): void {
    if (this.#closed) return;
    const state = this.#stateOf(file);
    const { phase } = state;
    const now = Date.now();
    if (phase.kind === 'running') {
      phase.staleAgainSince ??= now;
    } else if (phase.kind === 'waiting') {
      clearTimeout(phase.timer);
      this.#wait(file, state, phase.staleSince);
    } else {
      this.#wait(file, state, now);
    }
  }

  /**
   * True from an event until the regeneration that follows has succeeded; a file whose
   * regeneration failed stays stale (its cached content is older than the database) until a
   * later one succeeds.
   */
  isStale(file: string): boolean {
    const phase = this.#files.get(file)?.phase;
    return phase !== undefined && (phase.kind !== 'idle' || phase.outdated);
  }

  /**
   * Settles once a regeneration covering every event received so far has ended (at once when
   * none is pending). It does not wait for events arriving later, so a steady stream of events
   * delays it by two regenerations at most. Check `isStale` afterwards to know whether it failed.
   */
  whenFresh(file: string): Promise<void> {
    const state = this.#files.get(file);
    if (state === undefined || state.phase.kind === 'idle') return Promise.resolve();
    const { phase } = state;
    const run = phase.kind === 'running' && phase.staleAgainSince === null ? state.runs : state.runs + 1;
    return new Promise((resolve) => state.waiters.push({ run, resolve }));
  }

  /** Cancels pending regenerations and waits for the running ones; every waiter is released. */
  async close(): Promise<void> {
    this.#closed = true;
    const running: Promise<void>[] = [];
    for (const state of this.#files.values()) {
      if (state.phase.kind === 'waiting') {
        clearTimeout(state.phase.timer);
        state.phase = { kind: 'idle', outdated: true };
      }
      if (state.running) running.push(state.running);
    }
    await Promise.all(running);
    for (const state of this.#files.values()) this.#release(state, Infinity);
  }

  #stateOf(file: string): FileState {
    let state = this.#files.get(file);
    if (!state) {
      state = { phase: { kind: 'idle', outdated: false }, runs: 0, waiters: [] };
      this.#files.set(file, state);
    }
    return state;
  }

  #wait(file: string, state: FileState, staleSince: number): void {
    const due = Math.min(Date.now() + this.#delayMs, staleSince + this.#maxWaitMs);
    const timer = setTimeout(() => {
      state.running = this.#run(file, state);
    }, Math.max(0, due - Date.now()));
    state.phase = { kind: 'waiting', staleSince, timer };
  }

  async #run(file: string, state: FileState): Promise<void> {
    state.runs += 1;
    const phase: Phase & { kind: 'running' } = { kind: 'running', staleAgainSince: null };
    state.phase = phase;
    let failed = false;
    try {
      // a synchronous throw counts as a failure too
      await Promise.resolve().then(() => this.#regenerate(file));
      this.#filesRegenerated.inc({ file });
      this.#logger.debug({ file }, `regenerated ${file} after bus events`);
    } catch (error) {
      failed = true;
      this.#regenerationFailures.inc({ file });
      this.#logger.warn({ file, error: describeError(error) }, `regenerating ${file} after bus events failed: ${describeError(error)}`);
    }
    state.running = undefined;
    if (phase.staleAgainSince === null) state.phase = { kind: 'idle', outdated: failed };
    else if (this.#closed) state.phase = { kind: 'idle', outdated: true };
    else this.#wait(file, state, phase.staleAgainSince);
    this.#release(state, state.runs);
  }

  /** Resolves the waiters whose run has ended. */
  #release(state: FileState, endedRun: number): void {
    const ready = state.waiters.filter((waiter) => waiter.run <= endedRun);
    state.waiters = state.waiters.filter((waiter) => waiter.run > endedRun);
    for (const waiter of ready) waiter.resolve();
  }
}

/** The event → files map from each file's events (as the driver manifests list them). */
export function filesByEvent(eventsByFile: Iterable<readonly [string, Iterable<string>]>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [file, events] of eventsByFile) {
    for (const event of events) {
      const files = map.get(event) ?? [];
      if (!files.includes(file)) files.push(file);
      map.set(event, files);
    }
  }
  return map;
}

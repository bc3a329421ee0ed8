import type { MessagePort } from 'node:worker_threads';
import type { ConfgendConfig } from '../config/config-types.js';
import type { ContentProblem } from '../service/content-checks.js';
import type { ErrorCode } from '../errors.js';
import type { DiscoveredDriver } from '../loader/discover.js';

/** What a worker needs to find, build and run one driver: plain data, cloned to the worker. */
export interface GenerationTask {
  /** Told when a thread takes the task: the timeout counts from there, not from the queue. */
  readonly started: MessagePort;
  readonly driver: DiscoveredDriver;
  /** `resource/filename`, for messages. */
  readonly file: string;
  /** The database the session opens its transaction on; null while none is reachable. */
  readonly dbUri: string | null;
  /** Import and construct the driver only (`check-config` with no database). */
  readonly constructOnly: boolean;
}

/** Answered by a booted thread with its id: how a runner knows its threads are ready. */
export interface PingTask {
  readonly ping: true;
}

/** A failure as it crosses the thread boundary (an Error loses its code and details there). */
export interface TaskFailure {
  readonly failure: { readonly code: ErrorCode; readonly message: string; readonly details: Record<string, unknown> };
}

/** How a worker opens the read-only session drivers query through (the host's database layer provides it). */
export interface WorkerSessionOptions {
  readonly statementTimeoutMs: number;
  /** PostgreSQL ends a transaction left idle this long: a second net behind the worker's termination. */
  readonly idleInTransactionTimeoutMs: number;
  readonly poolSize: number;
}

export interface WorkerSession {
  run<T>(dbUri: string | null, work: () => Promise<T>): Promise<T>;
}

/** The module named by `sessionModule` exports this, so core itself never speaks SQL. */
export type CreateWorkerSession = (options: WorkerSessionOptions) => WorkerSession;

/** Cloned once into every worker of a pool: a pool serves one configuration. */
export interface WorkerData {
  readonly config: ConfgendConfig;
  /** A file URL of a module exporting `createWorkerSession`, or null for drivers that need no database. */
  readonly sessionModule: string | null;
  readonly session: WorkerSessionOptions;
  /**
   * A file URL of a module exporting `inspect: ContentInspector` (the host's structural check),
   * run in the thread so that checking a 30 MB file never holds the daemon's own thread.
   */
  readonly inspectorModule: string | null;
}

/** What a thread hands back for a generated file. */
export interface GeneratedBytes {
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly problems: readonly ContentProblem[];
}

import type { ContentStore } from '../cache/content-store.js';
import type { ConfgendConfig } from '../config/config-types.js';
import type { ConfgendError, ErrorCode } from '../errors.js';
import type { DriverRegistry } from '../loader/registry.js';
import type { DriverRun, GeneratedFile } from '../runner/worker-pool-runner.js';
import type { Logger } from './logger.js';

/** Runs work inside the read-only database session drivers query through (provided by the host). */
export interface SessionScope {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** Produces a file's bytes with its driver; `DriverRunner` is the implementation the host uses. */
export interface GenerationRunner {
  run(run: DriverRun): Promise<GeneratedFile>;
}

export interface GenerateOptions {
  /** Serve the cached content when there is some, without touching the database. */
  cached?: boolean;
  /** Drop the cached content and generate nothing (checked before `cached`). */
  invalidate?: boolean;
  /** What asked for this generation, reported with it (`request` by default; `bus_event` for a background one). */
  trigger?: string;
}

export type GenerateOutcome =
  | { status: 'generated'; content: Buffer; durationMs: number }
  /** `fallback`: generation failed (`error` says why) and the last good content is served. */
  | { status: 'cached'; content: Buffer; reason: 'requested' | 'fallback'; error?: ConfgendError }
  | { status: 'invalidated' }
  | { status: 'failed'; error: ConfgendError };

export interface GenerationEvent {
  /** The requested `resource/filename`, as the client sent it. */
  key: string;
  /** `''` when the file is unknown or the key invalid: label metrics by it to keep their cardinality bounded. */
  namespace: string;
  outcome: GenerateOutcome['status'];
  durationMs: number;
  errorCode?: ErrorCode;
  /** What asked for the generation. */
  trigger: string;
  /** The new content, when this request generated it (not for a cached answer or a fallback). */
  content?: Buffer;
}

export interface ServiceOptions {
  config: ConfgendConfig;
  registry: DriverRegistry;
  store: ContentStore;
  runner: GenerationRunner;
  /** The database a generation's session opens on, null while none is reachable (drivers that read nothing still run). */
  databaseUri: () => string | null;
  logger?: Logger;
  onGeneration?: (event: GenerationEvent) => void;
}

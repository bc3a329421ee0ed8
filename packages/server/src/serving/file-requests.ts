import { confgendError, describeError, isConfgendError, type ConfgendError, type ConfgendService, type GenerateOptions } from '@wazo-confgend/core';
import type { ServerLogger } from '../logging.js';
import type { ConfgendMetrics, RequestInterface } from '../metrics/confgend-metrics.js';
import { EXPECTED_CONDITIONS, LogRateLimit, withSuppressed } from '../log-rate-limit.js';

/** Where the answered content came from (the `X-Wazo-Confgend-Source` header of the HTTP API). */
export type ContentSource = 'generated' | 'cache' | 'fallback';

export type ServedFile =
  | { status: 'content'; source: ContentSource; content: Buffer }
  | { status: 'invalidated' }
  | { status: 'failed'; error: ConfgendError };

/** Whether a file a bus event made stale is fresh again (the daemon's bus; absent without one). */
export interface Freshness {
  awaitFresh(resource: string, filename: string): Promise<boolean>;
}

export interface FileRequest {
  resource: string;
  filename: string;
  options: GenerateOptions;
  interface: RequestInterface;
  peer?: string;
}

/**
 * The one path every file request takes, whichever interface it came in on: key validation,
 * the generation service of the current configuration, request metrics and one log line per
 * request (error codes are counted from the service's own logs, see `countErrorCodes`).
 * It holds no lock: concurrency (and single-flight per file) is the service's.
 */
export class FileRequests {
  readonly #limit = new LogRateLimit();

  constructor(
    private readonly currentService: () => ConfgendService,
    private readonly metrics: ConfgendMetrics,
    private readonly logger: ServerLogger,
    private readonly freshness: () => Freshness | null = () => null,
  ) {}

  /** Whether the current configuration has a driver for `resource/filename`. */
  isKnown(resource: string, filename: string): boolean {
    return this.currentService().knownFiles().includes(`${resource}/${filename}`);
  }

  async serve(request: FileRequest): Promise<ServedFile> {
    const started = performance.now();
    const key = `${request.resource}/${request.filename}`;
    const served = await this.#serve(request);
    const durationMs = performance.now() - started;
    const fields = {
      key,
      interface: request.interface,
      ...(request.peer ? { peer: request.peer } : {}),
      cached: request.options.cached === true,
      invalidate: request.options.invalidate === true,
      durationMs: Number(durationMs.toFixed(3)),
    };
    if (served.status === 'content') {
      const bytes = served.content.length;
      this.metrics.recordRequest(request.interface, served.source);
      this.logger.info({ ...fields, source: served.source, bytes }, `served ${key} (${served.source}, ${bytes} bytes) in ${durationMs.toFixed(1)} ms`);
    } else if (served.status === 'invalidated') {
      this.metrics.recordRequest(request.interface, 'invalidated');
      this.logger.info({ ...fields, source: 'invalidated', bytes: 0 }, `invalidated the cache of ${key}`);
    } else {
      this.metrics.recordRequest(request.interface, 'failed');
      const { code } = served.error;
      if (code === 'WCG_ERR_UNKNOWN_FILE' || code === 'WCG_ERR_INVALID_FILE_KEY') this.metrics.recordError(code);
      const expected = EXPECTED_CONDITIONS.has(code);
      const suppressed = expected ? this.#limit.admit(code) : 0;
      // a key a client made up is not repeated in full in the log
      const line = { ...fields, key: key.slice(0, 120), source: 'none', bytes: 0, code };
      if (suppressed !== null) {
        this.logger[expected ? 'warn' : 'error'](line, withSuppressed(`cannot serve ${key.slice(0, 120)}: ${served.error.message.slice(0, 300)}`, suppressed));
      }
    }
    return served;
  }

  async #serve(request: FileRequest): Promise<ServedFile> {
    try {
      const options = await this.#fresh(request);
      // the service validates the key (WCG_ERR_INVALID_FILE_KEY) and checks it against `plugins`
      const outcome = await this.currentService().generate({ resource: request.resource, filename: request.filename }, options);
      switch (outcome.status) {
        case 'generated':
          return { status: 'content', source: 'generated', content: outcome.content };
        case 'cached':
          return { status: 'content', source: outcome.reason === 'fallback' ? 'fallback' : 'cache', content: outcome.content };
        case 'invalidated':
          return { status: 'invalidated' };
        case 'failed':
          return { status: 'failed', error: outcome.error };
      }
    } catch (error) {
      const failure = isConfgendError(error)
        ? error
        : confgendError('WCG_ERR_GENERATION_FAILED', 'failed', { file: `${request.resource}/${request.filename}`, reason: describeError(error) }, { cause: error });
      return { status: 'failed', error: failure };
    }
  }

  /**
   * A `cached` read never gets content older than a bus event about the file: it waits for the
   * regeneration in progress, and generates itself when that one failed.
   */
  async #fresh(request: FileRequest): Promise<FileRequest['options']> {
    const freshness = this.freshness();
    if (!request.options.cached || request.options.invalidate || !freshness) return request.options;
    return (await freshness.awaitFresh(request.resource, request.filename)) ? request.options : { ...request.options, cached: false };
  }
}

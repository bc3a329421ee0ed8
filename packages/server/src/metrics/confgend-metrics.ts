import type { GenerationEvent } from '@wazo-confgend/core';
import { MetricsRegistry, type Counter, type Histogram } from './registry.js';

/** The `file` label of requests for files no driver serves. */
export const UNKNOWN_FILE_LABEL = '(unknown)';

export type RequestInterface = 'tcp' | 'http';

/** What a request ended with, as the `outcome` label of `wazo_confgend_requests_total`. */
export type RequestOutcome = 'generated' | 'cache' | 'fallback' | 'invalidated' | 'failed' | 'rejected';

const DURATION_BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** The service's metrics; one instance lives as long as the daemon (it survives reloads). */
export class ConfgendMetrics {
  readonly registry = new MetricsRegistry();
  readonly requests: Counter = this.registry.counter(
    'wazo_confgend_requests_total',
    'File requests answered, by interface (tcp, http) and outcome.',
    ['interface', 'outcome'],
  );
  readonly generations: Counter = this.registry.counter(
    'wazo_confgend_generations_total',
    'File requests handled by the generation service, by file and outcome (generated, cached, invalidated, failed).',
    ['file', 'outcome'],
  );
  readonly generationDuration: Histogram = this.registry.histogram(
    'wazo_confgend_generation_duration_seconds',
    'Time to produce a freshly generated file, in seconds.',
    ['file'],
    DURATION_BOUNDS,
  );
  readonly cacheFallbacks: Counter = this.registry.counter(
    'wazo_confgend_cache_fallbacks_total',
    'Requests answered with the last good content because generation failed.',
    ['file'],
  );
  readonly errors: Counter = this.registry.counter('wazo_confgend_errors_total', 'Errors by stable error code.', ['code']);

  recordRequest(requestInterface: RequestInterface, outcome: RequestOutcome): void {
    this.requests.inc({ interface: requestInterface, outcome });
  }

  recordError(code: string): void {
    this.errors.inc({ code });
  }

  /**
   * The service's `onGeneration` listener. Files no driver serves (an empty namespace) share one
   * label: the key comes from the client, and each distinct one would otherwise be a new series.
   */
  recordGeneration(event: GenerationEvent): void {
    const file = event.namespace === '' ? UNKNOWN_FILE_LABEL : event.key;
    this.generations.inc({ file, outcome: event.outcome });
    if (event.outcome === 'generated') this.generationDuration.observe({ file }, event.durationMs / 1000);
    if (event.outcome === 'cached' && event.errorCode) this.cacheFallbacks.inc({ file });
  }
}

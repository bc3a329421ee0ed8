import type { MetricsRegistry } from '../metrics/registry.js';

/** What the bus modules count into; a registry `Counter` is one, so it plugs in directly. */
export interface CountSink {
  inc(labels?: Record<string, string>, amount?: number): void;
}

/** A count kept in memory: the default sink, readable as plain numbers. */
export class Tally implements CountSink {
  #total = 0;
  readonly #byLabels = new Map<string, number>();

  inc(labels: Record<string, string> = {}, amount = 1): void {
    this.#total += amount;
    const key = JSON.stringify(labels);
    this.#byLabels.set(key, (this.#byLabels.get(key) ?? 0) + amount);
  }

  /** The total over every label set, or the count of exactly `labels`. */
  get(labels?: Record<string, string>): number {
    return labels === undefined ? this.#total : (this.#byLabels.get(JSON.stringify(labels)) ?? 0);
  }
}

/** The label names each count is incremented with (a registry counter must be created with these). */
export interface BusMetrics {
  /** Bound events received, labels `{event}`. */
  eventsReceived: CountSink;
  /** Messages that were not a JSON object with an event name, no labels. */
  malformedMessages: CountSink;
  /** Files regenerated because of bus events, labels `{file}`. */
  filesRegenerated: CountSink;
  /** Regenerations after bus events that failed, labels `{file}`. */
  regenerationFailures: CountSink;
  /** `confgend_file_generated` events published, no labels. */
  eventsPublished: CountSink;
  /** `confgend_file_generated` events that could not be published, no labels. */
  publishFailures: CountSink;
}

export function tallyBusMetrics(): { [K in keyof BusMetrics]: Tally } {
  return {
    eventsReceived: new Tally(),
    malformedMessages: new Tally(),
    filesRegenerated: new Tally(),
    regenerationFailures: new Tally(),
    eventsPublished: new Tally(),
    publishFailures: new Tally(),
  };
}

/** Registers the bus counters in the daemon's registry, under `wazo_confgend_bus_*`. */
export function registerBusMetrics(registry: MetricsRegistry): BusMetrics {
  return {
    eventsReceived: registry.counter('wazo_confgend_bus_events_received_total', 'Bus events received, by event name.', ['event']),
    malformedMessages: registry.counter(
      'wazo_confgend_bus_malformed_messages_total',
      'Bus messages ignored because their body was not a JSON object or they had no event name.',
    ),
    filesRegenerated: registry.counter(
      'wazo_confgend_bus_regenerations_total',
      'Files regenerated because bus events made them stale, by file.',
      ['file'],
    ),
    regenerationFailures: registry.counter(
      'wazo_confgend_bus_regeneration_failures_total',
      'Regenerations after bus events that failed, by file.',
      ['file'],
    ),
    eventsPublished: registry.counter('wazo_confgend_bus_published_total', 'confgend_file_generated events published on the bus.'),
    publishFailures: registry.counter(
      'wazo_confgend_bus_publish_failures_total',
      'confgend_file_generated events that could not be published on the bus.',
    ),
  };
}

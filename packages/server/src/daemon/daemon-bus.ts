import { fileKeyOfNamespace, formatFileKey, parseFileKey, type GenerationEvent, type Logger } from '@wazo-confgend/core';
import {
  createFileGeneratedPublisher,
  filesByEvent,
  readBusSettings,
  registerBusMetrics,
  StaleDebouncer,
  startBusListener,
  type BusListener,
  type BusMetrics,
  type BusSettings,
  type BusStatus,
  type FileGeneratedPublisher,
} from '../bus/index.js';
import type { ConfgendMetrics } from '../metrics/confgend-metrics.js';
import type { Runtime } from './runtime.js';

/** What a file's driver declared in its manifest: `resource/filename` → bus events. */
export function declaredEvents(runtime: Pick<Runtime, 'registry' | 'config'>): Map<string, readonly string[]> {
  const events = new Map<string, readonly string[]>();
  for (const [namespace, name] of Object.entries(runtime.config.plugins)) {
    if (typeof name !== 'string' || name === '') continue;
    const key = fileKeyOfNamespace(namespace);
    const driver = runtime.registry.drivers().find((candidate) => candidate.namespace === namespace && candidate.name === name);
    if (key && driver && driver.events.length > 0) events.set(formatFileKey(key), driver.events);
  }
  return events;
}

export interface BusStatusReport {
  listener: BusStatus;
  publisher: BusStatus;
}

/**
 * The daemon on the Wazo bus: a configuration event marks the files whose drivers declared it
 * stale and regenerates them in the background (debounced), a `cached` read of a stale file waits
 * for that regeneration, and every generation is announced as `confgend_file_generated`. The
 * daemon works the same without a bus: generation on request stays the authority.
 */
export class DaemonBus {
  readonly #settings: BusSettings | null;
  readonly #logger: Logger;
  readonly #metrics: BusMetrics;
  readonly #publisher: FileGeneratedPublisher;
  readonly #regenerate: (file: string) => Promise<void>;
  #listener: BusListener;
  #debouncer: StaleDebouncer;

  constructor(runtime: Runtime, options: { logger: Logger; metrics: ConfgendMetrics; regenerate: (file: string) => Promise<void> }) {
    this.#settings = readBusSettings(runtime.config);
    this.#logger = options.logger;
    this.#metrics = registerBusMetrics(options.metrics.registry);
    this.#regenerate = options.regenerate;
    const originUuid = typeof runtime.config['uuid'] === 'string' ? runtime.config['uuid'] : (process.env['XIVO_UUID'] ?? '');
    this.#publisher = createFileGeneratedPublisher(this.#settings, { originUuid, logger: this.#logger, metrics: this.#metrics });
    [this.#debouncer, this.#listener] = this.#listen(runtime);
    if (this.#settings === null) this.#logger.info('no bus configured: files are regenerated on request only');
  }

  #listen(runtime: Runtime): [StaleDebouncer, BusListener] {
    const debouncer = new StaleDebouncer({
      filesByEvent: filesByEvent(declaredEvents(runtime)),
      regenerate: this.#regenerate,
      logger: this.#logger,
      metrics: this.#metrics,
    });
    const listener = startBusListener(this.#settings, {
      events: debouncer.events,
      onEvent: (name) => debouncer.notify(name),
      // events published while the connection was down are lost: every file may be stale
      onConnected: (reconnected) => reconnected && debouncer.markAllStale(),
      connectionName: 'wazo-confgend',
      logger: this.#logger,
      metrics: this.#metrics,
    });
    return [debouncer, listener];
  }

  /** A new configuration may select other drivers, hence other events: listen again. */
  async reload(runtime: Runtime): Promise<void> {
    const [oldDebouncer, oldListener] = [this.#debouncer, this.#listener];
    [this.#debouncer, this.#listener] = this.#listen(runtime);
    await Promise.allSettled([oldListener.close(), oldDebouncer.close()]);
  }

  /**
   * Waits for the regeneration a bus event started for `file`; false when the file is still stale
   * after it (the regeneration failed), so the caller generates instead of serving the cache.
   */
  async awaitFresh(resource: string, filename: string): Promise<boolean> {
    let file: string;
    try {
      file = formatFileKey(parseFileKey(resource, filename));
    } catch {
      return true;
    }
    if (!this.#debouncer.isStale(file)) return true;
    await this.#debouncer.whenFresh(file);
    return !this.#debouncer.isStale(file);
  }

  onGeneration(event: GenerationEvent): void {
    if (event.outcome !== 'generated' || event.content === undefined) return;
    void this.#publisher.publish({ file: event.key, content: event.content, durationMs: event.durationMs, trigger: event.trigger });
  }

  status(): BusStatusReport {
    return { listener: this.#listener.status(), publisher: this.#publisher.status() };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#listener.close(), this.#debouncer.close(), this.#publisher.close()]);
  }
}

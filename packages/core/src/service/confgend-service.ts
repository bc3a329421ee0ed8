import { fileKeyOfNamespace, formatFileKey, namespaceOf, parseFileKey } from '../cache/file-key.js';
import type { FileKey } from '../cache/file-key.js';
import type { FileCache } from '../cache/file-cache.js';
import type { ConfgendConfig } from '../config/config-types.js';
import type { Driver } from '../driver.js';
import { ConfgendError, describeError, isConfgendError } from '../errors.js';
import type { ErrorCode } from '../errors.js';
import type { DriverRegistry } from '../loader/registry.js';
import { silentLogger } from './logger.js';
import type { Logger } from './logger.js';
import { SingleFlight } from './single-flight.js';
import type { GenerateOptions, GenerateOutcome, GenerationEvent, ServiceOptions, SessionScope } from './types.js';
import { withTimeout } from './with-timeout.js';

function asConfgendError(error: unknown, code: ErrorCode, context: string): ConfgendError {
  if (isConfgendError(error)) return error;
  return new ConfgendError(code, `${context}: ${describeError(error)}`, { cause: error });
}

/**
 * The generation semantics of upstream (plain / `cached` / `invalidate`), with these deliberate
 * differences: only files with a driver configured in `plugins` are answered (the cache is never
 * consulted for others); a driver whose constructor fails falls back to the cached content like
 * any other failure (upstream answers nothing); concurrent plain requests for one file share a
 * single generation; `generate()` is bounded by `generation_timeout`.
 */
export class ConfgendService {
  readonly config: ConfgendConfig;
  readonly #registry: DriverRegistry;
  readonly #cache: FileCache;
  readonly #session: SessionScope;
  readonly #logger: Logger;
  readonly #onGeneration: ((event: GenerationEvent) => void) | undefined;
  readonly #drivers = new Map<string, Driver>();
  readonly #flights = new SingleFlight<GenerateOutcome>();
  /**
   * Bumped by every `invalidate` of a file. A generation started before an invalidation read an
   * older snapshot: later requests must not join it, and its result must not become the cached
   * content (a `--cached` read after `--invalidate` would otherwise miss the change).
   */
  readonly #epochs = new Map<string, number>();

  constructor(options: ServiceOptions) {
    this.config = options.config;
    this.#registry = options.registry;
    this.#cache = options.cache;
    this.#session = options.session;
    this.#logger = options.logger ?? silentLogger;
    this.#onGeneration = options.onGeneration;
  }

  /** `resource/filename` of every file the configuration has a driver for. */
  knownFiles(): string[] {
    return Object.entries(this.config.plugins)
      .filter(([, name]) => typeof name === 'string' && name !== '')
      .map(([namespace]) => fileKeyOfNamespace(namespace))
      .filter((key): key is FileKey => key !== null)
      .map(formatFileKey)
      .sort();
  }

  /** Never rejects: every problem comes back as a `failed` outcome or a fallback's `error`. */
  async generate(key: FileKey, options: GenerateOptions = {}): Promise<GenerateOutcome> {
    const started = performance.now();
    const keyText = `${key.resource}/${key.filename}`;
    let namespace = '';
    let outcome: GenerateOutcome;
    try {
      const fileKey = this.#whitelisted(key);
      namespace = namespaceOf(fileKey);
      const file = formatFileKey(fileKey);
      if (options.invalidate) {
        this.#epochs.set(file, this.#epochOf(file) + 1);
        await this.#cache.remove(fileKey);
        outcome = { status: 'invalidated' };
      } else {
        const hit = options.cached ? await this.#readCache(fileKey) : null;
        const epoch = this.#epochOf(file);
        outcome = hit !== null
          ? { status: 'cached', content: hit, reason: 'requested' }
          : await this.#flights.run(`${file}#${epoch}`, () => this.#produce(fileKey, namespace, epoch));
      }
    } catch (error) {
      outcome = { status: 'failed', error: asConfgendError(error, 'WCG_ERR_GENERATION_FAILED', keyText) };
    }
    if (outcome.status === 'failed') this.#logger.error({ key: keyText, code: outcome.error.code, err: outcome.error }, outcome.error.message);
    this.#emit(keyText, namespace, outcome, performance.now() - started);
    return outcome;
  }

  #whitelisted(key: FileKey): FileKey {
    const fileKey = parseFileKey(key.resource, key.filename);
    const namespace = namespaceOf(fileKey);
    const driverName = this.config.plugins[namespace];
    // a dotted resource would alias another file's namespace: `a.b/c` and `a/b.c`
    if (fileKey.resource.includes('.') || typeof driverName !== 'string' || driverName === '') {
      throw new ConfgendError('WCG_ERR_UNKNOWN_FILE', `no driver is configured for ${formatFileKey(fileKey)} (no "${namespace}" in plugins)`, {
        details: { resource: fileKey.resource, filename: fileKey.filename, namespace },
      });
    }
    return fileKey;
  }

  #epochOf(file: string): number {
    return this.#epochs.get(file) ?? 0;
  }

  async #readCache(key: FileKey): Promise<string | null> {
    try {
      return await this.#cache.read(key);
    } catch (error) {
      this.#logger.warn({ key: formatFileKey(key), code: 'WCG_ERR_CACHE_IO', err: error }, describeError(error));
      return null;
    }
  }

  /** Generate-and-cache; on any failure the last good content, when there is some. */
  async #produce(key: FileKey, namespace: string, epoch: number): Promise<GenerateOutcome> {
    const started = performance.now();
    let content: string;
    try {
      const driver = await this.#driverFor(namespace);
      content = await this.#runGenerate(driver, key, namespace);
    } catch (error) {
      return this.#fallback(key, asConfgendError(error, 'WCG_ERR_GENERATION_FAILED', formatFileKey(key)));
    }
    const durationMs = performance.now() - started;
    await this.#store(key, content, epoch);
    this.#logger.info({ key: formatFileKey(key), durationMs }, `generated ${formatFileKey(key)} in ${durationMs.toFixed(1)} ms`);
    return { status: 'generated', content, durationMs };
  }

  async #store(key: FileKey, content: string, epoch: number): Promise<void> {
    const file = formatFileKey(key);
    if (this.#epochOf(file) !== epoch) {
      this.#logger.info({ key: file }, `${file} was invalidated while it was being generated: this result is not cached`);
      return;
    }
    try {
      await this.#cache.write(key, content);
    } catch (error) {
      this.#logger.error({ key: file, code: 'WCG_ERR_CACHE_IO', err: error }, describeError(error));
    }
  }

  async #runGenerate(driver: Driver, key: FileKey, namespace: string): Promise<string> {
    const file = formatFileKey(key);
    const timeoutSeconds = this.config.generation_timeout;
    const running = this.#session.run(async () => {
      try {
        return await driver.generate();
      } catch (error) {
        throw asConfgendError(error, 'WCG_ERR_GENERATION_FAILED', `driver for ${namespace} failed to generate ${file}`);
      }
    });
    const result: unknown = await withTimeout(running, timeoutSeconds * 1000, () =>
      new ConfgendError('WCG_ERR_GENERATION_TIMEOUT', `generating ${file} took longer than generation_timeout (${timeoutSeconds} s)`, {
        details: { namespace, timeoutSeconds },
      }),
    );
    if (typeof result === 'string' && result !== '') return result;
    const returned = result === '' ? 'an empty string' : result === null || result === undefined ? String(result) : typeof result;
    throw new ConfgendError('WCG_ERR_GENERATION_EMPTY', `driver for ${namespace} returned ${returned} for ${file}: nothing to serve`, {
      details: { namespace, returned },
    });
  }

  /** The driver instance of a namespace, built once; a failed construction is retried next time. */
  async #driverFor(namespace: string): Promise<Driver> {
    const existing = this.#drivers.get(namespace);
    if (existing) return existing;
    const descriptor = this.#registry.select(namespace, this.config);
    const DriverClass = await this.#registry.load(descriptor);
    const label = `${descriptor.packageName}@${descriptor.packageVersion}`;
    let driver: Driver;
    try {
      driver = new DriverClass(this.config);
    } catch (error) {
      throw new ConfgendError('WCG_ERR_DRIVER_CONSTRUCT', `${label}: constructing driver "${descriptor.name}" for ${namespace} failed: ${describeError(error)}`, {
        cause: error,
        details: { namespace, name: descriptor.name, packageName: descriptor.packageName },
      });
    }
    if (typeof (driver as Partial<Driver> | null)?.generate !== 'function') {
      throw new ConfgendError('WCG_ERR_DRIVER_INVALID', `${label}: driver "${descriptor.name}" for ${namespace} has no generate() method`, {
        details: { namespace, name: descriptor.name, packageName: descriptor.packageName },
      });
    }
    this.#drivers.set(namespace, driver);
    this.#logger.info({ namespace, driver: descriptor.name, packageName: descriptor.packageName }, `loaded driver ${descriptor.name} for ${namespace} from ${label}`);
    return driver;
  }

  async #fallback(key: FileKey, error: ConfgendError): Promise<GenerateOutcome> {
    const file = formatFileKey(key);
    const content = await this.#readCache(key);
    if (content === null) return { status: 'failed', error };
    this.#logger.warn({ key: file, code: error.code, err: error }, `serving the last good ${file}: ${error.message}`);
    return { status: 'cached', content, reason: 'fallback', error };
  }

  #emit(key: string, namespace: string, outcome: GenerateOutcome, durationMs: number): void {
    if (!this.#onGeneration) return;
    const errorCode = outcome.status === 'failed' || outcome.status === 'cached' ? outcome.error?.code : undefined;
    try {
      this.#onGeneration({ key, namespace, outcome: outcome.status, durationMs, ...(errorCode ? { errorCode } : {}) });
    } catch (error) {
      this.#logger.warn({ err: error }, `onGeneration listener failed: ${describeError(error)}`);
    }
  }
}

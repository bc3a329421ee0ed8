import { fileKeyOfNamespace, formatFileKey, namespaceOf, parseFileKey } from '../cache/file-key.js';
import type { FileKey } from '../cache/file-key.js';
import type { ContentStore } from '../cache/content-store.js';
import type { ConfgendConfig } from '../config/config-types.js';
import { describeError, isConfgendError, confgendError } from '../errors.js';
import type { ConfgendError, ErrorCode } from '../errors.js';
import type { DriverRegistry } from '../loader/registry.js';
import { silentLogger } from './logger.js';
import type { Logger } from './logger.js';
import { SingleFlight } from './single-flight.js';
import { rejected, shrinkBeyond } from './content-checks.js';
import type { GeneratedFile } from '../runner/worker-pool-runner.js';
import type { GenerateOptions, GenerateOutcome, GenerationEvent, GenerationRunner, ServiceOptions } from './types.js';

const REQUEST_ERRORS: ReadonlySet<ErrorCode> = new Set(['WCG_ERR_UNKNOWN_FILE', 'WCG_ERR_INVALID_FILE_KEY']);

function asGenerationError(error: unknown, file: string): ConfgendError {
  if (isConfgendError(error)) return error;
  return confgendError('WCG_ERR_GENERATION_FAILED', 'failed', { file, reason: describeError(error) }, { cause: error });
}

/**
 * The generation semantics of upstream (plain / `cached` / `invalidate`), with these deliberate
 * differences: only files with a driver configured in `plugins` are answered (the cache is never
 * consulted for others); a driver whose constructor fails falls back to the cached content like
 * any other failure (upstream answers nothing); concurrent plain requests for one file share a
 * single generation; drivers run in worker threads bounded by `generation_timeout`.
 */
export class ConfgendService {
  readonly config: ConfgendConfig;
  readonly #registry: DriverRegistry;
  readonly #store: ContentStore;
  readonly #runner: GenerationRunner;
  readonly #databaseUri: () => string | null;
  readonly #logger: Logger;
  readonly #onGeneration: ((event: GenerationEvent) => void) | undefined;
  readonly #flights = new SingleFlight<GenerateOutcome>();
  /** Content a shrink guard held back, until an operator releases it or a newer generation replaces it. */
  readonly #held = new Map<string, { content: Buffer; epoch: number; trigger: string }>();

  constructor(options: ServiceOptions) {
    this.config = options.config;
    this.#registry = options.registry;
    this.#store = options.store;
    this.#runner = options.runner;
    this.#databaseUri = options.databaseUri;
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
      if (options.invalidate) {
        await this.#store.invalidate(fileKey);
        outcome = { status: 'invalidated' };
      } else {
        const hit = options.cached ? await this.#store.get(fileKey) : null;
        // a generation started before an invalidation read an older snapshot: later requests do not join it
        const epoch = this.#store.epochOf(fileKey);
        outcome = hit !== null
          ? { status: 'cached', content: hit.bytes, reason: 'requested' }
          : await this.#flights.run(`${formatFileKey(fileKey)}#${epoch}`, () => this.#produce(fileKey, namespace, epoch, options.trigger ?? 'request'));
      }
    } catch (error) {
      outcome = { status: 'failed', error: asGenerationError(error, keyText) };
    }
    // a request for a file nobody serves is the request log's to report, not a generation failure
    if (outcome.status === 'failed' && !REQUEST_ERRORS.has(outcome.error.code)) {
      this.#logger.error({ key: keyText, code: outcome.error.code }, outcome.error.message);
    }
    this.#emit(keyText, namespace, outcome, performance.now() - started, options.trigger ?? 'request');
    return outcome;
  }

  #whitelisted(key: FileKey): FileKey {
    const fileKey = parseFileKey(key.resource, key.filename);
    const namespace = namespaceOf(fileKey);
    const driverName = this.config.plugins[namespace];
    // a dotted resource would alias another file's namespace: `a.b/c` and `a/b.c`
    if (fileKey.resource.includes('.') || typeof driverName !== 'string' || driverName === '') {
      throw confgendError('WCG_ERR_UNKNOWN_FILE', 'notConfigured', { file: formatFileKey(fileKey), namespace }, {
        details: { resource: fileKey.resource, filename: fileKey.filename, namespace },
      });
    }
    return fileKey;
  }

  /** Generate, check and keep; on any failure the last good content, when there is some. */
  async #produce(key: FileKey, namespace: string, epoch: number, trigger: string): Promise<GenerateOutcome> {
    const started = performance.now();
    const file = formatFileKey(key);
    let generated: GeneratedFile;
    try {
      generated = await this.#generateChecked(key, namespace);
      await this.#guard(key, generated.bytes, epoch, trigger);
    } catch (error) {
      return this.#fallback(key, asGenerationError(error, file));
    }
    const content = generated.bytes;
    const durationMs = performance.now() - started;
    await this.#store.put(key, content, epoch, trigger, generated.sha256);
    this.#held.delete(file);
    this.#logger.info({ key: file, durationMs }, `generated ${file} in ${durationMs.toFixed(1)} ms`);
    return { status: 'generated', content, durationMs };
  }

  /** The driver's content, refused when the check (run in its thread) says it would not load. */
  async #generateChecked(key: FileKey, namespace: string): Promise<GeneratedFile> {
    const file = formatFileKey(key);
    const driver = this.#registry.select(namespace, this.config);
    let generated: GeneratedFile;
    try {
      generated = await this.#runner.run({ driver, file, dbUri: this.#databaseUri() });
      this.#registry.noteRun(driver, null);
    } catch (error) {
      this.#registry.noteRun(driver, error);
      throw error;
    }
    if (generated.problems.length > 0) throw rejected(file, generated.problems);
    return generated;
  }

  /** A guarded file that lost too many sections is held back (kept for a release), not served. */
  async #guard(key: FileKey, content: Buffer, epoch: number, trigger: string): Promise<void> {
    const file = formatFileKey(key);
    const maxLoss = this.config.shrink_guard[file];
    if (maxLoss === undefined) return;
    const last = await this.#store.get(key);
    const held = last && shrinkBeyond(file, last.bytes, content, maxLoss);
    if (!held) return;
    this.#held.set(file, { content, epoch, trigger });
    throw held;
  }

  /**
   * Serves the content a shrink guard held back, as the operator decided after reading the diff.
   * Fails when nothing is held, or when the file was invalidated since (the held content is older).
   */
  async releaseHeld(key: FileKey): Promise<{ bytes: number }> {
    const fileKey = this.#whitelisted(key);
    const file = formatFileKey(fileKey);
    const held = this.#held.get(file);
    if (!held) throw confgendError('WCG_ERR_UNKNOWN_FILE', 'nothingHeld', { file }, { details: { file } });
    this.#held.delete(file);
    if (!(await this.#store.put(fileKey, held.content, held.epoch, `${held.trigger}+released`))) {
      throw confgendError('WCG_ERR_CONTENT_HELD', 'invalidatedSinceHeld', { file }, { details: { file } });
    }
    this.#logger.warn({ key: file }, `released the held-back ${file} (${held.content.length} bytes): it is now the last good content`);
    return { bytes: held.content.length };
  }

  /** What a generation would give now, checked but neither served nor kept (`diff`, `check-config`). */
  async preview(key: FileKey): Promise<Buffer> {
    const fileKey = this.#whitelisted(key);
    return (await this.#generateChecked(fileKey, namespaceOf(fileKey))).bytes;
  }

  /** The content held back for `file`, if any (for the diff an operator reads before releasing it). */
  heldContent(key: FileKey): Buffer | null {
    return this.#held.get(formatFileKey(parseFileKey(key.resource, key.filename)))?.content ?? null;
  }

  /** Records what the legacy protocol (Asterisk) was given. */
  noteServedOverTcp(key: FileKey, content: Buffer): void {
    this.#store.noteServedOverTcp(parseFileKey(key.resource, key.filename), content);
  }

  async #fallback(key: FileKey, error: ConfgendError): Promise<GenerateOutcome> {
    const file = formatFileKey(key);
    const stored = await this.#store.get(key);
    if (stored === null) return { status: 'failed', error };
    this.#logger.warn({ key: file, code: error.code }, `serving the last good ${file}: ${error.message}`);
    return { status: 'cached', content: stored.bytes, reason: 'fallback', error };
  }

  #emit(key: string, namespace: string, outcome: GenerateOutcome, durationMs: number, trigger: string): void {
    if (!this.#onGeneration) return;
    const errorCode = outcome.status === 'failed' || outcome.status === 'cached' ? outcome.error?.code : undefined;
    try {
      this.#onGeneration({
        key,
        namespace,
        outcome: outcome.status,
        durationMs,
        trigger,
        ...(errorCode ? { errorCode } : {}),
        ...(outcome.status === 'generated' ? { content: outcome.content } : {}),
      });
    } catch (error) {
      this.#logger.warn({ err: error }, `onGeneration listener failed: ${describeError(error)}`);
    }
  }
}

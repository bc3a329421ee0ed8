import { formatFileKey } from './file-key.js';
import type { FileKey } from './file-key.js';
import { FileCache, sha256Of } from './file-cache.js';
import { describeError, isConfgendError } from '../errors.js';
import { silentLogger } from '../service/logger.js';
import type { Logger } from '../service/logger.js';

export interface StoredContent {
  readonly bytes: Buffer;
  readonly sha256: string;
}

/**
 * The last good content of every file, served from memory as bytes, with the disk copy kept for
 * restarts. It outlives configuration reloads, and so do the invalidation epochs: a generation
 * that started before an `invalidate` can never become the cached content, whatever the disk does.
 */
export class ContentStore {
  readonly disk: FileCache;
  readonly #logger: Logger;
  readonly #memory = new Map<string, StoredContent>();
  /** Files invalidated since their last good generation: their disk copy is stale, even if it could not be removed. */
  readonly #invalidated = new Set<string>();
  readonly #epochs = new Map<string, number>();

  constructor(directory: string, logger: Logger = silentLogger) {
    this.disk = new FileCache(directory);
    this.#logger = logger;
  }

  get directory(): string {
    return this.disk.directory;
  }

  epochOf(key: FileKey): number {
    return this.#epochs.get(formatFileKey(key)) ?? 0;
  }

  /** The last good content, or null; a damaged or unreadable disk copy is logged and not served. */
  async get(key: FileKey): Promise<StoredContent | null> {
    const file = formatFileKey(key);
    const held = this.#memory.get(file);
    if (held) return held;
    if (this.#invalidated.has(file)) return null;
    let bytes: Buffer | null;
    try {
      bytes = await this.disk.read(key);
    } catch (error) {
      this.#logger.warn({ key: file, code: isConfgendError(error) ? error.code : 'WCG_ERR_CACHE_IO' }, describeError(error));
      return null;
    }
    if (bytes === null) return null;
    // a generation or an invalidation may have happened while the disk was read
    if (this.#memory.has(file) || this.#invalidated.has(file)) return this.#memory.get(file) ?? null;
    const stored = { bytes, sha256: sha256Of(bytes) };
    this.#memory.set(file, stored);
    return stored;
  }

  /**
   * Keeps `bytes` as the last good content unless the file was invalidated after `epoch` was read.
   * The memory copy is served even when the disk write fails (that failure is logged).
   */
  async put(key: FileKey, bytes: Buffer, epoch: number): Promise<boolean> {
    const file = formatFileKey(key);
    if (this.epochOf(key) !== epoch) {
      this.#logger.info({ key: file }, `${file} was invalidated while it was being generated: this result is not cached`);
      return false;
    }
    const stored = { bytes, sha256: sha256Of(bytes) };
    this.#memory.set(file, stored);
    this.#invalidated.delete(file);
    try {
      await this.disk.write(key, bytes, stored.sha256);
    } catch (error) {
      this.#logger.error({ key: file, code: 'WCG_ERR_CACHE_IO' }, `${describeError(error)} (the content is kept in memory)`);
    }
    return true;
  }

  /** Forgets the content at once; a disk copy that cannot be removed is never served again. */
  async invalidate(key: FileKey): Promise<void> {
    const file = formatFileKey(key);
    this.#epochs.set(file, this.epochOf(key) + 1);
    this.#memory.delete(file);
    this.#invalidated.add(file);
    try {
      await this.disk.remove(key);
    } catch (error) {
      this.#logger.error({ key: file, code: 'WCG_ERR_CACHE_IO' }, `${describeError(error)} (the stale copy will not be served)`);
    }
  }
}

import { formatFileKey } from './file-key.js';
import type { FileKey } from './file-key.js';
import { FileCache, sha256Of } from './file-cache.js';
import { FileVersions, type VersionInfo } from './file-versions.js';
import { describeError, isConfgendError } from '../errors.js';
import { silentLogger } from '../service/logger.js';
import type { Logger } from '../service/logger.js';

export interface StoredContent {
  readonly bytes: Buffer;
  readonly sha256: string;
}

export interface ContentStoreOptions {
  /** Good versions of each file kept beside the cache (`versions_kept`). */
  readonly keepVersions?: number;
  readonly logger?: Logger;
}

/**
 * The last good content of every file, served from memory as bytes, with the disk copy kept for
 * restarts. It outlives configuration reloads, and so do the invalidation epochs: a generation
 * that started before an `invalidate` can never become the cached content, whatever the disk does.
 */
export class ContentStore {
  readonly disk: FileCache;
  readonly versions: FileVersions;
  readonly #logger: Logger;
  /** What each file's last TCP answer was (Asterisk reads over TCP): the version the diff starts from. */
  readonly #servedOverTcp = new Map<string, string>();
  readonly #memory = new Map<string, StoredContent>();
  /** Files invalidated since their last good generation: their disk copy is stale, even if it could not be removed. */
  readonly #invalidated = new Set<string>();
  readonly #epochs = new Map<string, number>();
  /** The checksum of what the disk copy holds, once written or read: the same bytes are not written again. */
  readonly #onDisk = new Map<string, string>();

  constructor(directory: string, options: ContentStoreOptions = {}) {
    this.disk = new FileCache(directory);
    this.versions = new FileVersions(directory, { keep: options.keepVersions ?? 10 });
    this.#logger = options.logger ?? silentLogger;
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
    this.#onDisk.set(file, stored.sha256);
    return stored;
  }

  /**
   * Keeps `bytes` as the last good content unless the file was invalidated after `epoch` was read.
   * The memory copy is served even when the disk write fails (that failure is logged).
   */
  async put(key: FileKey, bytes: Buffer, epoch: number, trigger = 'request', sha256 = sha256Of(bytes)): Promise<boolean> {
    const file = formatFileKey(key);
    if (this.epochOf(key) !== epoch) {
      this.#logger.info({ key: file }, `${file} was invalidated while it was being generated: this result is not cached`);
      return false;
    }
    const previous = this.#memory.get(file);
    const stored = { bytes, sha256 };
    this.#memory.set(file, stored);
    this.#invalidated.delete(file);
    // a file generated on every read (rtp.conf) is mostly the same bytes: no disk write, no fsync then
    if (this.#onDisk.get(file) !== stored.sha256) {
      try {
        await this.disk.write(key, bytes, stored.sha256);
        this.#onDisk.set(file, stored.sha256);
      } catch (error) {
        this.#onDisk.delete(file);
        this.#logger.error({ key: file, code: 'WCG_ERR_CACHE_IO' }, `${describeError(error)} (the content is kept in memory)`);
      }
    }
    // a version is a change: the same bytes generated again add none
    if (previous?.sha256 !== stored.sha256 && (await this.#newestSha(key)) !== stored.sha256) {
      await this.versions.add(key, bytes, { trigger, sha256: stored.sha256 }).catch((error: unknown) => {
        this.#logger.error({ key: file, code: 'WCG_ERR_CACHE_IO' }, describeError(error));
      });
    }
    return true;
  }

  async #newestSha(key: FileKey): Promise<string | undefined> {
    return (await this.versions.list(key).catch(() => []))[0]?.sha256;
  }

  /** Remembers what a TCP client (Asterisk) was given last. */
  noteServedOverTcp(key: FileKey, bytes: Buffer): void {
    const file = formatFileKey(key);
    const held = this.#memory.get(file);
    this.#servedOverTcp.set(file, held && held.bytes === bytes ? held.sha256 : sha256Of(bytes));
  }

  /** The kept version Asterisk last took over TCP, else the newest one (after a restart). */
  async lastTakenVersion(key: FileKey): Promise<VersionInfo | null> {
    const versions = await this.versions.list(key);
    const served = this.#servedOverTcp.get(formatFileKey(key));
    return versions.find((version) => version.sha256 === served) ?? versions[0] ?? null;
  }

  /** Forgets the content at once; a disk copy that cannot be removed is never served again. */
  async invalidate(key: FileKey): Promise<void> {
    const file = formatFileKey(key);
    this.#epochs.set(file, this.epochOf(key) + 1);
    this.#memory.delete(file);
    this.#onDisk.delete(file);
    this.#invalidated.add(file);
    try {
      await this.disk.remove(key);
    } catch (error) {
      this.#logger.error({ key: file, code: 'WCG_ERR_CACHE_IO' }, `${describeError(error)} (the stale copy will not be served)`);
    }
  }
}

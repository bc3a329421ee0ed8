import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError, confgendError } from '../errors.js';
import { sha256Of } from './file-cache.js';
import { formatFileKey, parseFileKey } from './file-key.js';
import type { FileKey } from './file-key.js';

/** One kept version of a generated file, as its metadata file records it. */
export interface VersionInfo {
  /** Sortable and increasing: a later version of a file always has a greater id. */
  readonly id: string;
  /** When it was kept, ISO 8601 in UTC. */
  readonly time: string;
  readonly size: number;
  readonly sha256: string;
  /** What made the service generate it (a bus event, a request, a start). */
  readonly trigger: string;
}

export interface FileVersionsOptions {
  /** How many versions of each file are kept (10 by default). */
  readonly keep?: number;
  /** The clock, for tests. */
  readonly now?: () => Date;
}

export interface AddVersionOptions {
  readonly trigger: string;
  /** The checksum of `bytes` when the caller has it already. */
  readonly sha256?: string;
}

export const DEFAULT_KEPT_VERSIONS = 10;

// `20261201T084200123Z-000000`: UTC time to the millisecond, then a counter for versions kept
// within one millisecond (or while the clock is behind the newest id)
const ID_PATTERN = /^(\d{8}T\d{9}Z)-(\d{6})$/;
const METADATA_SUFFIX = '.json';
const TEMPORARY_PREFIX = '.tmp-';


function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function stampOf(time: Date): string {
  return time.toISOString().replace(/[-:.]/g, '');
}

/** An id greater than `newest` (when there is one), taken from the clock when it allows. */
function nextId(time: Date, newest: string | undefined): string {
  const stamp = stampOf(time);
  const previous = newest === undefined ? null : ID_PATTERN.exec(newest);
  if (previous?.[1] !== undefined && previous[2] !== undefined && stamp <= previous[1]) {
    return `${previous[1]}-${String(Number(previous[2]) + 1).padStart(6, '0')}`;
  }
  return `${stamp}-000000`;
}

async function writeDurably(directory: string, name: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = join(directory, `${TEMPORARY_PREFIX}${name}.${process.pid}.${randomBytes(6).toString('hex')}`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, join(directory, name));
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Makes the renames in a directory survive a power loss. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function parseMetadata(text: string, id: string): VersionInfo | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id: recordedId, time, size, sha256, trigger } = value as Record<string, unknown>;
  if (recordedId !== id || typeof time !== 'string' || typeof trigger !== 'string') return null;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return null;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return null;
  return { id, time, size, sha256, trigger };
}

/**
 * The last good versions of every generated file, beside the cache:
 * `<cache>/.versions/<resource>/<filename>/<id>` holds the bytes and `<id>.json` their metadata.
 * Each is written atomically (temporary file, fsync, rename), the metadata last: a version
 * exists once its metadata does, so an interrupted write leaves no version, only debris that the
 * next write of that file removes. Versions are read back only when their bytes match the
 * metadata. Writes of one file are queued, so ids never collide within a process; one service
 * owns a cache directory.
 */
export class FileVersions {
  readonly directory: string;
  readonly #keep: number;
  readonly #now: () => Date;
  readonly #queues = new Map<string, Promise<void>>();

  constructor(cacheDirectory: string, options: FileVersionsOptions = {}) {
    const keep = options.keep ?? DEFAULT_KEPT_VERSIONS;
    if (!Number.isSafeInteger(keep) || keep < 1) throw new RangeError(`keep must be a positive integer, not ${keep}`);
    this.directory = join(cacheDirectory, '.versions');
    this.#keep = keep;
    this.#now = options.now ?? (() => new Date());
  }

  #directoryOf(key: FileKey): string {
    const { resource, filename } = parseFileKey(key.resource, key.filename);
    return join(this.directory, resource, filename);
  }

  /** Keeps `bytes` as the newest version of the file, then forgets the versions beyond `keep`. */
  async add(key: FileKey, bytes: Uint8Array, options: AddVersionOptions): Promise<VersionInfo> {
    const directory = this.#directoryOf(key);
    const file = formatFileKey(key);
    const queued = (this.#queues.get(file) ?? Promise.resolve()).then(() => this.#add(directory, file, bytes, options));
    const settled = queued.then(
      () => undefined,
      () => undefined,
    );
    this.#queues.set(file, settled);
    try {
      return await queued;
    } finally {
      if (this.#queues.get(file) === settled) this.#queues.delete(file);
    }
  }

  async #add(directory: string, file: string, bytes: Uint8Array, options: AddVersionOptions): Promise<VersionInfo> {
    let entries: string[];
    let info: VersionInfo;
    try {
      await mkdir(directory, { recursive: true });
      entries = await readdir(directory);
      const ids = entries.filter((name) => ID_PATTERN.test(name)).sort();
      const now = this.#now();
      info = {
        id: nextId(now, ids.at(-1)),
        time: now.toISOString(),
        size: bytes.length,
        sha256: options.sha256 ?? sha256Of(bytes),
        trigger: options.trigger,
      };
      await writeDurably(directory, info.id, bytes);
      await writeDurably(directory, `${info.id}${METADATA_SUFFIX}`, `${JSON.stringify(info)}\n`);
      await syncDirectory(directory);
    } catch (error) {
      throw confgendError('WCG_ERR_CACHE_IO', 'keepVersion', { file, directory, reason: describeError(error) }, { cause: error, details: { file, directory } });
    }
    try {
      await this.#prune(directory, [...entries, info.id, `${info.id}${METADATA_SUFFIX}`]);
    } catch (error) {
      const facts = { file, directory, id: info.id };
      throw confgendError('WCG_ERR_CACHE_IO', 'pruneVersions', { ...facts, reason: describeError(error) }, { cause: error, details: facts });
    }
    return info;
  }

  /** Removes the versions beyond `keep`, metadata first, and what interrupted writes left. */
  async #prune(directory: string, entries: readonly string[]): Promise<void> {
    const versions = entries
      .filter((name) => name.endsWith(METADATA_SUFFIX) && ID_PATTERN.test(name.slice(0, -METADATA_SUFFIX.length)))
      .map((name) => name.slice(0, -METADATA_SUFFIX.length))
      .sort()
      .reverse();
    const kept = new Set(versions.slice(0, this.#keep));
    const doomed: string[] = [];
    for (const id of versions.slice(this.#keep)) doomed.push(`${id}${METADATA_SUFFIX}`, id);
    for (const name of entries) {
      const orphan = ID_PATTERN.test(name) && !kept.has(name) && !doomed.includes(name);
      if (orphan || name.startsWith(TEMPORARY_PREFIX)) doomed.push(name);
    }
    for (const name of doomed) {
      try {
        await unlink(join(directory, name));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
  }

  /** The kept versions of the file, newest first; metadata that cannot be read is left out. */
  async list(key: FileKey): Promise<VersionInfo[]> {
    const directory = this.#directoryOf(key);
    let entries: string[];
    try {
      entries = await readdir(directory);
    } catch (error) {
      if (isMissing(error)) return [];
      throw confgendError('WCG_ERR_CACHE_IO', 'listVersions', { file: formatFileKey(key), reason: describeError(error) }, { cause: error, details: { directory } });
    }
    const ids = entries
      .filter((name) => name.endsWith(METADATA_SUFFIX))
      .map((name) => name.slice(0, -METADATA_SUFFIX.length))
      .filter((id) => ID_PATTERN.test(id))
      .sort()
      .reverse();
    const versions: VersionInfo[] = [];
    for (const id of ids) {
      const info = await this.#metadata(directory, id).catch(() => null);
      if (info) versions.push(info);
    }
    return versions;
  }

  async #metadata(directory: string, id: string): Promise<VersionInfo | null> {
    try {
      return parseMetadata(await readFile(join(directory, `${id}${METADATA_SUFFIX}`), 'utf8'), id);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /**
   * The bytes of one version, checked against its metadata. Throws WCG_ERR_INVALID_FILE_KEY for
   * an id that is not one (so no id can reach outside the file's directory), WCG_ERR_UNKNOWN_FILE
   * for a version that is not kept, WCG_ERR_CACHE_DAMAGED when the bytes do not match.
   */
  async read(key: FileKey, id: string): Promise<Buffer> {
    const directory = this.#directoryOf(key);
    const file = formatFileKey(key);
    if (!ID_PATTERN.test(id)) {
      throw confgendError('WCG_ERR_INVALID_FILE_KEY', 'badVersionId', { file, id }, { details: { file, id } });
    }
    const path = join(directory, id);
    const failure = (error: unknown) =>
      confgendError('WCG_ERR_CACHE_IO', 'readVersion', { file, id, reason: describeError(error) }, { cause: error, details: { file, id, path } });
    const damaged = (reason: string) => confgendError('WCG_ERR_CACHE_DAMAGED', 'version', { file, id, reason }, { details: { file, id, path } });
    let metadata: string;
    try {
      metadata = await readFile(`${path}${METADATA_SUFFIX}`, 'utf8');
    } catch (error) {
      if (isMissing(error)) throw confgendError('WCG_ERR_UNKNOWN_FILE', 'noSuchVersion', { file, id }, { details: { file, id } });
      throw failure(error);
    }
    const info = parseMetadata(metadata, id);
    if (info === null) throw damaged('its metadata cannot be read');
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (isMissing(error)) throw damaged('its bytes are missing');
      throw failure(error);
    }
    if (bytes.length !== info.size) throw damaged(`it has ${bytes.length} bytes where ${info.size} were kept`);
    if (sha256Of(bytes) !== info.sha256) throw damaged('its checksum does not match');
    return bytes;
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { confgendError, describeError } from '../errors.js';
import type { ConfgendError } from '../errors.js';
import { parseFileKey } from './file-key.js';
import type { FileKey } from './file-key.js';

function cacheError(action: string, path: string, error: unknown): ConfgendError {
  return confgendError('WCG_ERR_CACHE_IO', 'cacheFile', { action, path, reason: describeError(error) }, { cause: error, details: { path, action } });
}

function damaged(path: string, reason: string): ConfgendError {
  return confgendError('WCG_ERR_CACHE_DAMAGED', 'cacheFile', { path, reason }, { details: { path, reason } });
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function writeSynced(path: string, bytes: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The last good content of every file on disk, for restarts: `<directory>/<resource>/<filename>`
 * holds the bytes as served, and `.<filename>.sha256` beside it their size and checksum. A file
 * whose bytes do not match (truncated by a full disk, edited, written by another program) is
 * never served.
 */
export class FileCache {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = directory;
  }

  pathOf(key: FileKey): string {
    const { resource, filename } = parseFileKey(key.resource, key.filename);
    return join(this.directory, resource, filename);
  }

  #checksumPathOf(key: FileKey): string {
    const path = this.pathOf(key);
    return join(dirname(path), `.${key.filename}.sha256`);
  }

  /**
   * The verified content, or `null` when there is none. Throws WCG_ERR_CACHE_DAMAGED when the
   * bytes do not match their checksum, WCG_ERR_CACHE_IO when the file cannot be read.
   */
  async read(key: FileKey): Promise<Buffer | null> {
    const path = this.pathOf(key);
    let bytes: Buffer;
    let checksum: string;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (isMissing(error)) return null;
      throw cacheError('read', path, error);
    }
    try {
      checksum = await readFile(this.#checksumPathOf(key), 'utf8');
    } catch (error) {
      if (isMissing(error)) throw damaged(path, 'it has no checksum file');
      throw cacheError('read the checksum of', path, error);
    }
    const [expectedSha, expectedSize] = checksum.trim().split(' ');
    if (Number(expectedSize) !== bytes.length) throw damaged(path, `it has ${bytes.length} bytes where ${expectedSize} were written`);
    if (sha256Of(bytes) !== expectedSha) throw damaged(path, 'its checksum does not match');
    return bytes.length === 0 ? null : bytes;
  }

  /**
   * Replaces the content and its checksum, each atomically (temporary file, fsync, rename).
   * A failure between the two renames leaves a mismatch, which `read` refuses: never a half file.
   */
  async write(key: FileKey, bytes: Uint8Array, sha256 = sha256Of(bytes)): Promise<void> {
    const path = this.pathOf(key);
    const checksumPath = this.#checksumPathOf(key);
    const suffix = `${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const temporary = join(dirname(path), `.${key.filename}.${suffix}`);
    const temporaryChecksum = join(dirname(path), `.${key.filename}.sha256.${suffix}`);
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (error) {
      throw cacheError('create the directory of', path, error);
    }
    try {
      await writeSynced(temporary, bytes);
      await writeSynced(temporaryChecksum, `${sha256} ${bytes.length}\n`);
      await rename(temporary, path);
      await rename(temporaryChecksum, checksumPath);
    } catch (error) {
      await Promise.all([unlink(temporary).catch(() => undefined), unlink(temporaryChecksum).catch(() => undefined)]);
      throw cacheError('write', path, error);
    }
  }

  /** Forgets the content; a key with nothing cached is fine. */
  async remove(key: FileKey): Promise<void> {
    const path = this.pathOf(key);
    for (const target of [path, this.#checksumPathOf(key)]) {
      try {
        await unlink(target);
      } catch (error) {
        if (!isMissing(error)) throw cacheError('remove', path, error);
      }
    }
  }
}

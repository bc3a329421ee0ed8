import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ConfgendError, describeError } from '../errors.js';
import { parseFileKey } from './file-key.js';
import type { FileKey } from './file-key.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function cacheError(action: string, path: string, error: unknown): ConfgendError {
  return new ConfgendError('WCG_ERR_CACHE_IO', `cannot ${action} cache file ${path}: ${describeError(error)}`, {
    cause: error,
    details: { path, action },
  });
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The last good content of every file, one file per key under `<directory>/<resource>/<filename>`. */
export class FileCache {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = directory;
  }

  pathOf(key: FileKey): string {
    const { resource, filename } = parseFileKey(key.resource, key.filename);
    return join(this.directory, resource, filename);
  }

  /** The cached content, or `null` when there is none (a missing or empty file). */
  async read(key: FileKey): Promise<string | null> {
    const path = this.pathOf(key);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (isMissing(error)) return null;
      throw cacheError('read', path, error);
    }
    if (bytes.length === 0) return null;
    try {
      return strictUtf8.decode(bytes);
    } catch (error) {
      throw cacheError('decode', path, error);
    }
  }

  /** Replaces the cached content atomically: readers see the old file or the new one, never a part. */
  async write(key: FileKey, content: string): Promise<void> {
    const path = this.pathOf(key);
    const temporary = join(dirname(path), `.${key.filename}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (error) {
      throw cacheError('create the directory of', path, error);
    }
    try {
      const handle = await open(temporary, 'wx');
      try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw cacheError('write', path, error);
    }
  }

  /** Forgets the cached content; a key with nothing cached is fine. */
  async remove(key: FileKey): Promise<void> {
    const path = this.pathOf(key);
    try {
      await unlink(path);
    } catch (error) {
      if (!isMissing(error)) throw cacheError('remove', path, error);
    }
  }
}

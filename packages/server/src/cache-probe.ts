import { randomBytes } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError } from '@wazo-confgend/core';

/** What a probe writes: a zero-byte file fits on a full disk, a file of a few blocks does not. */
const PROBE_BYTES = Buffer.alloc(64 * 1024, 0x20);

/** Whether files can really be written in the cache directory (a write, not a permission check: root passes those). */
export async function probeCacheDirectory(directory: string): Promise<{ writable: boolean; error?: string }> {
  const probe = join(directory, `.probe.${process.pid}.${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(probe, PROBE_BYTES, { flush: true });
    await unlink(probe);
    return { writable: true };
  } catch (error) {
    await unlink(probe).catch(() => undefined);
    return { writable: false, error: describeError(error) };
  }
}

import { randomBytes } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError } from '@wazo-confgend/core';

/** Whether files can really be written in the cache directory (a write, not a permission check: root passes those). */
export async function probeCacheDirectory(directory: string): Promise<{ writable: boolean; error?: string }> {
  const probe = join(directory, `.probe.${process.pid}.${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(probe, '');
    await unlink(probe);
    return { writable: true };
  } catch (error) {
    return { writable: false, error: describeError(error) };
  }
}

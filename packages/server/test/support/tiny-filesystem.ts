import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** A real filesystem of a few kilobytes (tmpfs), to fill up or turn read-only under a running daemon. */
export interface TinyFilesystem {
  readonly dir: string;
  readOnly(): Promise<void>;
  writable(): Promise<void>;
  unmount(): Promise<void>;
}

/** Mounting needs root, as CI has; elsewhere the tests that use it say so and skip. */
export const CAN_MOUNT = process.getuid?.() === 0;
export const CANNOT_MOUNT = 'mounting a test filesystem needs root: the full-disk and read-only-disk tests skip';

export async function mountTinyFilesystem(sizeKb: number): Promise<TinyFilesystem> {
  const dir = await mkdtemp(join(tmpdir(), 'wcg-tinyfs-'));
  await exec('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
  return {
    dir,
    readOnly: () => exec('mount', ['-o', 'remount,ro', dir]).then(() => undefined),
    writable: () => exec('mount', ['-o', 'remount,rw', dir]).then(() => undefined),
    unmount: async () => {
      await exec('umount', ['-l', dir]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

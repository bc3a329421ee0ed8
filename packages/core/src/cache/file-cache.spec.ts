import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../test-helpers/temp-packages.js';
import { FileCache } from './file-cache.js';

const key = { resource: 'asterisk', filename: 'pjsip.conf' };

describe('FileCache', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  let cache: FileCache;

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    cache = new FileCache(join(dir, 'cache'));
  });
  afterEach(() => cleanup());

  it('writes under <directory>/<resource>/<filename>, creating directories, and reads it back', async () => {
    await cache.write(key, '[global]\nx = é\n');
    expect(await readFile(join(dir, 'cache/asterisk/pjsip.conf'), 'utf8')).toBe('[global]\nx = é\n');
    expect(await cache.read(key)).toBe('[global]\nx = é\n');
  });

  it('reads a missing or empty file as nothing', async () => {
    expect(await cache.read(key)).toBeNull();
    await mkdir(join(dir, 'cache/asterisk'), { recursive: true });
    await writeFile(join(dir, 'cache/asterisk/pjsip.conf'), '');
    expect(await cache.read(key)).toBeNull();
  });

  it('replaces content without leaving temporary files behind', async () => {
    await cache.write(key, 'old');
    await cache.write(key, 'new');
    expect(await cache.read(key)).toBe('new');
    expect(await readdir(join(dir, 'cache/asterisk'))).toEqual(['pjsip.conf']);
  });

  it('keeps the old file and leaves no temporary file when writing the new content fails', async () => {
    await cache.write(key, 'old');
    // content that cannot be written makes the write fail after the temporary file was created
    await expect(cache.write(key, Symbol('not text') as unknown as string)).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_IO' });
    expect(await readdir(join(dir, 'cache/asterisk'))).toEqual(['pjsip.conf']);
    expect(await cache.read(key)).toBe('old');
  });

  it('leaves no temporary file when the final rename fails', async () => {
    const blocked = { resource: 'asterisk', filename: 'blocked.conf' };
    // a non-empty directory where the file should be makes rename() fail
    await mkdir(join(dir, 'cache/asterisk/blocked.conf/inner'), { recursive: true });
    await expect(cache.write(blocked, 'content')).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_IO' });
    expect(await readdir(join(dir, 'cache/asterisk'))).toEqual(['blocked.conf']);
  });

  it('fails with WCG_ERR_CACHE_IO when the directory cannot be created', async () => {
    await writeFile(join(dir, 'a-file'), 'x');
    const unwritable = new FileCache(join(dir, 'a-file', 'cache'));
    const error: unknown = await unwritable.write(key, 'content').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'WCG_ERR_CACHE_IO', details: { path: join(dir, 'a-file/cache/asterisk/pjsip.conf') } });
    expect((error as Error).message).toContain('cannot create the directory of cache file');
  });

  it('fails with WCG_ERR_CACHE_IO on an unreadable entry or undecodable bytes', async () => {
    await mkdir(join(dir, 'cache/asterisk/pjsip.conf'), { recursive: true });
    await expect(cache.read(key)).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_IO' });
    const other = { resource: 'asterisk', filename: 'bad.conf' };
    await writeFile(join(dir, 'cache/asterisk/bad.conf'), Buffer.from([0x61, 0xff, 0x62]));
    await expect(cache.read(other)).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_IO', details: { action: 'decode' } });
  });

  it('removes a file, and accepts removing one that does not exist', async () => {
    await cache.write(key, 'x');
    await cache.remove(key);
    expect(await cache.read(key)).toBeNull();
    await expect(cache.remove(key)).resolves.toBeUndefined();
    await expect(new FileCache(join(dir, 'never')).remove(key)).resolves.toBeUndefined();
  });

  it('never addresses a path outside its directory', async () => {
    await expect(cache.read({ resource: '..', filename: 'x' })).rejects.toMatchObject({ code: 'WCG_ERR_INVALID_FILE_KEY' });
    await expect(cache.write({ resource: 'asterisk', filename: '../../x' }, 'x')).rejects.toMatchObject({ code: 'WCG_ERR_INVALID_FILE_KEY' });
    await expect(cache.remove({ resource: 'a/..', filename: 'x' })).rejects.toMatchObject({ code: 'WCG_ERR_INVALID_FILE_KEY' });
  });
});

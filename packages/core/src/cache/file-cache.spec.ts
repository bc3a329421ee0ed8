import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../test-helpers/temp-packages.js';
import { FileCache, sha256Of } from './file-cache.js';

const key = { resource: 'asterisk', filename: 'pjsip.conf' };
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('FileCache', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  let cache: FileCache;

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    cache = new FileCache(join(dir, 'cache'));
  });
  afterEach(() => cleanup());

  it('writes the bytes under <directory>/<resource>/<filename> with their checksum beside, and reads them back', async () => {
    await cache.write(key, bytes('[global]\nx = é\n'));
    expect(await readFile(join(dir, 'cache/asterisk/pjsip.conf'), 'utf8')).toBe('[global]\nx = é\n');
    const expected = `${sha256Of(bytes('[global]\nx = é\n'))} ${bytes('[global]\nx = é\n').length}\n`;
    expect(await readFile(join(dir, 'cache/asterisk/.pjsip.conf.sha256'), 'utf8')).toBe(expected);
    expect((await cache.read(key))?.toString('utf8')).toBe('[global]\nx = é\n');
  });

  it('reads a missing file as nothing', async () => {
    expect(await cache.read(key)).toBeNull();
  });

  it('never serves a truncated file, a file edited behind its back, or one without a checksum', async () => {
    await cache.write(key, bytes('[global]\nlong enough content\n'));
    await truncate(join(dir, 'cache/asterisk/pjsip.conf'), 9);
    await expect(cache.read(key)).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_DAMAGED', details: { reason: expect.stringContaining('9 bytes') } });

    await cache.write(key, bytes('[global]\nabc\n'));
    await writeFile(join(dir, 'cache/asterisk/pjsip.conf'), '[global]\nabd\n');
    await expect(cache.read(key)).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_DAMAGED', details: { reason: 'its checksum does not match' } });

    const legacy = { resource: 'asterisk', filename: 'legacy.conf' };
    await writeFile(join(dir, 'cache/asterisk/legacy.conf'), 'written by another program\n');
    await expect(cache.read(legacy)).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_DAMAGED', details: { reason: 'it has no checksum file' } });
  });

  it('replaces content without leaving temporary files behind', async () => {
    await cache.write(key, bytes('old'));
    await cache.write(key, bytes('new'));
    expect((await cache.read(key))?.toString()).toBe('new');
    expect((await readdir(join(dir, 'cache/asterisk'))).sort()).toEqual(['.pjsip.conf.sha256', 'pjsip.conf']);
  });

  it('keeps the old file and leaves no temporary file when writing the new content fails', async () => {
    await cache.write(key, bytes('old'));
    // a value that cannot be written makes the write fail after the temporary file was created
    await expect(cache.write(key, Symbol('not bytes') as unknown as Buffer, 'x')).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_IO' });
    expect((await readdir(join(dir, 'cache/asterisk'))).sort()).toEqual(['.pjsip.conf.sha256', 'pjsip.conf']);
    expect((await cache.read(key))?.toString()).toBe('old');
  });

  it('leaves no temporary file when the final rename fails', async () => {
    const blocked = { resource: 'asterisk', filename: 'blocked.conf' };
    // a non-empty directory where the file should be makes rename() fail
    await mkdir(join(dir, 'cache/asterisk/blocked.conf/inner'), { recursive: true });
    await expect(cache.write(blocked, bytes('content'))).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_IO' });
    expect(await readdir(join(dir, 'cache/asterisk'))).toEqual(['blocked.conf']);
  });

  it('fails with WCG_ERR_CACHE_IO when the directory cannot be created', async () => {
    await writeFile(join(dir, 'a-file'), 'x');
    const unwritable = new FileCache(join(dir, 'a-file', 'cache'));
    const error: unknown = await unwritable.write(key, bytes('content')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'WCG_ERR_CACHE_IO', details: { path: join(dir, 'a-file/cache/asterisk/pjsip.conf') } });
    expect((error as Error).message).toContain('cannot create the directory of cache file');
  });

  it('fails with WCG_ERR_CACHE_IO on an unreadable entry', async () => {
    await mkdir(join(dir, 'cache/asterisk/pjsip.conf'), { recursive: true });
    await expect(cache.read(key)).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_IO' });
  });

  it('removes a file and its checksum, and accepts removing one that does not exist', async () => {
    await cache.write(key, bytes('x'));
    await cache.remove(key);
    expect(await cache.read(key)).toBeNull();
    expect(await readdir(join(dir, 'cache/asterisk'))).toEqual([]);
    await expect(cache.remove(key)).resolves.toBeUndefined();
    await expect(new FileCache(join(dir, 'never')).remove(key)).resolves.toBeUndefined();
  });

  it('never addresses a path outside its directory', async () => {
    await expect(cache.read({ resource: '..', filename: 'x' })).rejects.toMatchObject({ code: 'WCG_ERR_INVALID_FILE_KEY' });
    await expect(cache.write({ resource: 'asterisk', filename: '../../x' }, bytes('x'))).rejects.toMatchObject({ code: 'WCG_ERR_INVALID_FILE_KEY' });
    await expect(cache.remove({ resource: 'a/..', filename: 'x' })).rejects.toMatchObject({ code: 'WCG_ERR_INVALID_FILE_KEY' });
  });
});

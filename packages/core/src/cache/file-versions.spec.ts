import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../test-helpers/temp-packages.js';
import { sha256Of } from './file-cache.js';
import { FileVersions } from './file-versions.js';

const key = { resource: 'asterisk', filename: 'pjsip.conf' };
const bytes = (text: string) => Buffer.from(text, 'utf8');

/** A clock that moves on by one second at each reading, or stays where it is told. */
function steppingClock(start = Date.parse('2026-12-01T08:00:00.000Z')) {
  let time = start;
  return {
    now: () => new Date((time += 1000)),
    set: (value: number) => {
      time = value;
    },
  };
}

describe('FileVersions', () => {
  let dir = '';
  let cache = '';
  let cleanup: () => Promise<void> = async () => undefined;

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    cache = join(dir, 'cache');
  });
  afterEach(() => cleanup());

  it('keeps each version under <cache>/.versions/<resource>/<filename>/<id> with its metadata', async () => {
    const versions = new FileVersions(cache, { now: () => new Date('2026-12-01T08:42:00.123Z') });
    const info = await versions.add(key, bytes('[global]\n'), { trigger: 'bus: line_edited' });
    expect(info).toEqual({
      id: '20261201T084200123Z-000000',
      time: '2026-12-01T08:42:00.123Z',
      size: 9,
      sha256: sha256Of(bytes('[global]\n')),
      trigger: 'bus: line_edited',
    });
    const directory = join(cache, '.versions/asterisk/pjsip.conf');
    expect((await readdir(directory)).sort()).toEqual([info.id, `${info.id}.json`]);
    expect(await readFile(join(directory, info.id), 'utf8')).toBe('[global]\n');
    expect(JSON.parse(await readFile(join(directory, `${info.id}.json`), 'utf8'))).toEqual(info);
  });

  it('lists versions newest first and reads each back', async () => {
    const versions = new FileVersions(cache, { now: steppingClock().now });
    const first = await versions.add(key, bytes('one\n'), { trigger: 'start' });
    const second = await versions.add(key, bytes('two\n'), { trigger: 'request' });
    expect((await versions.list(key)).map((version) => version.id)).toEqual([second.id, first.id]);
    expect((await versions.read(key, first.id)).toString()).toBe('one\n');
    expect((await versions.read(key, second.id)).toString()).toBe('two\n');
  });

  it('keeps the files apart', async () => {
    const versions = new FileVersions(cache, { now: steppingClock().now });
    await versions.add(key, bytes('pjsip\n'), { trigger: 't' });
    await versions.add({ resource: 'asterisk', filename: 'queues.conf' }, bytes('queues\n'), { trigger: 't' });
    expect(await versions.list(key)).toHaveLength(1);
    expect(await versions.list({ resource: 'asterisk', filename: 'rtp.conf' })).toEqual([]);
  });

  it('prunes to the newest `keep` versions, 10 by default', async () => {
    const clock = steppingClock();
    const versions = new FileVersions(cache, { now: clock.now });
    const added = [];
    for (let index = 0; index < 12; index++) added.push(await versions.add(key, bytes(`v${index}\n`), { trigger: 't' }));
    const listed = await versions.list(key);
    expect(listed.map((version) => version.id)).toEqual(added.slice(2).map((version) => version.id).reverse());
    expect(await readdir(join(cache, '.versions/asterisk/pjsip.conf'))).toHaveLength(20);
    await expect(versions.read(key, added[0]?.id ?? '')).rejects.toMatchObject({ code: 'WCG_ERR_UNKNOWN_FILE' });

    const three = new FileVersions(cache, { keep: 3, now: clock.now });
    await three.add(key, bytes('last\n'), { trigger: 't' });
    expect(await three.list(key)).toHaveLength(3);
  });

  it('refuses a keep that is not a positive integer', () => {
    expect(() => new FileVersions(cache, { keep: 0 })).toThrow(RangeError);
    expect(() => new FileVersions(cache, { keep: 1.5 })).toThrow(RangeError);
  });

  it('gives increasing ids within one millisecond and when the clock goes back, across restarts too', async () => {
    const clock = steppingClock();
    const frozen = () => new Date('2026-12-01T09:00:00.000Z');
    const versions = new FileVersions(cache, { now: frozen });
    const a = await versions.add(key, bytes('a'), { trigger: 't' });
    const b = await versions.add(key, bytes('b'), { trigger: 't' });
    expect([a.id, b.id]).toEqual(['20261201T090000000Z-000000', '20261201T090000000Z-000001']);
    clock.set(Date.parse('2026-11-30T00:00:00.000Z'));
    const restarted = new FileVersions(cache, { now: clock.now });
    const c = await restarted.add(key, bytes('c'), { trigger: 't' });
    expect(c.id).toBe('20261201T090000000Z-000002');
    expect(c.time).toBe('2026-11-30T00:00:01.000Z');
  });

  it('queues concurrent additions of one file so that ids never collide', async () => {
    const versions = new FileVersions(cache, { now: () => new Date('2026-12-01T09:00:00.000Z') });
    const added = await Promise.all([1, 2, 3, 4].map((index) => versions.add(key, bytes(`${index}`), { trigger: 't' })));
    expect(new Set(added.map((version) => version.id)).size).toBe(4);
    expect(await versions.list(key)).toHaveLength(4);
  });

  it('are seen by a new instance on the same directory', async () => {
    const info = await new FileVersions(cache).add(key, bytes('kept\n'), { trigger: 't' });
    const later = new FileVersions(cache);
    expect(await later.list(key)).toEqual([info]);
    expect((await later.read(key, info.id)).toString()).toBe('kept\n');
  });

  it('records the checksum the caller gives', async () => {
    const sha256 = sha256Of(bytes('x'));
    expect((await new FileVersions(cache).add(key, bytes('x'), { trigger: 't', sha256 })).sha256).toBe(sha256);
  });

  it('never returns a damaged version', async () => {
    const versions = new FileVersions(cache, { now: steppingClock().now });
    const info = await versions.add(key, bytes('original\n'), { trigger: 't' });
    const path = join(cache, '.versions/asterisk/pjsip.conf', info.id);
    await writeFile(path, 'tampered\n');
    await expect(versions.read(key, info.id)).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_DAMAGED', message: expect.stringMatching(/checksum/) });
    await writeFile(path, 'short');
    await expect(versions.read(key, info.id)).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_DAMAGED', message: expect.stringMatching(/5 bytes where 9/) });
    await writeFile(`${path}.json`, '{not json');
    await expect(versions.read(key, info.id)).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_DAMAGED', message: expect.stringMatching(/metadata/) });
    expect(await versions.list(key)).toEqual([]);
  });

  it('reports a version whose bytes are gone as damaged', async () => {
    const versions = new FileVersions(cache);
    const info = await versions.add(key, bytes('x'), { trigger: 't' });
    await import('node:fs/promises').then(({ unlink }) => unlink(join(cache, '.versions/asterisk/pjsip.conf', info.id)));
    await expect(versions.read(key, info.id)).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_DAMAGED', message: expect.stringMatching(/missing/) });
  });

  it('takes no id that could leave the directory, and no key that could', async () => {
    const versions = new FileVersions(cache);
    await versions.add(key, bytes('x'), { trigger: 't' });
    for (const id of ['../pjsip.conf', '..', '20261201T090000000Z-000000/../../x', '20261201T090000000Z-000000.json', '']) {
      await expect(versions.read(key, id)).rejects.toMatchObject({ code: 'WCG_ERR_INVALID_FILE_KEY' });
    }
    await expect(versions.list({ resource: '..', filename: 'x' })).rejects.toMatchObject({ code: 'WCG_ERR_INVALID_FILE_KEY' });
    await expect(versions.add({ resource: 'a/b', filename: 'x' }, bytes('x'), { trigger: 't' })).rejects.toMatchObject({
      code: 'WCG_ERR_INVALID_FILE_KEY',
    });
  });

  it('does not list an interrupted write, and clears what it left at the next addition', async () => {
    const versions = new FileVersions(cache, { now: steppingClock().now });
    const directory = join(cache, '.versions/asterisk/pjsip.conf');
    await versions.add(key, bytes('good'), { trigger: 't' });
    // content renamed, metadata never written; and a temporary file of a crash before the rename
    await writeFile(join(directory, '20261201T083000000Z-000000'), 'half');
    await writeFile(join(directory, '.tmp-20261201T083100000Z-000000.1.abc'), 'partial');
    expect(await versions.list(key)).toHaveLength(1);
    const next = await versions.add(key, bytes('next'), { trigger: 't' });
    expect(next.id > '20261201T083000000Z-000000').toBe(true);
    expect((await readdir(directory)).filter((name) => !name.endsWith('.json'))).toHaveLength(2);
  });

  it('reports a write that fails', async () => {
    await writeFile(join(dir, 'not-a-directory'), '');
    const versions = new FileVersions(join(dir, 'not-a-directory'));
    await expect(versions.add(key, bytes('x'), { trigger: 't' })).rejects.toMatchObject({ code: 'WCG_ERR_CACHE_IO' });
  });
});

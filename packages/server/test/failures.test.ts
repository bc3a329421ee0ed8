import { writeFile } from 'node:fs/promises';
import { FileCache } from '@wazo-confgend/core';
import { join } from 'node:path';
import type { TestDatabase } from '@wazo-confgend/dao/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDaemon, tcpRequest, openTestDatabase, unreachableDbUri, type TestDaemon } from './support/harness.js';

let database: TestDatabase;
let server: TestDaemon;

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startTestDaemon({ dbUri: database.url, config: { generation_timeout: 1 } });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function httpGet(path: string): Promise<{ status: number; body: string; json: () => { error: { code: string; message: string } } }> {
  const response = await fetch(`${server.baseUrl}${path}`);
  const body = await response.text();
  return { status: response.status, body, json: () => JSON.parse(body) as { error: { code: string; message: string } } };
}

describe('a driver that fails', () => {
  it.each([
    ['test/throws.conf', 'WCG_ERR_GENERATION_FAILED', 'the driver broke'],
    ['test/empty.conf', 'WCG_ERR_GENERATION_EMPTY', 'returned an empty string'],
    ['test/hangs.conf', 'WCG_ERR_GENERATION_TIMEOUT', 'generation_timeout (1 s)'],
    ['test/broken.conf', 'WCG_ERR_DRIVER_LOAD', 'this module cannot be imported'],
    ['test/missing.conf', 'WCG_ERR_DRIVER_NOT_FOUND', 'no driver "wazo" is installed for test.missing.conf'],
    ['test/twin.conf', 'WCG_ERR_DRIVER_CONFLICT', 'provided by several packages'],
  ])('%s: nothing on TCP, 503 %s on HTTP, daemon keeps serving', async (file, code, message) => {
    const exchange = await tcpRequest(server.tcpPort, [file]);
    expect(exchange.data.length).toBe(0);
    const response = await httpGet(`/1.0/files/${file}`);
    expect(response.status).toBe(503);
    expect(response.json().error.code).toBe(code);
    expect(response.json().error.message).toContain(message);
    expect((await tcpRequest(server.tcpPort, ['test/hello.conf'])).text).toBe('Hello World!\n');
  });

  it('serves the last good content when generation starts failing', async () => {
    expect((await tcpRequest(server.tcpPort, ['test/flaky.conf'])).text).toBe('good content\n');
    await writeFile(join(server.dir, 'flaky-marker'), '');
    expect((await tcpRequest(server.tcpPort, ['test/flaky.conf'])).text).toBe('good content\n');
    const response = await fetch(`${server.baseUrl}/1.0/files/test/flaky.conf`);
    expect(response.headers.get('x-wazo-confgend-source')).toBe('fallback');
    expect(await response.text()).toBe('good content\n');
    const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/wazo_confgend_cache_fallbacks_total\{file="test\/flaky\.conf"\} 2/);
  });

  it('reports the drivers with problems on /1.0/status and /1.0/drivers', async () => {
    await tcpRequest(server.tcpPort, ['test/broken.conf']);
    const status = (await (await fetch(`${server.baseUrl}/1.0/status`)).json()) as { status: string; drivers: { problems: { code: string }[] } };
    expect(status.status).toBe('degraded');
    const codes = status.drivers.problems.map((problem) => problem.code);
    expect(codes).toEqual(expect.arrayContaining(['WCG_ERR_DRIVER_CONFLICT', 'WCG_ERR_DRIVER_NOT_FOUND', 'WCG_ERR_DRIVER_LOAD']));
    const drivers = (await (await fetch(`${server.baseUrl}/1.0/drivers`)).json()) as {
      items: { packageName: string; problems: { code: string }[] }[];
    };
    const twins = drivers.items.filter((driver) => driver.packageName.startsWith('driver-twin-'));
    expect(twins).toHaveLength(2);
    for (const twin of twins) expect(twin.problems.map((problem) => problem.code)).toContain('WCG_ERR_DRIVER_CONFLICT');
  });
});

describe('the database', () => {
  it('reaches plugin drivers through the read-only session scope', async () => {
    expect((await tcpRequest(server.tcpPort, ['test/sql.conf'])).text).toBe('one=1 read_only=on\n');
  });

  it('refuses writes from a driver', async () => {
    expect((await tcpRequest(server.tcpPort, ['test/write.conf'])).text).toMatch(/^write refused: .*refused to send "CREATE TABLE written_by_driver \(id int\)" to the Wazo database/);
  });
});

describe('a database that is down', () => {
  let down: TestDaemon;

  beforeAll(async () => {
    down = await startTestDaemon({ dbUri: await unreachableDbUri() });
    await new FileCache(down.cacheDir).write({ resource: 'test', filename: 'sql.conf' }, Buffer.from('cached before the outage\n'));
  });

  afterAll(() => down?.stop());

  it('does not stop the daemon from starting; cached files are served', async () => {
    expect(down.daemon.database.state).toBe('down');
    expect((await tcpRequest(down.tcpPort, ['test/sql.conf'])).text).toBe('cached before the outage\n');
    expect((await tcpRequest(down.tcpPort, ['test/sql.conf cached'])).text).toBe('cached before the outage\n');
    const response = await fetch(`${down.baseUrl}/1.0/files/test/sql.conf`);
    expect(response.headers.get('x-wazo-confgend-source')).toBe('fallback');
  });

  it('still generates files that read nothing from the database', async () => {
    const response = await fetch(`${down.baseUrl}/1.0/files/test/hello.conf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-wazo-confgend-source')).toBe('generated');
    expect(await response.text()).toBe('Hello World!\n');
  });

  it('answers 503 WCG_ERR_DATABASE_UNAVAILABLE when there is no cache either', async () => {
    expect((await fetch(`${down.baseUrl}/1.0/files/test/sql.conf/cache`, { method: 'DELETE' })).status).toBe(204);
    const response = await fetch(`${down.baseUrl}/1.0/files/test/sql.conf`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('WCG_ERR_DATABASE_UNAVAILABLE');
  });

  it('keeps retrying in the background and reports it on /1.0/status', async () => {
    const status = (await (await fetch(`${down.baseUrl}/1.0/status`)).json()) as { database: { status: string; demo: boolean; error: string } };
    expect(status.database).toMatchObject({ status: 'down', demo: false });
    expect(status.database.error).toContain('ECONNREFUSED');
    expect(down.logs.matching(/retrying in 200 ms/).length).toBeGreaterThan(0);
  });
});

describe('a cache directory that is not writable', () => {
  let readonlyCache: TestDaemon;

  beforeAll(async () => {
    // a path below a character device: not writable even for root
    readonlyCache = await startTestDaemon({ dbUri: database.url, config: { cache: '/dev/null/cache' } });
  });

  afterAll(() => readonlyCache?.stop());

  it('still serves the generated file, and logs and counts the error', async () => {
    expect((await tcpRequest(readonlyCache.tcpPort, ['test/hello.conf'])).text).toBe('Hello World!\n');
    expect(readonlyCache.logs.lines.some((line) => line['code'] === 'WCG_ERR_CACHE_IO' && line.level >= 50)).toBe(true);
    const metrics = await (await fetch(`${readonlyCache.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/wazo_confgend_errors_total\{code="WCG_ERR_CACHE_IO"\} [1-9]/);
    const status = (await (await fetch(`${readonlyCache.baseUrl}/1.0/status`)).json()) as { cache: { writable: boolean } };
    expect(status.cache.writable).toBe(false);
  });
});

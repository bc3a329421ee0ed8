import { join } from 'node:path';
import type { TestDatabase } from '@wazo-confgend/dao/testing';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDaemon, tcpRequest, openTestDatabase, type TestDaemon } from './support/harness.js';

let database: TestDatabase;
let server: TestDaemon;

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startTestDaemon({ dbUri: database.url });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function request(method: string, path: string): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }> {
  const response = await fetch(`${server.baseUrl}${path}`, { method });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;

describe('HTTP API', () => {
  it('GET /1.0/files/{resource}/{filename}: generated, then cache with ?cached=true', async () => {
    const generated = await request('GET', '/1.0/files/test/hello.conf');
    expect(generated.status).toBe(200);
    expect(generated.text).toBe('Hello World!\n');
    expect(generated.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(generated.headers.get('x-wazo-confgend-source')).toBe('generated');
    const cached = await request('GET', '/1.0/files/test/hello.conf?cached=true');
    expect(cached.headers.get('x-wazo-confgend-source')).toBe('cache');
    expect(cached.text).toBe('Hello World!\n');
  });

  it('DELETE /1.0/files/{resource}/{filename}/cache → 204, and the next cached request generates', async () => {
    await request('GET', '/1.0/files/test/hello.conf');
    const deleted = await request('DELETE', '/1.0/files/test/hello.conf/cache');
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await request('GET', '/1.0/files/test/hello.conf?cached=true')).headers.get('x-wazo-confgend-source')).toBe('generated');
  });

  it('404 WCG_ERR_UNKNOWN_FILE for a file no driver is configured for', async () => {
    const response = await request('GET', '/1.0/files/asterisk/unknown.conf');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(errorOf(response.json())).toEqual({ code: 'WCG_ERR_UNKNOWN_FILE', message: expect.stringContaining('asterisk/unknown.conf') });
    expect((await request('DELETE', '/1.0/files/asterisk/unknown.conf/cache')).status).toBe(404);
  });

  it('400 WCG_ERR_INVALID_FILE_KEY for a name that is not one path segment', async () => {
    const response = await request('GET', '/1.0/files/test/a%5Cb');
    expect(response.status).toBe(400);
    expect(errorOf(response.json()).code).toBe('WCG_ERR_INVALID_FILE_KEY');
  });

  it('malformed requests get the same JSON error shape (400, 404, 405)', async () => {
    const badQuery = await request('GET', '/1.0/files/test/hello.conf?cached=maybe');
    expect(badQuery.status).toBe(400);
    expect(errorOf(badQuery.json()).code).toBe('WCG_ERR_HTTP_BAD_REQUEST');
    const noRoute = await request('GET', '/2.0/nothing');
    expect(noRoute.status).toBe(404);
    expect(errorOf(noRoute.json())).toEqual({ code: 'WCG_ERR_HTTP_NOT_FOUND', message: 'no route GET /2.0/nothing' });
    const wrongMethod = await request('POST', '/1.0/files/test/hello.conf');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
    expect(errorOf(wrongMethod.json()).code).toBe('WCG_ERR_HTTP_METHOD_NOT_ALLOWED');
  });

  it('requests fastify or Node refuse before routing get the same JSON error shape (414, 431, unknown method, bad URL)', async () => {
    const longSegment = await request('GET', `/1.0/files/test/${'a'.repeat(150)}`);
    expect(longSegment.status).toBe(414);
    expect(errorOf(longSegment.json()).code).toBe('WCG_ERR_HTTP_BAD_REQUEST');
    const badUrl = await request('GET', '/1.0/files/%E0%A4%A/x');
    expect(badUrl.status).toBe(400);
    expect(errorOf(badUrl.json())).toEqual({ code: 'WCG_ERR_HTTP_BAD_REQUEST', message: '/1.0/files/%E0%A4%A/x is not a valid URL' });
    const hugeHeaders = await fetch(`${server.baseUrl}/1.0/status`, { headers: { 'x-padding': 'a'.repeat(20_000) } });
    expect(hugeHeaders.status).toBe(431);
    expect(errorOf(await hugeHeaders.json()).code).toBe('WCG_ERR_HTTP_BAD_REQUEST');
    const unknownMethod = await request('FOO', '/1.0/status');
    expect(unknownMethod.status).toBe(400);
    expect(errorOf(unknownMethod.json())).toEqual({ code: 'WCG_ERR_HTTP_BAD_REQUEST', message: 'unknown HTTP method' });
  });

  it('GET /1.0/drivers lists every discovered driver with its selection', async () => {
    const body = (await request('GET', '/1.0/drivers')).json() as {
      items: { packageName: string; packageVersion: string; namespace: string; name: string; selected: boolean; origin: string }[];
      selections: { namespace: string; problem?: { code: string } }[];
    };
    expect(body.items).toContainEqual({
      packageName: 'driver-hello',
      packageVersion: '1.0.0',
      namespace: 'test.hello.conf',
      name: 'wazo',
      selected: true,
      origin: 'plugin_paths',
      problems: [],
    });
    // the host's bundled drivers are discovered too, not selected by this configuration
    expect(body.items.some((driver) => driver.origin === 'host' && !driver.selected)).toBe(true);
    expect(body.selections.find((selection) => selection.namespace === 'test.missing.conf')?.problem?.code).toBe('WCG_ERR_DRIVER_NOT_FOUND');
  });

  it('GET /1.0/status reports database, cache, drivers, uptime and version', async () => {
    const body = (await request('GET', '/1.0/status')).json() as Record<string, unknown>;
    expect(body).toMatchObject({
      version: '1.0.0',
      database: { status: database ? 'up' : 'down', demo: false },
      cache: { directory: server.cacheDir, writable: true },
    });
    expect(typeof body['uptime_seconds']).toBe('number');
    // the test configuration selects a driver that is not installed
    expect(body['status']).toBe('degraded');
  });

  it('GET /1.0/status says ok when the database answers, the cache is writable and no driver has a problem', async () => {
    const healthy = await startTestDaemon({
      dbUri: database.url,
      config: { plugins: { 'test.hello.conf': 'wazo' }, plugin_paths: [join(server.dir, 'drivers', 'driver-hello')] },
    });
    try {
      const body = (await (await fetch(`${healthy.baseUrl}/1.0/status`)).json()) as { status: string; drivers: { problems: unknown[] } };
      expect(body.drivers.problems).toEqual([]);
      expect(body.status).toBe('ok');
    } finally {
      await healthy.stop();
    }
  });

  it('GET /metrics: Prometheus text whose counters move', async () => {
    const before = (await request('GET', '/metrics')).text;
    await tcpRequest(server.tcpPort, ['a/b/c']);
    await request('GET', '/1.0/files/asterisk/unknown.conf');
    const after = await request('GET', '/metrics');
    expect(after.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    for (const series of [
      'wazo_confgend_requests_total{interface="tcp",outcome="rejected"}',
      'wazo_confgend_requests_total{interface="http",outcome="failed"}',
      'wazo_confgend_errors_total{code="WCG_ERR_UNKNOWN_FILE"}',
      'wazo_confgend_generations_total{file="(unknown)",outcome="failed"}',
    ]) {
      expect(value(after.text, series), series).toBe(value(before, series) + 1);
    }
    expect(after.text).toContain('# TYPE wazo_confgend_generation_duration_seconds histogram');
  });

  it('GET /1.0/api/api.yml serves the OpenAPI 3 document describing every route', async () => {
    const response = await request('GET', '/1.0/api/api.yml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    const document = parse(response.text) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/1.0/api/api.yml',
        '/1.0/drivers',
        '/1.0/files/{resource}/{filename}',
        '/1.0/files/{resource}/{filename}/cache',
        '/1.0/files/{resource}/{filename}/diff',
        '/1.0/files/{resource}/{filename}/held/release',
        '/1.0/files/{resource}/{filename}/versions',
        '/1.0/files/{resource}/{filename}/versions/{id}',
        '/1.0/status',
        '/metrics',
      ],
    );
  });
});

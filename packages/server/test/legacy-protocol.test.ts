import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDaemon, tcpRequest, openTestDatabase, waitFor, type TestDaemon } from './support/harness.js';
import type { TestDatabase } from '@wazo-confgend/dao/testing';

let database: TestDatabase;
let server: TestDaemon;

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startTestDaemon({ dbUri: database.url, tcp: { idleTimeoutMs: 500 } });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

/** The daemon still answers a good request: nothing a bad request did broke it. */
async function stillServing(): Promise<void> {
  expect((await tcpRequest(server.tcpPort, ['test/hello.conf'])).text).toBe('Hello World!\n');
}

describe('legacy TCP protocol', () => {
  it('answers the official client: one chunk, no newline, no half-close', async () => {
    const exchange = await tcpRequest(server.tcpPort, ['test/hello.conf']);
    expect(exchange.text).toBe('Hello World!\n');
  });

  it('answers at once when the client half-closes after the request', async () => {
    const exchange = await tcpRequest(server.tcpPort, ['test/hello.conf cached'], { halfClose: true });
    expect(exchange.text).toBe('Hello World!\n');
    expect(exchange.elapsedMs).toBeLessThan(1000);
  });

  it('answers a complete request at once, and waits for the rest of a partial one', async () => {
    // with a quiet period far beyond the test timeout, only completeness can end the reading
    const patient = await startTestDaemon({ dbUri: database.url, tcp: { quietMs: 600_000 } });
    try {
      expect((await tcpRequest(patient.tcpPort, ['test/hello.conf'])).text).toBe('Hello World!\n');
      expect((await tcpRequest(patient.tcpPort, ['test/hel', 'lo.conf'], { gapMs: 30 })).text).toBe('Hello World!\n');
    } finally {
      await patient.stop();
    }
  });

  it('reads a request line split over two TCP segments', async () => {
    const exchange = await tcpRequest(server.tcpPort, ['test/hel', 'lo.conf cached'], { gapMs: 15 });
    expect(exchange.text).toBe('Hello World!\n');
  });

  it('accepts CRLF line endings', async () => {
    expect((await tcpRequest(server.tcpPort, ['test/hello.conf\r\n'])).text).toBe('Hello World!\n');
    expect((await tcpRequest(server.tcpPort, ['test/hello.conf cached\r\n'])).text).toBe('Hello World!\n');
  });

  it('closes with no bytes on invalid UTF-8, and logs why', async () => {
    const exchange = await tcpRequest(server.tcpPort, [Buffer.from([0x74, 0x2f, 0xff, 0xfe, 0x2e])]);
    expect(exchange.data.length).toBe(0);
    expect(server.logs.matching('invalid UTF-8 in a 5-byte request')).toHaveLength(1);
    await stillServing();
  });

  it.each([
    ['a/b/c', 'cannot split a/b/c'],
    ['asterisk', 'cannot split asterisk'],
  ])('closes with no bytes on %j (%s)', async (line, message) => {
    const exchange = await tcpRequest(server.tcpPort, [line]);
    expect(exchange.data.length).toBe(0);
    expect(server.logs.matching(message).length).toBeGreaterThan(0);
    await stillServing();
  });

  it('never reads outside the cache: ../x cached is refused', async () => {
    const exchange = await tcpRequest(server.tcpPort, ['../x cached']);
    expect(exchange.data.length).toBe(0);
    expect(server.logs.lines.some((line) => line['code'] === 'WCG_ERR_INVALID_FILE_KEY')).toBe(true);
    await stillServing();
  });

  it('answers nothing for a file no driver is configured for', async () => {
    const exchange = await tcpRequest(server.tcpPort, ['asterisk/unknown.conf']);
    expect(exchange.data.length).toBe(0);
    expect(server.logs.lines.some((line) => line['code'] === 'WCG_ERR_UNKNOWN_FILE' && line['key'] === 'asterisk/unknown.conf')).toBe(true);
  });

  it('refuses a request longer than 4 KiB', async () => {
    const exchange = await tcpRequest(server.tcpPort, [`test/${'x'.repeat(5000)}`]);
    expect(exchange.data.length).toBe(0);
    expect(server.logs.matching('request longer than 4096 bytes')).toHaveLength(1);
    await stillServing();
  });

  it('invalidate drops the cached content and answers nothing', async () => {
    await tcpRequest(server.tcpPort, ['test/hello.conf']);
    const cached = join(server.cacheDir, 'test', 'hello.conf');
    expect(existsSync(cached)).toBe(true);
    const exchange = await tcpRequest(server.tcpPort, ['test/hello.conf invalidate cached']);
    expect(exchange.data.length).toBe(0);
    expect(server.logs.matching('invalidated the cache of test/hello.conf').length).toBeGreaterThan(0);
    expect(existsSync(cached)).toBe(false);
  });

  it('closes a connection that never sends after the idle timeout, and serves others meanwhile', async () => {
    const started = performance.now();
    const idle = connect({ port: server.tcpPort, host: '127.0.0.1' });
    const closed = new Promise<number>((resolve) => idle.on('close', () => resolve(performance.now() - started)));
    await stillServing();
    await stillServing();
    const closedAfterMs = await closed;
    expect(closedAfterMs).toBeGreaterThanOrEqual(450);
    expect(closedAfterMs).toBeLessThan(3000);
    expect(server.logs.matching('idle for 500 ms').length).toBeGreaterThan(0);
  });

  it('logs one line per request with key, source, duration and bytes', async () => {
    await tcpRequest(server.tcpPort, ['test/hello.conf']);
    const line = server.logs.lines.filter((entry) => entry['key'] === 'test/hello.conf' && entry['source'] === 'generated').at(-1);
    expect(line).toMatchObject({ interface: 'tcp', bytes: 13, cached: false });
    expect(typeof line?.['durationMs']).toBe('number');
  });

  it('leaves no connection behind', async () => {
    expect(await waitFor(() => server.daemon.tcpConnectionCount === 0, 3000)).toBe(true);
  });
});

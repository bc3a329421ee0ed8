import type { TestDatabase } from '@wazo-confgend/dao/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDaemon, tcpRequest, openTestDatabase, type TestDaemon } from './support/harness.js';

let database: TestDatabase;
let server: TestDaemon;

beforeAll(async () => {
  database = await openTestDatabase();
  if (database) server = await startTestDaemon({ dbUri: database.url });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

describe('concurrency', () => {
  it('a slow file does not delay another file, and concurrent requests for it share one generation', async () => {
    const started = performance.now();
    const slowRequests = Promise.all([
      tcpRequest(server.tcpPort, ['test/slow.conf']),
      tcpRequest(server.tcpPort, ['test/slow.conf']),
      fetch(`${server.baseUrl}/1.0/files/test/slow.conf`).then((response) => response.text()),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const fast = await tcpRequest(server.tcpPort, ['test/hello.conf']);
    const fastDoneMs = performance.now() - started;
    expect(fast.text).toBe('Hello World!\n');
    expect(fastDoneMs).toBeLessThan(1000);

    const [first, second, overHttp] = await slowRequests;
    const slowDoneMs = performance.now() - started;
    // one generation (call 1) answered all three
    expect(first.text).toBe('slow call 1\n');
    expect(second.text).toBe('slow call 1\n');
    expect(overHttp).toBe('slow call 1\n');
    expect(slowDoneMs).toBeGreaterThanOrEqual(1900);
    expect(slowDoneMs).toBeLessThan(3500);

    // the next request is a new generation
    expect((await tcpRequest(server.tcpPort, ['test/slow.conf'])).text).toBe('slow call 2\n');
  });

  it('serves a burst of cached requests concurrently', async () => {
    await tcpRequest(server.tcpPort, ['test/hello.conf']);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 50 }, () => tcpRequest(server.tcpPort, ['test/hello.conf cached'], { halfClose: true })));
    const elapsedMs = performance.now() - started;
    expect(answers.every((answer) => answer.text === 'Hello World!\n')).toBe(true);
    expect(elapsedMs).toBeLessThan(2000);
  });
});

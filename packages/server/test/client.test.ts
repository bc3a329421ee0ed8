import { existsSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { TestDatabase } from '@wazo-confgend/dao/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startTestDaemon, openTestDatabase, type TestDaemon } from './support/harness.js';
import { clientBin, run } from './support/processes.js';

let database: TestDatabase;
let server: TestDaemon;

beforeAll(async () => {
  expect(existsSync(clientBin), `${clientBin} is missing: build the client first (nx build client)`).toBe(true);
  database = await openTestDatabase();
  if (database) server = await startTestDaemon({ dbUri: database.url });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const noConfig = ['-c', '/nonexistent/wazo-confgend-client.conf'];
const confgen = (...args: string[]) => run([...noConfig, '-p', String(server.tcpPort), ...args], clientBin);

describe('wazo-confgen against the daemon', () => {
  it('prints the generated file', async () => {
    expect(await confgen('test/hello.conf')).toMatchObject({ code: 0, stdout: 'Hello World!\n', stderr: '' });
  });

  it('--cached answers from the cache; --invalidate drops it and prints nothing', async () => {
    await confgen('test/slow.conf');
    const cached = await confgen('test/slow.conf', '--cached');
    expect(cached.stdout).toBe('slow call 1\n');
    expect(cached.elapsedMs).toBeLessThan(1500);
    expect(await confgen('test/slow.conf', '--invalidate')).toMatchObject({ code: 0, stdout: '' });
    expect((await confgen('test/slow.conf', '--cached')).stdout).toBe('slow call 2\n');
  });

  it('exits 0 with no output for a file the server does not serve (as upstream)', async () => {
    expect(await confgen('asterisk/unknown.conf')).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 with one line on stderr when the connection is refused', async () => {
    const port = await closedPort();
    const result = await run([...noConfig, '-p', String(port), 'test/hello.conf'], clientBin);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: `wazo-confgen: cannot connect to 127.0.0.1:${port}: connection refused\n` });
  });

  it('gives up on a server that never answers (non-zero exit)', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const result = await run([...noConfig, '-p', String(port), '-t', '1', 'test/hello.conf'], clientBin);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`wazo-confgen: no complete answer from 127.0.0.1:${port} within 1 s\n`);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

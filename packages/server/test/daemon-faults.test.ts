import { readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { TestDatabase } from '@wazo-confgend/dao/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, openTestDatabase, prepareWorkspace, startTestDaemon, tcpRequest, waitFor } from './support/harness.js';
import { started } from './support/processes.js';
import { CAN_MOUNT, CANNOT_MOUNT, mountTinyFilesystem, type TinyFilesystem } from './support/tiny-filesystem.js';

if (!CAN_MOUNT) console.warn(CANNOT_MOUNT);

/** Writes into `dir` until the filesystem refuses (ENOSPC). */
async function fillUp(dir: string): Promise<void> {
  for (let index = 0; ; index += 1) {
    try {
      await writeFile(join(dir, `filler-${index}`), Buffer.alloc(4096));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return;
      throw error;
    }
  }
}

const endlessLoop = {
  packageName: 'acme-endless',
  namespace: 'test.endless.conf',
  source: 'export default class Driver { generate() { for (;;) {} } }\n',
};

/** A daemon process on its own config file, started and waited for. */
async function daemonProcess(config: Record<string, unknown>, dir: string) {
  const tcpPort = await closedPort();
  const configFile = join(dir, `daemon-${tcpPort}.yml`);
  await writeFile(configFile, JSON.stringify({ ...config, listen_port: tcpPort, rest_api: { enabled: false, listen: '127.0.0.1', port: 8670 } }));
  const daemon = started(['--config-file', configFile]);
  const ready = await waitFor(() => daemon.stdout().includes(`listening to TCP port ${tcpPort}`), 15_000);
  return { daemon, tcpPort, ready };
}

describe('the daemon process under faults', () => {
  let database: TestDatabase;
  let workspace: Awaited<ReturnType<typeof prepareWorkspace>>;

  beforeAll(async () => {
    database = await openTestDatabase();
    workspace = await prepareWorkspace({ dbUri: database.url, installed: [endlessLoop], config: { generation_timeout: 60 } });
  });
  afterAll(async () => {
    await rm(workspace.dir, { recursive: true, force: true });
    await database?.drop();
  });

  it('ends on SIGTERM within its drain time while a driver spins in an endless loop', async () => {
    const { daemon, tcpPort, ready } = await daemonProcess(workspace.config, workspace.dir);
    try {
      expect(ready).toBe(true);
      void tcpRequest(tcpPort, ['test/endless.conf']).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await tcpRequest(tcpPort, ['test/hello.conf'])).text).toBe('Hello World!\n');
      const signalled = performance.now();
      daemon.child.kill('SIGTERM');
      const result = await daemon.finished;
      expect(result.code).toBe(0);
      // the drain time (10 s), then the spinning thread is stopped
      expect(performance.now() - signalled).toBeLessThan(15_000);
    } finally {
      daemon.child.kill('SIGKILL');
    }
  });

  it('keeps serving when its log file is on a full disk, and says so once on the console', async () => {
    const { daemon, tcpPort, ready } = await daemonProcess({ ...workspace.config, log_filename: '/dev/full' }, workspace.dir);
    try {
      expect(ready).toBe(true);
      for (let request = 0; request < 20; request += 1) expect((await tcpRequest(tcpPort, ['test/hello.conf'])).text).toBe('Hello World!\n');
      daemon.child.kill('SIGTERM');
      const result = await daemon.finished;
      expect(result.code).toBe(0);
      expect(result.stderr.match(/cannot write the log file/g)).toHaveLength(1);
    } finally {
      daemon.child.kill('SIGKILL');
    }
  });

  it('logs an unknown file or a junk request in one short line, at a bounded rate', async () => {
    const logFilename = join(workspace.dir, 'flood.log');
    const { daemon, tcpPort, ready } = await daemonProcess({ ...workspace.config, log_filename: logFilename }, workspace.dir);
    try {
      expect(ready).toBe(true);
      await Promise.all(Array.from({ length: 200 }, (_, index) => tcpRequest(tcpPort, [`nothing/here-${index}.conf`])));
      await Promise.all(Array.from({ length: 50 }, () => tcpRequest(tcpPort, [Buffer.alloc(4000, 0xff)], { halfClose: true })));
      daemon.child.kill('SIGTERM');
      await daemon.finished;
      const lines = (await readFile(logFilename, 'utf8')).split('\n').filter((line) => /WCG_ERR_(UNKNOWN_FILE|TCP_BAD_REQUEST)/.test(line));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.length).toBeLessThanOrEqual(30);
      expect(lines.every((line) => line.length < 1_000 && !line.includes('"stack"'))).toBe(true);
    } finally {
      daemon.child.kill('SIGKILL');
    }
  });

  it('never prints the password of a db_uri, in logs, errors or check-config', async () => {
    const secret = 's3cr3t-Pass';
    const dbUri = `postgresql://someone@127.0.0.1:${await closedPort()}/asterisk?password=${secret}&application_name=x`;
    const logFilename = join(workspace.dir, 'secret.log');
    const { daemon, ready } = await daemonProcess({ ...workspace.config, db_uri: dbUri, log_filename: logFilename }, workspace.dir);
    try {
      expect(ready).toBe(true);
      await waitFor(() => daemon.stdout().includes('ECONNREFUSED') || daemon.stdout().includes('retrying'), 5_000);
      daemon.child.kill('SIGTERM');
      const result = await daemon.finished;
      for (const output of [result.stdout, result.stderr, await readFile(logFilename, 'utf8')]) expect(output).not.toContain(secret);
    } finally {
      daemon.child.kill('SIGKILL');
    }
    await writeFile(join(workspace.dir, 'secret.yml'), JSON.stringify({ ...workspace.config, db_uri: dbUri }));
    const check = await started(['check-config', '--config-file', join(workspace.dir, 'secret.yml')]).finished;
    expect(check.stdout + check.stderr).toContain('***');
    expect(check.stdout + check.stderr).not.toContain(secret);
  });
});

describe('connections beyond max_connections', () => {
  it('are closed on arrival, and the daemon answers again once they are gone', async () => {
    const database = await openTestDatabase();
    const daemon = await startTestDaemon({ dbUri: database.url, config: { max_connections: 3 }, tcp: { idleTimeoutMs: 30_000 } });
    try {
      const idle = await Promise.all(Array.from({ length: 3 }, () => new Promise<ReturnType<typeof connect>>((resolve) => {
        const socket = connect(daemon.tcpPort, '127.0.0.1', () => resolve(socket));
      })));
      await waitFor(() => daemon.daemon.tcpConnectionCount === 3, 2_000);
      expect((await tcpRequest(daemon.tcpPort, ['test/hello.conf'])).data.length).toBe(0);
      for (const socket of idle) socket.destroy();
      await waitFor(() => daemon.daemon.tcpConnectionCount === 0, 2_000);
      expect((await tcpRequest(daemon.tcpPort, ['test/hello.conf'])).text).toBe('Hello World!\n');
    } finally {
      await daemon.stop();
      await database.drop();
    }
  });
});

describe.skipIf(!CAN_MOUNT)('a cache on a disk that fills up or turns read-only', () => {
  let database: TestDatabase;
  let disk: TinyFilesystem;

  beforeAll(async () => {
    database = await openTestDatabase();
    disk = await mountTinyFilesystem(64);
  });
  afterAll(async () => {
    await disk?.unmount();
    await database?.drop();
  });

  it('serves from memory, never returns pre-invalidation content, and reports the cache as not writable', async () => {
    const daemon = await startTestDaemon({ dbUri: database.url, config: { cache: join(disk.dir, 'cache') } });
    try {
      expect((await tcpRequest(daemon.tcpPort, ['test/flaky.conf'])).text).toBe('good content\n');
      await disk.readOnly();
      // invalidate: the disk copy cannot be removed, the memory copy is gone, the stale disk copy is never served
      expect((await tcpRequest(daemon.tcpPort, ['test/flaky.conf invalidate'])).data.length).toBe(0);
      await writeFile(join(daemon.dir, 'flaky-marker'), '');
      expect((await tcpRequest(daemon.tcpPort, ['test/flaky.conf cached'])).data.length).toBe(0);
      await rm(join(daemon.dir, 'flaky-marker'));
      expect((await tcpRequest(daemon.tcpPort, ['test/flaky.conf cached'])).text).toBe('good content\n');
      const status = (await (await fetch(`${daemon.baseUrl}/1.0/status`)).json()) as { status: string; cache: { writable: boolean } };
      expect(status.cache.writable).toBe(false);
      expect(status.status).toBe('degraded');
      await disk.writable();
      await fillUp(disk.dir);
      // a full disk: the 64 KiB probe fails where a zero-byte one would pass
      const full = (await (await fetch(`${daemon.baseUrl}/1.0/status`)).json()) as { cache: { writable: boolean } };
      expect(full.cache.writable).toBe(false);
      expect((await tcpRequest(daemon.tcpPort, ['test/hello.conf'])).text).toBe('Hello World!\n');
      expect((await tcpRequest(daemon.tcpPort, ['test/hello.conf cached'])).text).toBe('Hello World!\n');
    } finally {
      await disk.writable().catch(() => undefined);
      await daemon.stop();
    }
  });
});

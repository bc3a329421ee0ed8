import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource, query, ReadOnlySessionScope } from '../src/index.js';
import { findPostgresBinaries, startStreamingReplica, type StreamingReplica } from './support/streaming-replica.js';

const binaries = findPostgresBinaries();
const binDir = 'binDir' in binaries ? binaries.binDir : null;
const missing = 'missing' in binaries ? binaries.missing : null;
const inCi = process.env['CI'] === 'true';
if (missing && !inCi) console.warn(`streaming replica tests skipped: ${missing}`);

const SETUP = [
  'CREATE TABLE probe (id integer PRIMARY KEY, label text NOT NULL)',
  "INSERT INTO probe VALUES (1, 'one'), (2, 'two')",
];

async function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });
}

describe.runIf(missing && inCi)('streaming replica harness in CI', () => {
  it('has the PostgreSQL 15 programs', () => {
    expect.fail(missing ?? '');
  });
});

describe.skipIf(!binDir)('a read-only session on a streaming hot standby', () => {
  let replica: StreamingReplica | undefined;
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    replica = await startStreamingReplica({ binDir: binDir ?? '', setupSql: SETUP });
    dataSource = await createDataSource(replica.standbyUrl, { poolSize: 2 }).initialize();
  }, 180_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await replica?.stop();
  }, 60_000);

  it('runs both servers on loopback ports of their own, never the system cluster', () => {
    expect(replica?.primaryPort).not.toBe(5432);
    expect(replica?.standbyPort).not.toBe(5432);
    expect(replica?.standbyPort).not.toBe(replica?.primaryPort);
  });

  it('reads the rows from the standby through ReadOnlySessionScope', async () => {
    const [{ standby } = { standby: false }] = (await replica?.standby<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby')) ?? [];
    expect(standby).toBe(true);
    const scope = new ReadOnlySessionScope(dataSource as DataSource);
    const rows = await scope.run(() => query<{ id: number; label: string }>('SELECT id, label FROM probe ORDER BY id'));
    expect(rows).toEqual([
      { id: 1, label: 'one' },
      { id: 2, label: 'two' },
    ]);
  });

  it('sees a row inserted on the primary once the standby has replayed it', async () => {
    await replica?.primary("INSERT INTO probe VALUES (3, 'three')");
    await replica?.caughtUp();
    const scope = new ReadOnlySessionScope(dataSource as DataSource);
    const rows = await scope.run(() => query<{ label: string }>('SELECT label FROM probe WHERE id = 3'));
    expect(rows).toEqual([{ label: 'three' }]);
  });

  it('is a standby: it refuses writes whatever the session', async () => {
    await expect(replica?.standby("INSERT INTO probe VALUES (4, 'four')")).rejects.toThrow(/read-only transaction/);
  });

  it('stops both servers and removes its directory', async () => {
    if (!replica) throw new Error('no replica');
    await dataSource?.destroy();
    dataSource = undefined;
    await replica.stop();
    expect(existsSync(replica.directory)).toBe(false);
    expect(await portIsOpen(replica.primaryPort)).toBe(false);
    expect(await portIsOpen(replica.standbyPort)).toBe(false);
    await replica.stop();
  }, 60_000);
});

describe.skipIf(!binDir)('a streaming replica that fails to start', () => {
  let parentDir = '';
  let blocker: Server | undefined;

  beforeAll(async () => {
    parentDir = await mkdtemp(join(tmpdir(), 'wcg-replica-parent-'));
    // the servers may run as another user, who must reach the directory made inside
    await chmod(parentDir, 0o755);
  });

  afterAll(async () => {
    blocker?.close();
    await rm(parentDir, { recursive: true, force: true });
  });

  it('stops the primary it started and leaves no directory behind', async () => {
    const taken = createServer();
    blocker = taken;
    const port = await new Promise<number>((resolve) => {
      taken.listen(0, '127.0.0.1', () => {
        const address = taken.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
    const failure = startStreamingReplica({ binDir: binDir ?? '', parentDir, setupSql: SETUP, standbyPort: port });
    await expect(failure).rejects.toThrow(/pg_ctl start/);
    expect(await readdir(parentDir)).toEqual([]);
  }, 180_000);
});

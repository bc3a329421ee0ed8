import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource, currentSession, query, ReadOnlySessionScope } from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';

describe('ReadOnlySessionScope', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({
      schema: { kind: 'empty' },
      sql: ['CREATE TABLE probe (id integer)', 'INSERT INTO probe VALUES (1), (2)'],
    });
    dataSource = await createDataSource(database.url).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('lets work query the database without any set-up', async () => {
    const scope = new ReadOnlySessionScope(dataSource);
    const rows = await scope.run(() => query<{ total: string }>('SELECT count(*) AS total FROM probe'));
    expect(rows).toEqual([{ total: '2' }]);
  });

  it('refuses writes before they reach the database, and the transaction refuses them too', async () => {
    const scope = new ReadOnlySessionScope(dataSource);
    await expect(scope.run(() => query('INSERT INTO probe VALUES (3)'))).rejects.toMatchObject({ code: 'WCG_ERR_READ_ONLY_VIOLATION' });
    const unguarded = await createDataSource(database.url, { poolSize: 1, readOnlyGuard: false }).initialize();
    try {
      await expect(new ReadOnlySessionScope(unguarded).run(() => query('INSERT INTO probe VALUES (3)'))).rejects.toThrow(/read-only transaction/);
    } finally {
      await unguarded.destroy();
    }
    expect(await database.execute('SELECT count(*)::int AS total FROM probe')).toMatchObject({ rows: [{ total: 2 }] });
  });

  it('keeps one snapshot for the whole unit of work', async () => {
    const scope = new ReadOnlySessionScope(dataSource);
    const counts = await scope.run(async () => {
      const before = await query<{ total: number }>('SELECT count(*)::int AS total FROM probe');
      await database.execute('INSERT INTO probe VALUES (10)');
      const after = await query<{ total: number }>('SELECT count(*)::int AS total FROM probe');
      return [before[0]?.total, after[0]?.total];
    });
    expect(counts).toEqual([2, 2]);
    await database.execute('DELETE FROM probe WHERE id = 10');
  });

  it('bounds every statement with the configured timeout', async () => {
    const scope = new ReadOnlySessionScope(dataSource, { statementTimeoutMs: 100 });
    await expect(scope.run(() => query('SELECT pg_sleep(2)'))).rejects.toThrow(/statement timeout/);
  });

  it('keeps concurrent units of work apart', async () => {
    const scope = new ReadOnlySessionScope(dataSource);
    const pids = await Promise.all(
      [1, 2, 3].map(() =>
        scope.run(async () => {
          const first = await query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          await new Promise((resolve) => setTimeout(resolve, 20));
          const second = await query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          return [first[0]?.pid, second[0]?.pid];
        }),
      ),
    );
    for (const [first, second] of pids) expect(first).toBe(second);
    expect(new Set(pids.map(([pid]) => pid)).size).toBe(3);
  });

  it('is reachable through the process-wide key, as a second copy of this package would see it', async () => {
    const scope = new ReadOnlySessionScope(dataSource);
    const storage = (globalThis as Record<symbol, { getStore(): unknown }>)[Symbol.for('wazo-confgend.dao.session')];
    const seen = await scope.run(async () => storage?.getStore() !== undefined);
    expect(seen).toBe(true);
  });

  it('tells a query outside a session what went wrong', async () => {
    await expect(currentSession()).rejects.toMatchObject({ code: 'WCG_ERR_NO_SESSION' });
  });

  it('needs no database for work that runs no query', async () => {
    const scope = new ReadOnlySessionScope(() => {
      throw new Error('the database is down');
    });
    expect(await scope.run(async () => 'made from configuration alone')).toBe('made from configuration alone');
    await expect(scope.run(() => query('SELECT 1'))).rejects.toMatchObject({
      code: 'WCG_ERR_DATABASE_UNAVAILABLE',
      message: expect.stringContaining('the database is down'),
    });
  });

  it('opens one transaction for all the queries of a unit of work', async () => {
    const scope = new ReadOnlySessionScope(dataSource);
    const pids = await scope.run(async () => {
      const results = await Promise.all([1, 2, 3].map(() => query<{ pid: number }>('SELECT pg_backend_pid() AS pid')));
      return results.map(([row]) => row?.pid);
    });
    expect(new Set(pids).size).toBe(1);
  });

  it('reports a database that went away with a stable code', async () => {
    const doomed = await createTestDatabase({ schema: { kind: 'empty' } });
    const doomedSource = await createDataSource(doomed.url, { connectTimeoutMs: 1_000 }).initialize();
    try {
      await doomed.drop();
      const scope = new ReadOnlySessionScope(doomedSource);
      await expect(scope.run(() => query('SELECT 1'))).rejects.toMatchObject({ code: 'WCG_ERR_DATABASE_UNAVAILABLE' });
    } finally {
      await doomedSource.destroy();
    }
  });
});

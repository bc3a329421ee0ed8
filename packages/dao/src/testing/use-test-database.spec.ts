import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../session/session-scope.js';
import { withClient } from '../with-client.js';
import { TEST_DB_URL_VARIABLE } from './test-server.js';
import { useTestDatabase } from './use-test-database.js';

const databaseExists = (name: string) =>
  withClient(process.env[TEST_DB_URL_VARIABLE] ?? '', async (admin) => {
    const result = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  });

describe('useTestDatabase', () => {
  const database = useTestDatabase(
    { beforeAll, afterAll },
    { schema: { kind: 'empty' }, sql: ['CREATE TABLE probe (id integer)', 'INSERT INTO probe VALUES (1), (2)'] },
  );

  it('gives the suite a database loaded as asked, and a data source on it', async () => {
    const [row] = await database.run(() => query<{ name: string; total: number }>('SELECT current_database() AS name, count(*)::int AS total FROM probe'));
    expect(row).toEqual({ name: new URL(database.url).pathname.slice(1), total: 2 });
    expect(database.dataSource.isInitialized).toBe(true);
  });

  it('runs work in a read-only session, and set-up SQL outside it', async () => {
    await expect(database.run(() => query('INSERT INTO probe VALUES (3)'))).rejects.toMatchObject({ code: 'WCG_ERR_READ_ONLY_VIOLATION' });
    await database.execute('INSERT INTO probe VALUES ($1)', [3]);
    expect(await database.run(() => query('SELECT id FROM probe ORDER BY id'))).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });
});

describe('useTestDatabase hooks', () => {
  it('create the database and its data source before the suite, and destroy and drop them after it', async () => {
    const before: Array<() => Promise<void>> = [];
    const after: Array<() => Promise<void>> = [];
    const database = useTestDatabase({ beforeAll: (hook) => before.push(hook), afterAll: (hook) => after.push(hook) }, { schema: { kind: 'empty' } });
    expect(() => database.url).toThrow(/only there between its beforeAll and afterAll/);

    for (const hook of before) await hook();
    const name = new URL(database.url).pathname.slice(1);
    const { dataSource } = database;
    expect(await databaseExists(name)).toBe(true);
    expect(dataSource.isInitialized).toBe(true);

    for (const hook of after) await hook();
    expect(dataSource.isInitialized).toBe(false);
    expect(await databaseExists(name)).toBe(false);
    expect(() => database.dataSource).toThrow(/only there between its beforeAll and afterAll/);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONFIG, DriverRunner, type DiscoveredDriver } from '@wazo-confgend/core';
import { workerSessionModule } from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { TEST_DB_URL_VARIABLE } from '../src/testing/test-server.js';
import { withClient } from '../src/with-client.js';

/** Drivers that try, each in its own way, to keep a connection or to write to the Wazo database. */
function hostileModule(): string {
  const dao = pathToFileURL(join(import.meta.dirname, '../dist/index.js')).href;
  return `
import { currentSession, query } from ${JSON.stringify(dao)};
const rows = async (sql) => (await query(sql)).map((row) => JSON.stringify(row)).join('\\n');
export class Reader { async generate() { return rows('SELECT id FROM greeting ORDER BY id'); } }
export class HangAfterQuery { async generate() { await query('SELECT 1'); return new Promise(() => {}); } }
export class CommitThenInsert { async generate() { await query('COMMIT'); await query("INSERT INTO greeting VALUES (100)"); return 'wrote'; } }
export class ReopenReadWrite { async generate() { await query('ROLLBACK; BEGIN READ WRITE; INSERT INTO greeting VALUES (101); COMMIT'); return 'wrote'; } }
export class BeginReadWrite { async generate() { await query('BEGIN READ WRITE'); return 'began'; } }
export class SetSearchPath { async generate() { await query('SET SESSION search_path = nowhere'); return 'set'; } }
export class SetConfigSession { async generate() { await query("SELECT set_config('search_path', 'nowhere', false)"); await query("SELECT set_config('default_transaction_read_only', 'off', false)"); return 'set'; } }
export class ShowSettings { async generate() { return rows("SELECT current_setting('search_path') AS search_path, current_setting('default_transaction_read_only') AS ro"); } }
export class MultiStatement { async generate() { await query('SELECT 1; INSERT INTO greeting VALUES (102)'); return 'wrote'; } }
export class WritingCte { async generate() { return rows('WITH written AS (INSERT INTO greeting VALUES (103) RETURNING id) SELECT id FROM written'); } }
export class TransactionReadWrite { async generate() { await query("SELECT set_config('transaction_read_only', 'off', true)"); return rows('WITH w AS (INSERT INTO greeting VALUES (104) RETURNING id) SELECT id FROM w'); } }
export class OutsideTheSession { async generate() { const manager = await currentSession(); await manager.connection.query("SELECT set_config('default_transaction_read_only', 'off', false)"); await manager.connection.query('INSERT INTO greeting VALUES (105)'); return 'wrote'; } }
`;
}

describe('generation threads and the Wazo database', () => {
  let database: TestDatabase;
  let dir = '';
  const runners: DriverRunner[] = [];

  const driver = (exportName: string): DiscoveredDriver => ({
    packageName: 'hostile-driver',
    packageVersion: '6.6.6',
    packageDir: dir,
    namespace: 'asterisk.hostile.conf',
    name: exportName,
    modulePath: join(dir, 'hostile.js'),
    exportName,
    events: [],
    origin: 'plugin_dir',
  });
  const runnerWith = (timeoutSeconds = 5, threads = 2): DriverRunner => {
    const config = { ...DEFAULT_CONFIG, generation_timeout: timeoutSeconds, workers: { count: threads, heap_limit_mb: 256 } };
    const runner = new DriverRunner({ config, sessionModule: workerSessionModule() });
    runners.push(runner);
    return runner;
  };
  const run = (runner: DriverRunner, exportName: string) =>
    runner.run({ driver: driver(exportName), file: 'asterisk/hostile.conf', dbUri: database.url }).then(({ bytes }) => bytes.toString());
  const connectionsTo = async (): Promise<number> => {
    const admin = process.env[TEST_DB_URL_VARIABLE] ?? '';
    const result = await withClient(admin, (client) =>
      client.query<{ count: string }>('SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database.name]),
    );
    return Number(result.rows[0]?.count ?? -1);
  };
  const greetingIds = async () => (await database.execute('SELECT id FROM greeting ORDER BY id')).rows.map((row: { id: number }) => row.id);

  beforeAll(async () => {
    database = await createTestDatabase({ schema: { kind: 'empty' }, sql: ['CREATE TABLE greeting (id integer)', 'INSERT INTO greeting VALUES (1), (2)'] });
    dir = await mkdtemp(join(tmpdir(), 'wcg-hostile-'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    await writeFile(join(dir, 'hostile.js'), hostileModule());
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.close({ force: true })));
  });
  afterAll(async () => {
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads in the read-only session without any set-up in the driver', async () => {
    expect(await run(runnerWith(), 'Reader')).toBe('{"id":1}\n{"id":2}');
  });

  it('leaves no connection behind after 50 generations that hung after their first query', async () => {
    // 10 threads, each stopped after 0.3 s and replaced (a new thread boots its database layer): five rounds
    const runner = runnerWith(0.3, 10);
    const hung = await Promise.all(Array.from({ length: 50 }, () => run(runner, 'HangAfterQuery').catch((error: { code: string }) => error.code)));
    expect(new Set(hung)).toEqual(new Set(['WCG_ERR_GENERATION_TIMEOUT']));
    // terminated threads close their sockets: PostgreSQL ends those sessions and rolls back
    let open = await connectionsTo();
    for (let tries = 0; open > 0 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      open = await connectionsTo();
    }
    expect(open).toBe(0);
    expect(await run(runnerWith(), 'Reader')).toBe('{"id":1}\n{"id":2}');
  }, 120_000);

  it('refuses transaction control, SET and several statements, so nothing a driver sends can write', async () => {
    const runner = runnerWith();
    for (const name of ['CommitThenInsert', 'ReopenReadWrite', 'BeginReadWrite', 'SetSearchPath']) {
      await expect(run(runner, name), name).rejects.toMatchObject({ code: 'WCG_ERR_READ_ONLY_VIOLATION' });
    }
    // another pooled connection, reached through TypeORM, is outside the session: refused too
    await expect(run(runner, 'OutsideTheSession')).rejects.toThrow(/refused to send .* queries run only inside generate\(\)/);
    // what passes the guard is still refused by PostgreSQL: one statement per query, a read-only transaction
    await expect(run(runner, 'MultiStatement')).rejects.toThrow(/cannot insert multiple commands into a prepared statement/);
    for (const name of ['WritingCte', 'TransactionReadWrite']) {
      await expect(run(runner, name), name).rejects.toThrow(/read-only transaction|must be set before any query/);
    }
    expect(await greetingIds()).toEqual([1, 2]);
  });

  it('lets no session setting of one generation leak into the next one', async () => {
    const runner = runnerWith(5, 1);
    expect(await run(runner, 'SetConfigSession')).toBe('set');
    expect(await run(runner, 'ShowSettings')).toBe('{"search_path":"\\"$user\\", public","ro":"on"}');
  });
});

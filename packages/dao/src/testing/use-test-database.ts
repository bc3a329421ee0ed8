import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source.js';
import { ReadOnlySessionScope } from '../session/session-scope.js';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './test-database.js';

/**
 * The suite hooks of the test runner, e.g. vitest's `{ beforeAll, afterAll }`. They are handed
 * in rather than imported so that this entry point does not need vitest to load.
 */
export interface SuiteHooks {
  beforeAll(hook: () => Promise<void>): void;
  afterAll(hook: () => Promise<void>): void;
}

export interface UseTestDatabaseOptions extends TestDatabaseOptions {
  /** Connections of the data source (default 2: a test runs one generation at a time). */
  readonly poolSize?: number;
}

/** The database of a suite and a data source on it; usable from its hooks and tests. */
export interface SuiteDatabase {
  readonly url: string;
  /** Initialised by createDataSource, read-only guarded as in the service. */
  readonly dataSource: DataSource;
  /** Runs SQL on the database (outside any read-only scope), for test set-up. */
  execute(sql: string, parameters?: readonly unknown[]): Promise<pg.QueryResult>;
  /** Runs work in a read-only session on the data source, as the service runs a driver. */
  run<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * A throw-away database for the calling suite: created (see createTestDatabase) with a data source
 * on it in `beforeAll`, the data source destroyed and the database dropped in `afterAll`.
 */
export function useTestDatabase(hooks: SuiteHooks, options: UseTestDatabaseOptions = {}): SuiteDatabase {
  const { poolSize = 2, ...databaseOptions } = options;
  let database: TestDatabase | undefined;
  let dataSource: DataSource | undefined;

  hooks.beforeAll(async () => {
    database = await createTestDatabase(databaseOptions);
    dataSource = await createDataSource(database.url, { poolSize }).initialize();
  });
  hooks.afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    dataSource = undefined;
    database = undefined;
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test database is only there between its beforeAll and afterAll hooks');
    return value;
  };
  return {
    get url() {
      return ready(database).url;
    },
    get dataSource() {
      return ready(dataSource);
    },
    execute: (sql, parameters) => ready(database).execute(sql, parameters),
    run: (work) => new ReadOnlySessionScope(ready(dataSource)).run(work),
  };
}

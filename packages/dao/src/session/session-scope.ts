import { AsyncLocalStorage } from 'node:async_hooks';
import type { SessionScope } from '@wazo-confgend/core';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { databaseUnavailable, noSession } from '../errors.js';

/**
 * The scope is kept on a process-wide key, not in a module variable: a driver installed in a
 * plugin directory may load its own copy of this package and must still see the host's transaction.
 */
const SCOPE_KEY = Symbol.for('wazo-confgend.dao.session');

interface ActiveSession {
  manager(): Promise<EntityManager>;
}

function sessionStorage(): AsyncLocalStorage<ActiveSession> {
  const registry = globalThis as { [SCOPE_KEY]?: AsyncLocalStorage<ActiveSession> };
  registry[SCOPE_KEY] ??= new AsyncLocalStorage<ActiveSession>();
  return registry[SCOPE_KEY];
}

/**
 * The entity manager of the current read-only transaction, opened on first use; rejects with
 * WCG_ERR_NO_SESSION outside a session scope and WCG_ERR_DATABASE_UNAVAILABLE when the database
 * cannot be reached.
 */
export async function currentSession(): Promise<EntityManager> {
  const session = sessionStorage().getStore();
  if (!session) throw noSession();
  return session.manager();
}

/** Runs a query of the current transaction and returns its rows. */
export async function query<Row>(sql: string, parameters: readonly unknown[] = []): Promise<Row[]> {
  const manager = await currentSession();
  return (await manager.query(sql, [...parameters])) as Row[];
}

export interface ReadOnlySessionScopeOptions {
  /** Upper bound of every statement of a generation, so a stuck query cannot hold a connection. */
  readonly statementTimeoutMs?: number;
}

/** The data source to open transactions on; may throw when the database is not reachable yet. */
export type DataSourceProvider = DataSource | (() => DataSource);

/**
 * Runs work in one REPEATABLE READ, READ ONLY transaction: every query of a generation sees the
 * same snapshot, and nothing a driver does can write to a database this service does not own.
 * The transaction is opened by the first query, so work that reads nothing (a file made from
 * configuration alone) does not depend on the database being up.
 */
export class ReadOnlySessionScope implements SessionScope {
  readonly #dataSource: DataSourceProvider;
  readonly #statementTimeoutMs: number;

  constructor(dataSource: DataSourceProvider, options: ReadOnlySessionScopeOptions = {}) {
    this.#dataSource = dataSource;
    this.#statementTimeoutMs = options.statementTimeoutMs ?? 60_000;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    let opening: Promise<QueryRunner> | undefined;
    const manager = async () => {
      opening ??= this.#begin();
      return (await opening).manager;
    };
    try {
      return await sessionStorage().run({ manager }, work);
    } finally {
      const runner = await opening?.catch(() => undefined);
      if (runner) {
        await runner.query('ROLLBACK').catch(() => undefined);
        await runner.release().catch(() => undefined);
      }
    }
  }

  async #begin(): Promise<QueryRunner> {
    let runner: QueryRunner | undefined;
    try {
      const dataSource = typeof this.#dataSource === 'function' ? this.#dataSource() : this.#dataSource;
      runner = dataSource.createQueryRunner();
      await runner.connect();
      await runner.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await runner.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.trunc(this.#statementTimeoutMs))}`);
      return runner;
    } catch (error) {
      await runner?.release().catch(() => undefined);
      throw databaseUnavailable(error);
    }
  }
}

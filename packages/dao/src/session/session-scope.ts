import { AsyncLocalStorage } from 'node:async_hooks';
import { isConfgendError, type SessionScope } from '@wazo-confgend/core';
import type pg from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { databaseUnavailable, noSession } from '../errors.js';
import { ReadOnlyGuardClient, trustedQuery } from './read-only-client.js';

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
  try {
    return (await manager.query(sql, [...parameters])) as Row[];
  } catch (error) {
    // TypeORM wraps what the connection refused: the refusal keeps its own code
    const refused = (error as { driverError?: unknown }).driverError;
    throw isConfgendError(refused) ? refused : error;
  }
}

export interface ReadOnlySessionScopeOptions {
  /** Upper bound of every statement of a generation, so a stuck query cannot hold a connection. */
  readonly statementTimeoutMs?: number;
  /** PostgreSQL ends the transaction when it stays idle this long (a driver that hangs between two queries). */
  readonly idleInTransactionTimeoutMs?: number;
}

/** The pg connection under a TypeORM query runner, once connected. */
function connectionOf(runner: QueryRunner): pg.ClientBase {
  return (runner as unknown as { databaseConnection: pg.ClientBase }).databaseConnection;
}

function markSession(client: pg.ClientBase, open: boolean): void {
  if (client instanceof ReadOnlyGuardClient) client.inSession = open;
}

/** Rolls the read-only transaction back and gives the connection back to its pool. */
async function endSession(runner: QueryRunner): Promise<void> {
  const client = connectionOf(runner);
  markSession(client, false);
  await trustedQuery(client, 'ROLLBACK').catch(() => undefined);
  await runner.release().catch(() => undefined);
}

/** The data source to open transactions on; may throw when the database is not reachable yet. */
export type DataSourceProvider = DataSource | (() => DataSource | Promise<DataSource>);

/**
 * Runs work in one REPEATABLE READ, READ ONLY transaction: every query of a generation sees the
 * same snapshot, and nothing a driver does can write to a database this service does not own.
 * The transaction is opened by the first query, so work that reads nothing (a file made from
 * configuration alone) does not depend on the database being up.
 */
export class ReadOnlySessionScope implements SessionScope {
  readonly #dataSource: DataSourceProvider;
  readonly #statementTimeoutMs: number;
  readonly #idleInTransactionTimeoutMs: number;

  constructor(dataSource: DataSourceProvider, options: ReadOnlySessionScopeOptions = {}) {
    this.#dataSource = dataSource;
    this.#statementTimeoutMs = options.statementTimeoutMs ?? 60_000;
    this.#idleInTransactionTimeoutMs = options.idleInTransactionTimeoutMs ?? this.#statementTimeoutMs + 5_000;
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
      // the result is final once the work is done: the rollback need not delay its answer
      if (runner) void endSession(runner);
    }
  }

  async #begin(): Promise<QueryRunner> {
    let runner: QueryRunner | undefined;
    try {
      const dataSource = typeof this.#dataSource === 'function' ? await this.#dataSource() : this.#dataSource;
      runner = dataSource.createQueryRunner();
      await runner.connect();
      const client = connectionOf(runner);
      // one round trip opens the session: a small file's generation is mostly this and its one query
      await trustedQuery(
        client,
        [
          'BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY',
          `SET LOCAL statement_timeout = ${Math.max(1, Math.trunc(this.#statementTimeoutMs))}`,
          `SET LOCAL idle_in_transaction_session_timeout = ${Math.max(1, Math.trunc(this.#idleInTransactionTimeoutMs))}`,
          // the drivers' set-based queries are estimated far above their real size: JIT costs more than it saves
          'SET LOCAL jit = off',
        ].join('; '),
      );
      markSession(client, true);
      return runner;
    } catch (error) {
      await runner?.release().catch(() => undefined);
      throw isConfgendError(error) ? error : databaseUnavailable(error);
    }
  }
}

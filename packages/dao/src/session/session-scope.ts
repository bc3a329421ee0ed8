import { AsyncLocalStorage } from 'node:async_hooks';
import type { SessionScope } from '@wazo-confgend/core';
import type { DataSource, EntityManager } from 'typeorm';
import { databaseUnavailable, noSession } from '../errors.js';

/**
 * The scope is kept on a process-wide key, not in a module variable: a driver installed in a
 * plugin directory may load its own copy of this package and must still see the host's transaction.
 */
const SCOPE_KEY = Symbol.for('wazo-confgend.dao.session');

interface ActiveSession {
  readonly manager: EntityManager;
}

function sessionStorage(): AsyncLocalStorage<ActiveSession> {
  const registry = globalThis as { [SCOPE_KEY]?: AsyncLocalStorage<ActiveSession> };
  registry[SCOPE_KEY] ??= new AsyncLocalStorage<ActiveSession>();
  return registry[SCOPE_KEY];
}

/** The entity manager of the current read-only transaction; throws outside a session scope. */
export function currentSession(): EntityManager {
  const session = sessionStorage().getStore();
  if (!session) throw noSession();
  return session.manager;
}

/** Runs a query of the current transaction and returns its rows. */
export async function query<Row>(sql: string, parameters: readonly unknown[] = []): Promise<Row[]> {
  return (await currentSession().query(sql, [...parameters])) as Row[];
}

export interface ReadOnlySessionScopeOptions {
  /** Upper bound of every statement of a generation, so a stuck query cannot hold a connection. */
  readonly statementTimeoutMs?: number;
}

/**
 * Runs work in one REPEATABLE READ, READ ONLY transaction: every query of a generation sees the
 * same snapshot, and nothing a driver does can write to a database this service does not own.
 */
export class ReadOnlySessionScope implements SessionScope {
  readonly #dataSource: DataSource;
  readonly #statementTimeoutMs: number;

  constructor(dataSource: DataSource, options: ReadOnlySessionScopeOptions = {}) {
    this.#dataSource = dataSource;
    this.#statementTimeoutMs = options.statementTimeoutMs ?? 60_000;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.#dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await runner.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.trunc(this.#statementTimeoutMs))}`);
    } catch (error) {
      await runner.release().catch(() => undefined);
      throw databaseUnavailable(error);
    }
    try {
      return await sessionStorage().run({ manager: runner.manager }, work);
    } finally {
      await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release().catch(() => undefined);
    }
  }
}

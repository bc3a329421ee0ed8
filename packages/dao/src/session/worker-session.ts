import type { CreateWorkerSession, WorkerSession, WorkerSessionOptions } from '@wazo-confgend/core';
import { createDataSource } from '../data-source.js';
import { databaseNotConnected } from '../errors.js';
import { ReadOnlySessionScope } from './session-scope.js';

type DataSource = ReturnType<typeof createDataSource>;

/**
 * The session of one generation thread: a small pool of its own per database URL, opened on the
 * first query of a generation and closed with the thread (so a stopped thread leaves no
 * connection behind, and PostgreSQL rolls back what it had open).
 */
export const createWorkerSession: CreateWorkerSession = (options: WorkerSessionOptions): WorkerSession => {
  const sources = new Map<string, Promise<DataSource>>();
  const connected = (dbUri: string): Promise<DataSource> => {
    let source = sources.get(dbUri);
    if (!source) {
      source = createDataSource(dbUri, { poolSize: options.poolSize }).initialize();
      // a failed connection is retried by the next generation
      source.catch(() => sources.delete(dbUri));
      sources.set(dbUri, source);
    }
    return source;
  };
  return {
    run<T>(dbUri: string | null, work: () => Promise<T>): Promise<T> {
      const scope = new ReadOnlySessionScope(
        async () => {
          if (dbUri === null) throw databaseNotConnected();
          return connected(dbUri);
        },
        { statementTimeoutMs: options.statementTimeoutMs, idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs },
      );
      return scope.run(work);
    },
  };
};

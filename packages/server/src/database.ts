import { ConfgendError, describeError, type SessionScope } from '@wazo-confgend/core';
import { createDataSource, ReadOnlySessionScope } from '@wazo-confgend/dao';
import type { ServerLogger } from './logging.js';

type DataSource = ReturnType<typeof createDataSource>;

export type DatabaseState = 'connecting' | 'up' | 'down';

/** A configured `db_uri`, or the embedded demo database, started on the first connection attempt. */
export type DatabaseSource = { dbUri: string } | { demo: () => Promise<{ dbUri: string; stop: () => Promise<void> }> };

export interface DatabaseOptions {
  logger: ServerLogger;
  /** Waits between connection attempts while the database is unreachable; the last one repeats. */
  retryDelaysMs?: readonly number[];
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000];

function unavailable(message: string, cause?: unknown): ConfgendError {
  return new ConfgendError('WCG_ERR_DATABASE_UNAVAILABLE', message, cause === undefined ? {} : { cause });
}

/** The URL without its password, for logs. */
export function redactDbUri(dbUri: string): string {
  try {
    const url = new URL(dbUri);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<unparsable db_uri>';
  }
}

/**
 * The Wazo database as the service sees it: the session scope drivers run in, and a connection
 * kept in the background. The daemon starts (and serves cached files) even when PostgreSQL is
 * down: until the first connection succeeds, every generation fails with
 * WCG_ERR_DATABASE_UNAVAILABLE, which the service answers from the cache.
 */
export class Database implements SessionScope {
  readonly demo: boolean;
  readonly #source: DatabaseSource;
  #dbUri: string | undefined;
  #stopDemo: (() => Promise<void>) | undefined;
  readonly #logger: ServerLogger;
  readonly #retryDelaysMs: readonly number[];
  #dataSource: DataSource | undefined;
  /** Opens a transaction on the first query only: files made from configuration alone never wait on the database. */
  readonly #scope = new ReadOnlySessionScope(() => this.#connectedDataSource());
  #state: DatabaseState = 'connecting';
  #lastError: string | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #closed = false;
  #attempt: Promise<void> | undefined;

  constructor(source: DatabaseSource, options: DatabaseOptions) {
    this.#source = source;
    this.demo = 'demo' in source;
    this.#dbUri = 'dbUri' in source ? source.dbUri : undefined;
    this.#logger = options.logger;
    this.#retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  get state(): DatabaseState {
    return this.#state;
  }

  get lastError(): string | undefined {
    return this.#lastError;
  }

  /** One connection attempt; throws WCG_ERR_DATABASE_UNAVAILABLE when it fails. */
  async connect(): Promise<void> {
    if (this.#dataSource) return;
    const dbUri = await this.#resolveDbUri();
    const dataSource = createDataSource(dbUri);
    try {
      await dataSource.initialize();
    } catch (error) {
      await dataSource.destroy().catch(() => undefined);
      this.#state = 'down';
      this.#lastError = describeError(error);
      throw unavailable(`cannot connect to ${redactDbUri(dbUri)}: ${this.#lastError}`, error);
    }
    if (this.#closed) {
      await dataSource.destroy().catch(() => undefined);
      return;
    }
    this.#dataSource = dataSource;
    this.#state = 'up';
    this.#lastError = undefined;
    this.#logger.info({ database: redactDbUri(dbUri), demo: this.demo }, 'connected to the database');
  }

  async #resolveDbUri(): Promise<string> {
    if (this.#dbUri !== undefined) return this.#dbUri;
    if (!('demo' in this.#source)) throw new Error('unreachable: a configured database always has a db_uri');
    try {
      const demo = await this.#source.demo();
      this.#dbUri = demo.dbUri;
      this.#stopDemo = demo.stop;
      if (this.#closed) await this.#stopEmbedded();
      return demo.dbUri;
    } catch (error) {
      this.#state = 'down';
      this.#lastError = `the embedded demo database did not start: ${describeError(error)}`;
      throw unavailable(this.#lastError, error);
    }
  }

  async #stopEmbedded(): Promise<void> {
    const stop = this.#stopDemo;
    this.#stopDemo = undefined;
    await stop?.().catch((error: unknown) => this.#logger.warn({ err: error }, `stopping the demo database: ${describeError(error)}`));
  }

  /** Connects in the background, retrying until it succeeds or the database is closed. */
  connectInBackground(attempt = 0): void {
    if (this.#closed || this.#dataSource) return;
    this.#attempt = this.connect().catch((error: ConfgendError) => {
      const delay = this.#retryDelaysMs[Math.min(attempt, this.#retryDelaysMs.length - 1)] ?? 10_000;
      this.#logger.error({ code: error.code, retryInMs: delay }, `${error.message}; retrying in ${delay} ms (cached files are served meanwhile)`);
      if (!this.#closed) this.#retryTimer = setTimeout(() => this.connectInBackground(attempt + 1), delay);
    });
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.#scope.run(work);
  }

  #connectedDataSource(): DataSource {
    if (!this.#dataSource) {
      throw unavailable(
        `the database is not connected yet (${this.#lastError ?? 'connecting'}): check that PostgreSQL is running and that db_uri is right`,
      );
    }
    return this.#dataSource;
  }

  /** A live check (`SELECT 1`), bounded by `timeoutMs`; updates `state`. */
  async check(timeoutMs = 2_000): Promise<DatabaseState> {
    const dataSource = this.#dataSource;
    if (!dataSource) return this.#state;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      this.#state = 'up';
      this.#lastError = undefined;
    } catch (error) {
      this.#state = 'down';
      this.#lastError = describeError(error);
    } finally {
      clearTimeout(timer);
    }
    return this.#state;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    await this.#attempt;
    const dataSource = this.#dataSource;
    this.#dataSource = undefined;
    await dataSource?.destroy().catch((error: unknown) => this.#logger.warn({ err: error }, `closing the database: ${describeError(error)}`));
    await this.#stopEmbedded();
  }
}

import { confgendError, describeError, isConfgendError, type ConfgendError } from '@wazo-confgend/core';
import { createDataSource } from '@wazo-confgend/dao';
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

/** The URL without its password (in the user part or a `password=` parameter), for logs. */
export function redactDbUri(dbUri: string): string {
  try {
    const url = new URL(dbUri);
    if (url.password) url.password = '***';
    for (const name of [...url.searchParams.keys()]) {
      if (name.toLowerCase() === 'password') url.searchParams.set(name, '***');
    }
    return url.toString();
  } catch {
    return '<unparsable db_uri>';
  }
}

/** `text` with every password `dbUri` carries replaced: driver and pg messages may quote the URL. */
export function redactSecrets(text: string, dbUri: string | undefined): string {
  if (dbUri === undefined) return text;
  const secrets = new Set<string>();
  try {
    const url = new URL(dbUri);
    if (url.password) secrets.add(url.password).add(decodeURIComponent(url.password));
    for (const [name, value] of url.searchParams) if (name.toLowerCase() === 'password' && value) secrets.add(value).add(encodeURIComponent(value));
  } catch {
    return text.split(dbUri).join('<db_uri>');
  }
  let redacted = text;
  for (const secret of secrets) redacted = redacted.split(secret).join('***');
  return redacted;
}

/**
 * The Wazo database as the main thread sees it: where it is (generation threads open their own
 * sessions on `uri`) and whether it answers, from one connection kept in the background. The
 * daemon starts (and serves cached files) even when PostgreSQL is down: until the first
 * connection succeeds, `uri` is null and every generation that queries fails with
 * WCG_ERR_DATABASE_UNAVAILABLE, which the service answers from the cache.
 */
export class Database {
  readonly demo: boolean;
  readonly #source: DatabaseSource;
  #dbUri: string | undefined;
  #stopDemo: (() => Promise<void>) | undefined;
  readonly #logger: ServerLogger;
  readonly #retryDelaysMs: readonly number[];
  #dataSource: DataSource | undefined;
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
    // health checks only: no driver code runs in this thread
    const dataSource = createDataSource(dbUri, { poolSize: 1, readOnlyGuard: false });
    try {
      await dataSource.initialize();
    } catch (error) {
      await dataSource.destroy().catch(() => undefined);
      this.#state = 'down';
      this.#lastError = redactSecrets(describeError(error), dbUri);
      throw confgendError('WCG_ERR_DATABASE_UNAVAILABLE', 'cannotConnect', { database: redactDbUri(dbUri), reason: this.#lastError });
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
      const failure = isConfgendError(error)
        ? error
        : confgendError('WCG_ERR_DATABASE_UNAVAILABLE', 'demoDidNotStart', { reason: describeError(error) }, { cause: error });
      this.#lastError = failure.message;
      throw failure;
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

  /** The URL generations connect to, once the database has answered. */
  uri(): string | null {
    return this.#dataSource ? (this.#dbUri ?? null) : null;
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
      this.#lastError = redactSecrets(describeError(error), this.#dbUri);
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

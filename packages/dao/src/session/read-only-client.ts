import pg from 'pg';
import { confgendError, type ConfgendError } from '@wazo-confgend/core';

/**
 * A pg client that lets a driver send only single read statements, and only inside the session
 * the service opened for it. Transaction control (`COMMIT`, `BEGIN READ WRITE`), `SET`, and
 * several statements in one string never reach PostgreSQL, so nothing a driver sends can write
 * or change what a later generation sees. The statements of the session itself go through
 * `trustedQuery`. A SELECT-only database role remains the boundary an operator should set.
 */

const TRUSTED = Symbol('wazo-confgend.trusted-query');
const READ_STATEMENT = /^(select|with|values|table|show)\b/i;

/** Shared by the clients of one data source: TypeORM's own set-up queries run before it is closed. */
export interface ClientGate {
  open: boolean;
}

interface GuardConfig extends pg.ClientConfig {
  readonly readOnlyGate?: ClientGate;
}

function leadingText(sql: string): string {
  // comments and parentheses may precede the first keyword
  return sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|\()*/, '');
}

export function refusalOf(sql: unknown): string | null {
  if (typeof sql !== 'string') return 'a query must be SQL text';
  return READ_STATEMENT.test(leadingText(sql)) ? null : 'only a single SELECT, WITH, VALUES, TABLE or SHOW statement may be sent';
}

function violation(reason: string, sql: unknown): ConfgendError {
  const statement = typeof sql === 'string' ? sql.trim().slice(0, 80) : String(sql);
  return confgendError('WCG_ERR_READ_ONLY_VIOLATION', 'refused', { statement, reason }, { details: { statement } });
}

export class ReadOnlyGuardClient extends pg.Client {
  readonly #gate: ClientGate | undefined;
  /** Set while the service's read-only transaction is open on this connection. */
  inSession = false;

  constructor(config: GuardConfig) {
    super(config);
    this.#gate = config.readOnlyGate;
  }

  // pg's overloads cannot be restated one by one here; the shapes TypeORM uses are handled
  override query(...args: unknown[]): never {
    const [config, values, callback] = args as [unknown, unknown, unknown];
    const query = super.query.bind(this) as (...rest: unknown[]) => never;
    if (typeof config === 'object' && config !== null && TRUSTED in config) return query(config, values, callback);
    if (this.#gate?.open !== false) return query(config, values, callback);
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
    const refusal = this.inSession ? refusalOf(text) : 'queries run only inside generate(), in the session the service opens';
    if (refusal !== null) {
      const error = violation(refusal, text);
      if (typeof callback === 'function') {
        (callback as (error: Error) => void)(error);
        return undefined as never;
      }
      return Promise.reject(error) as never;
    }
    // the extended protocol carries exactly one statement: "SELECT 1; COMMIT" is refused by PostgreSQL
    const single = typeof config === 'string' ? { text: config, values, queryMode: 'extended' } : { ...(config as object), queryMode: 'extended' };
    return query(single, typeof config === 'string' ? callback : values, typeof config === 'string' ? undefined : callback);
  }
}

/** A statement of the session itself (BEGIN, SET LOCAL, ROLLBACK), which the guard lets through. */
export function trustedQuery(client: pg.ClientBase, text: string): Promise<pg.QueryResult> {
  return client.query({ text, [TRUSTED]: true } as pg.QueryConfig);
}

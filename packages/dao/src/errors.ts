import { ConfgendError } from '@wazo-confgend/core';

/** The database could not be reached or a read-only transaction could not be opened. */
export function databaseUnavailable(cause: unknown): ConfgendError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ConfgendError(
    'WCG_ERR_DATABASE_UNAVAILABLE',
    `cannot open a read-only transaction on the Wazo database: ${reason}. ` +
      'Check that PostgreSQL is running and that db_uri in the configuration is right.',
    { cause },
  );
}

export function noSession(): ConfgendError {
  return new ConfgendError(
    'WCG_ERR_NO_SESSION',
    'a database query ran outside a session scope: dao queries only work inside generate(), ' +
      'which wazo-confgend runs in a read-only transaction (in tests, wrap the call in ReadOnlySessionScope.run).',
  );
}

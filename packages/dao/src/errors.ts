import { confgendError, describeError, type ConfgendError } from '@wazo-confgend/core';

/** A read-only transaction could not be opened. */
export function databaseUnavailable(cause: unknown): ConfgendError {
  return confgendError('WCG_ERR_DATABASE_UNAVAILABLE', 'noTransaction', { reason: describeError(cause) }, { cause });
}

/** The service has no connected database to give the session yet (the daemon still connects, or the database is down). */
export function databaseNotConnected(): ConfgendError {
  return confgendError('WCG_ERR_DATABASE_UNAVAILABLE', 'notConnected', {});
}

export function noSession(): ConfgendError {
  return confgendError('WCG_ERR_NO_SESSION', 'outsideScope', {});
}

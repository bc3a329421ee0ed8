import { confgendError, type ConfgendError, type MessageName, type MessageParams } from '@wazo-confgend/core';

type Situation = MessageName<'WCG_ERR_DATABASE_UNAVAILABLE'>;

/** The embedded PostgreSQL cannot be installed, reached, initialised or started: the catalogue's wording of `situation`. */
export function embeddedUnavailable<M extends Situation>(
  situation: M,
  facts: MessageParams<'WCG_ERR_DATABASE_UNAVAILABLE', M>,
  cause?: unknown,
): ConfgendError {
  return confgendError('WCG_ERR_DATABASE_UNAVAILABLE', situation, facts, cause === undefined ? {} : { cause });
}

export function hasCode(error: unknown, ...codes: readonly string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes(String((error as { code?: unknown }).code));
}

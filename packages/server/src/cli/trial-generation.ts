import { ConfgendError, describeError, isConfgendError, type Driver, type SessionScope } from '@wazo-confgend/core';
import type { Problem } from '../daemon/driver-report.js';

/** What one trial generation gave: the size of a good result, or why there is none. */
export type TrialResult = { ok: true; bytes: number } | { ok: false; problem: Problem };

/**
 * Runs `generate()` once in a read-only session, bounded by `timeoutSeconds`, as the service
 * would, and keeps nothing: `check-config` uses it to find a driver that constructs but cannot
 * produce its file (a missing template, a query the database refuses, an empty result).
 */
export async function trialGeneration(driver: Driver, session: SessionScope, timeoutSeconds: number): Promise<TrialResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ConfgendError('WCG_ERR_GENERATION_TIMEOUT', `no result within generation_timeout (${timeoutSeconds} s)`)),
      timeoutSeconds * 1000,
    );
  });
  try {
    const result: unknown = await Promise.race([session.run(async () => driver.generate()), timeout]);
    if (typeof result === 'string' && result !== '') return { ok: true, bytes: Buffer.byteLength(result) };
    return {
      ok: false,
      problem: { code: 'WCG_ERR_GENERATION_EMPTY', message: 'the driver generated nothing: the service would serve the last good content, if any' },
    };
  } catch (error) {
    const problem = isConfgendError(error)
      ? { code: error.code, message: error.message }
      : { code: 'WCG_ERR_GENERATION_FAILED', message: describeError(error) };
    return { ok: false, problem };
  } finally {
    clearTimeout(timer);
  }
}

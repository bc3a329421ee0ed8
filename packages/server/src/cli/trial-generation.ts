import { isConfgendError, describeError, type DiscoveredDriver, type DriverRunner } from '@wazo-confgend/core';
import type { Problem } from '../daemon/driver-report.js';

/** What one trial generation gave: the size of a good result, or why there is none. */
export type TrialResult = { ok: true; bytes: number } | { ok: false; problem: Problem };

function problemOf(error: unknown): Problem {
  return isConfgendError(error) ? { code: error.code, message: error.message } : { code: 'WCG_ERR_GENERATION_FAILED', message: describeError(error) };
}

/**
 * One generation through the daemon's own runner (same threads, timeout and errors), keeping
 * nothing: `check-config` uses it to find a driver that constructs but cannot produce its file
 * (a missing template, a query the database refuses, an empty result).
 */
export async function trialGeneration(runner: DriverRunner, driver: DiscoveredDriver, dbUri: string | null): Promise<TrialResult> {
  try {
    const { bytes } = await runner.run({ driver, file: driver.namespace, dbUri });
    return { ok: true, bytes: bytes.length };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

/** Imports and constructs the driver in a generation thread, as the daemon would. */
export async function trialConstruction(runner: DriverRunner, driver: DiscoveredDriver): Promise<Problem | null> {
  try {
    await runner.construct({ driver, file: driver.namespace });
    return null;
  } catch (error) {
    return problemOf(error);
  }
}

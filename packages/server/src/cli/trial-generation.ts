import { problemOf, type DiscoveredDriver, type DriverRunner, type Problem } from '@wazo-confgend/core';

/** What one trial generation gave: the size of a good result, or why there is none. */
export type TrialResult = { ok: true; bytes: number } | { ok: false; problem: Problem };

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
    return { ok: false, problem: problemOf(error, 'WCG_ERR_GENERATION_FAILED') };
  }
}

/** Imports and constructs the driver in a generation thread, as the daemon would. */
export async function trialConstruction(runner: DriverRunner, driver: DiscoveredDriver): Promise<Problem | null> {
  try {
    await runner.construct({ driver, file: driver.namespace });
    return null;
  } catch (error) {
    return problemOf(error, 'WCG_ERR_GENERATION_FAILED');
  }
}

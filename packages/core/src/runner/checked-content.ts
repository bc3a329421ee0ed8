import type { Driver, DriverConstructor, GenerateResult } from '../driver.js';
import type { ConfgendConfig } from '../config/config-types.js';
import { ConfgendError, describeError, isConfgendError } from '../errors.js';
import type { DiscoveredDriver } from '../loader/discover.js';

function label(driver: DiscoveredDriver): string {
  return `${driver.packageName}@${driver.packageVersion}`;
}

function driverDetails(driver: DiscoveredDriver): Record<string, unknown> {
  return { namespace: driver.namespace, name: driver.name, packageName: driver.packageName, packageVersion: driver.packageVersion };
}

/** `new DriverClass(config)`, checked to have a `generate()` method; failures name the package. */
export function constructDriver(DriverClass: DriverConstructor, config: ConfgendConfig, driver: DiscoveredDriver): Driver {
  let instance: Driver;
  try {
    instance = new DriverClass(config);
  } catch (error) {
    throw new ConfgendError(
      'WCG_ERR_DRIVER_CONSTRUCT',
      `${label(driver)}: constructing driver "${driver.name}" for ${driver.namespace} failed: ${describeError(error)}`,
      { cause: error, details: driverDetails(driver) },
    );
  }
  if (typeof (instance as Partial<Driver> | null)?.generate !== 'function') {
    throw new ConfgendError('WCG_ERR_DRIVER_INVALID', `${label(driver)}: driver "${driver.name}" for ${driver.namespace} has no generate() method`, {
      details: driverDetails(driver),
    });
  }
  return instance;
}

/** Runs `generate()` once; anything but a non-empty string is a failure that names the driver. */
export async function generateContent(instance: Driver, driver: DiscoveredDriver, file: string): Promise<string> {
  let result: GenerateResult | unknown;
  try {
    result = await instance.generate();
  } catch (error) {
    if (isConfgendError(error)) throw error;
    throw new ConfgendError('WCG_ERR_GENERATION_FAILED', `${label(driver)}: driver for ${driver.namespace} failed to generate ${file}: ${describeError(error)}`, {
      cause: error,
      details: driverDetails(driver),
    });
  }
  if (typeof result === 'string' && result !== '') return result;
  const returned = result === '' ? 'an empty string' : result === null || result === undefined ? String(result) : typeof result;
  throw new ConfgendError('WCG_ERR_GENERATION_EMPTY', `${label(driver)}: driver for ${driver.namespace} returned ${returned} for ${file}: nothing to serve`, {
    details: { ...driverDetails(driver), returned },
  });
}

import type { Driver, DriverConstructor, GenerateResult } from '../driver.js';
import type { ConfgendConfig } from '../config/config-types.js';
import { describeError, isConfgendError, confgendError } from '../errors.js';
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
    throw confgendError(
      'WCG_ERR_DRIVER_CONSTRUCT',
      'constructorThrew',
      { driver: label(driver), name: driver.name, namespace: driver.namespace, reason: describeError(error) },
      { cause: error, details: driverDetails(driver) },
    );
  }
  if (typeof (instance as Partial<Driver> | null)?.generate !== 'function') {
    throw confgendError('WCG_ERR_DRIVER_INVALID', 'noGenerate', { driver: label(driver), name: driver.name, namespace: driver.namespace }, {
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
    throw confgendError('WCG_ERR_GENERATION_FAILED', 'driverFailed', { driver: label(driver), file, reason: describeError(error) }, {
      cause: error,
      details: driverDetails(driver),
    });
  }
  if (typeof result === 'string' && result !== '') return result;
  const returned = result === '' ? 'an empty string' : result === null || result === undefined ? String(result) : typeof result;
  throw confgendError('WCG_ERR_GENERATION_EMPTY', 'returnedNothing', { driver: label(driver), namespace: driver.namespace, returned, file }, {
    details: { ...driverDetails(driver), returned },
  });
}

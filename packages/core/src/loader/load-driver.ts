import { access } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { DriverConstructor } from '../driver.js';
import { describeError, confgendError } from '../errors.js';
import type { ConfgendError } from '../errors.js';
import type { DiscoveredDriver } from './discover.js';

function label(driver: DiscoveredDriver): string {
  return `${driver.packageName}@${driver.packageVersion}`;
}

function details(driver: DiscoveredDriver, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    packageName: driver.packageName,
    packageVersion: driver.packageVersion,
    namespace: driver.namespace,
    name: driver.name,
    module: driver.modulePath,
    export: driver.exportName,
    ...extra,
  };
}

/** The specifier Node could not find, from its "Cannot find package 'x'" / "Cannot find module 'x'" messages. */
function missingSpecifier(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined;
  return /Cannot find (?:package|module) '([^']+)'/.exec(describeError(error))?.[1] ?? 'unknown';
}

function loadError(driver: DiscoveredDriver, error: unknown): ConfgendError {
  const missing = missingSpecifier(error);
  if (missing !== undefined) {
    return confgendError(
      'WCG_ERR_DRIVER_LOAD',
      'dependencyMissing',
      { driver: label(driver), modulePath: driver.modulePath, missing, packageName: driver.packageName },
      { cause: error, details: details(driver, { reason: 'dependency-missing', missing }) },
    );
  }
  return confgendError(
    'WCG_ERR_DRIVER_LOAD',
    'importFailed',
    { driver: label(driver), modulePath: driver.modulePath, reason: describeError(error) },
    { cause: error, details: details(driver, { reason: 'import-failed' }) },
  );
}

function isConstructor(value: unknown): value is DriverConstructor {
  return typeof value === 'function' && typeof (value as { prototype?: unknown }).prototype === 'object';
}

/** Imports a driver module and returns its driver class, checked to be constructible. */
export async function importDriver(driver: DiscoveredDriver): Promise<DriverConstructor> {
  try {
    await access(driver.modulePath);
  } catch (error) {
    throw confgendError(
      'WCG_ERR_DRIVER_LOAD',
      'moduleMissing',
      { driver: label(driver), modulePath: driver.modulePath },
      { cause: error, details: details(driver, { reason: 'module-missing' }) },
    );
  }
  let namespaceObject: Record<string, unknown>;
  try {
    namespaceObject = (await import(pathToFileURL(driver.modulePath).href)) as Record<string, unknown>;
  } catch (error) {
    throw loadError(driver, error);
  }
  const exported = namespaceObject[driver.exportName];
  if (exported === undefined) {
    throw confgendError(
      'WCG_ERR_DRIVER_INVALID',
      'noExport',
      { driver: label(driver), modulePath: driver.modulePath, exportName: driver.exportName, available: Object.keys(namespaceObject).sort() },
      { details: details(driver, { available: Object.keys(namespaceObject) }) },
    );
  }
  if (!isConstructor(exported)) {
    throw confgendError(
      'WCG_ERR_DRIVER_INVALID',
      'notAClass',
      { driver: label(driver), modulePath: driver.modulePath, exportName: driver.exportName, got: typeof exported },
      { details: details(driver) },
    );
  }
  return exported;
}

import { access } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { DriverConstructor } from '../driver.js';
import { ConfgendError, describeError } from '../errors.js';
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
    return new ConfgendError(
      'WCG_ERR_DRIVER_LOAD',
      `${label(driver)}: a dependency of the driver module ${driver.modulePath} is missing: ${missing} (reinstall ${driver.packageName} with its dependencies)`,
      { cause: error, details: details(driver, { reason: 'dependency-missing', missing }) },
    );
  }
  return new ConfgendError('WCG_ERR_DRIVER_LOAD', `${label(driver)}: importing ${driver.modulePath} failed: ${describeError(error)}`, {
    cause: error,
    details: details(driver, { reason: 'import-failed' }),
  });
}

function isConstructor(value: unknown): value is DriverConstructor {
  return typeof value === 'function' && typeof (value as { prototype?: unknown }).prototype === 'object';
}

/** Imports a driver module and returns its driver class, checked to be constructible. */
export async function importDriver(driver: DiscoveredDriver): Promise<DriverConstructor> {
  try {
    await access(driver.modulePath);
  } catch (error) {
    throw new ConfgendError(
      'WCG_ERR_DRIVER_LOAD',
      `${label(driver)}: the driver module file ${driver.modulePath} is missing (is the package built and fully installed?)`,
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
    const exportNames = Object.keys(namespaceObject).sort();
    const available = exportNames.join(', ') || 'none';
    throw new ConfgendError(
      'WCG_ERR_DRIVER_INVALID',
      `${label(driver)}: ${driver.modulePath} has no export "${driver.exportName}" (exports: ${available})`,
      { details: details(driver, { available: Object.keys(namespaceObject) }) },
    );
  }
  if (!isConstructor(exported)) {
    throw new ConfgendError(
      'WCG_ERR_DRIVER_INVALID',
      `${label(driver)}: export "${driver.exportName}" of ${driver.modulePath} is ${typeof exported}, not a driver class (a class with a constructor(config) and a generate() method)`,
      { details: details(driver) },
    );
  }
  return exported;
}

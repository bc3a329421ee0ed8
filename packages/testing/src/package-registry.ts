import { DriverRegistry } from '@wazo-confgend/core';
import { join } from 'node:path';

/**
 * The drivers of one package directory, found and loaded by core's own registry. No plugin
 * directory and no host package: a path under node_modules that never holds a package.json
 * keeps those two sources empty.
 */
export function registryOfPackage(packageDir: string): Promise<DriverRegistry> {
  const nowhere = join(packageDir, 'node_modules', '.wazo-confgend-testing-none');
  return DriverRegistry.discover({ pluginPaths: [packageDir], pluginDir: nowhere, hostPackageDir: nowhere });
}

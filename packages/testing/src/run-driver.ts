import { ConfgendError, normaliseNamespace } from '@wazo-confgend/core';
import type { ConfgendConfig, DiscoveredDriver, DriverConstructor } from '@wazo-confgend/core';
import { createDataSource } from '@wazo-confgend/dao';
import { resolve } from 'node:path';
import { registryOfPackage } from './package-registry.js';
import { driverConfig, generateWithDriver } from './parity.js';

export interface RunDriverOptions {
  /** A PostgreSQL URL, e.g. `(await createTestDatabase()).url`. */
  readonly databaseUrl: string;
  /** Merged over the service defaults, then handed to the driver's constructor (as `conf.d` values are). */
  readonly config?: Record<string, unknown>;
  /** For a namespace: the driver package to look in (default: the current directory). */
  readonly packageDir?: string;
  /** For a namespace: which driver, when the package has several for it (default: `config.plugins[namespace]`). */
  readonly name?: string;
}

/**
 * Runs a driver the way the service does: built once with the merged configuration, then
 * `generate()` inside a read-only transaction on `databaseUrl`. `target` is a driver class, or a
 * namespace (`asterisk.pjsip.conf`) looked up in the manifest of `packageDir`.
 */
export async function runDriver(target: string | DriverConstructor, options: RunDriverOptions): Promise<string> {
  const config = driverConfig(options.config);
  const DriverClass = typeof target === 'string' ? await loadByNamespace(target, config, options) : target;
  const dataSource = await createDataSource(options.databaseUrl, { poolSize: 1 }).initialize();
  try {
    const result = await generateWithDriver(DriverClass, config, dataSource);
    if (typeof result === 'string' && result !== '') return result;
    throw new ConfgendError(
      'WCG_ERR_GENERATION_EMPTY',
      `the driver returned ${result === '' ? 'an empty string' : String(result)}: the service would treat this as a failed generation`,
      { details: { returned: result } },
    );
  } finally {
    await dataSource.destroy();
  }
}

async function loadByNamespace(namespace: string, config: ConfgendConfig, options: RunDriverOptions): Promise<DriverConstructor> {
  const packageDir = resolve(options.packageDir ?? process.cwd());
  const registry = await registryOfPackage(packageDir);
  const wanted = normaliseNamespace(namespace);
  const candidates = registry.drivers().filter((driver) => driver.namespace === wanted);
  const requested = options.name ?? config.plugins[wanted];
  const chosen = pick(candidates, requested);
  if (!chosen) {
    const installed = candidates.map((driver) => `${driver.name} (${driver.packageName})`).join(', ') || 'none';
    const problems = registry.problems.map((problem) => `\n  - ${problem.message}`).join('');
    throw new ConfgendError(
      'WCG_ERR_DRIVER_NOT_FOUND',
      `no driver ${requested === undefined ? '' : `"${requested}" `}for ${wanted} in ${packageDir} ` +
        `(found: ${installed}; pass options.name when there are several)${problems}`,
      { details: { namespace: wanted, requested, packageDir } },
    );
  }
  return registry.load(chosen);
}

function pick(candidates: readonly DiscoveredDriver[], requested: string | undefined): DiscoveredDriver | undefined {
  if (requested !== undefined) return candidates.find((driver) => driver.name === requested);
  return candidates.length === 1 ? candidates[0] : undefined;
}

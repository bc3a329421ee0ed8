import { confgendError, DriverRunner, normaliseNamespace } from '@wazo-confgend/core';
import type { ConfgendConfig, DiscoveredDriver, DriverConstructor } from '@wazo-confgend/core';
import { createDataSource, workerSessionModule } from '@wazo-confgend/dao';
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
 * Runs a driver and returns its file. `target` is a namespace (`asterisk.pjsip.conf`) looked up
 * in the manifest of `packageDir`: the built package then runs exactly as in the daemon, through
 * the daemon's runner (a generation thread, `generation_timeout`, the read-only session, the same
 * errors). A driver class (e.g. imported from TypeScript sources) runs in this thread instead,
 * with the same contract checks and session but no thread to stop it.
 */
export async function runDriver(target: string | DriverConstructor, options: RunDriverOptions): Promise<string> {
  const config = driverConfig(options.config);
  if (typeof target === 'string') {
    const driver = await findByNamespace(target, config, options);
    const runner = new DriverRunner({ config, sessionModule: workerSessionModule() });
    try {
      return (await runner.run({ driver, file: driver.namespace, dbUri: options.databaseUrl })).bytes.toString('utf8');
    } finally {
      await runner.close({ force: true });
    }
  }
  const dataSource = await createDataSource(options.databaseUrl, { poolSize: 1 }).initialize();
  try {
    return await generateWithDriver(target, config, dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function findByNamespace(namespace: string, config: ConfgendConfig, options: RunDriverOptions): Promise<DiscoveredDriver> {
  const packageDir = resolve(options.packageDir ?? process.cwd());
  const registry = await registryOfPackage(packageDir);
  const wanted = normaliseNamespace(namespace);
  const candidates = registry.drivers().filter((driver) => driver.namespace === wanted);
  const requested = options.name ?? config.plugins[wanted];
  const chosen = pick(candidates, requested);
  if (!chosen) {
    const found = candidates.map((driver) => `${driver.name} (${driver.packageName})`).join(', ') || 'none';
    const problems = registry.problems.map((problem) => `\n  - ${problem.message}`).join('');
    throw confgendError('WCG_ERR_DRIVER_NOT_FOUND', 'notInPackage', { requested, namespace: wanted, packageDir, found, problems }, {
      details: { namespace: wanted, requested, packageDir },
    });
  }
  return chosen;
}

function pick(candidates: readonly DiscoveredDriver[], requested: string | undefined): DiscoveredDriver | undefined {
  if (requested !== undefined) return candidates.find((driver) => driver.name === requested);
  return candidates.length === 1 ? candidates[0] : undefined;
}

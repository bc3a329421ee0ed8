import { ConfgendService, DriverRegistry, FileCache, type ConfgendConfig, type LoadedConfig, type SessionScope } from '@wazo-confgend/core';
import type { ServerLogger } from '../logging.js';
import { countErrorCodes } from '../metrics/count-error-codes.js';
import type { ConfgendMetrics } from '../metrics/confgend-metrics.js';
import { serverPackageDir } from '../package-dir.js';

/** Everything that depends on one configuration; a reload builds a new one and swaps it in. */
export interface Runtime {
  loaded: LoadedConfig;
  config: ConfgendConfig;
  registry: DriverRegistry;
  cache: FileCache;
  service: ConfgendService;
}

export function discoverDrivers(config: ConfgendConfig): Promise<DriverRegistry> {
  return DriverRegistry.discover({ pluginPaths: config.plugin_paths, pluginDir: config.plugin_dir, hostPackageDir: serverPackageDir() });
}

export async function buildRuntime(
  loaded: LoadedConfig,
  dependencies: { session: SessionScope; logger: ServerLogger; metrics: ConfgendMetrics },
): Promise<Runtime> {
  const { config } = loaded;
  const { logger, metrics } = dependencies;
  const registry = await discoverDrivers(config);
  for (const problem of registry.problems) {
    logger.error({ code: problem.code }, problem.message);
    metrics.recordError(problem.code);
  }
  for (const warning of registry.warnings) logger.warn({ code: warning.code }, warning.message);
  const cache = new FileCache(config.cache);
  const service = new ConfgendService({
    config,
    registry,
    cache,
    session: dependencies.session,
    logger: countErrorCodes(logger, metrics),
    onGeneration: (event) => metrics.recordGeneration(event),
  });
  return { loaded, config, registry, cache, service };
}

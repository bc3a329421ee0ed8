import { ConfgendService, ContentStore, DriverRegistry, DriverRunner, type ConfgendConfig, type GenerationEvent, type LoadedConfig, type Logger } from '@wazo-confgend/core';
import { workerSessionModule } from '@wazo-confgend/dao';
import type { ServerLogger } from '../logging.js';
import { countErrorCodes } from '../metrics/count-error-codes.js';
import type { ConfgendMetrics } from '../metrics/confgend-metrics.js';
import { serverPackageDir } from '../package-dir.js';
/** The structural check, run in the generation threads (built JavaScript, from sources and build alike). */
const INSPECTOR_MODULE = new URL('../../dist/inspect/asterisk-inspector.js', import.meta.url).href;

/** Everything that depends on one configuration; a reload builds a new one and swaps it in. */
export interface Runtime {
  loaded: LoadedConfig;
  config: ConfgendConfig;
  registry: DriverRegistry;
  store: ContentStore;
  runner: DriverRunner;
  service: ConfgendService;
}

export interface RuntimeDependencies {
  logger: ServerLogger;
  metrics: ConfgendMetrics;
  /** The database generations open their session on; null while none is reachable. */
  databaseUri: () => string | null;
  /** The store of the running configuration: kept across a reload when the cache directory is the same. */
  previousStore?: ContentStore;
  /** Told of every generation, after the metrics. */
  onGeneration?: (event: GenerationEvent) => void;
}

export function findInstalledDrivers(config: ConfgendConfig): Promise<DriverRegistry> {
  return DriverRegistry.discover({ pluginPaths: config.plugin_paths, pluginDir: config.plugin_dir, hostPackageDir: serverPackageDir() });
}

/** A runner whose threads run this configuration's drivers, in read-only sessions on the Wazo database. */
export function createDriverRunner(config: ConfgendConfig, logger: Logger): DriverRunner {
  return new DriverRunner({ config, sessionModule: workerSessionModule(), inspectorModule: INSPECTOR_MODULE, logger });
}

export async function buildRuntime(loaded: LoadedConfig, dependencies: RuntimeDependencies): Promise<Runtime> {
  const { config } = loaded;
  const { logger, metrics } = dependencies;
  const registry = await findInstalledDrivers(config);
  for (const problem of registry.problems) {
    logger.error({ code: problem.code }, problem.message);
    metrics.recordError(problem.code);
  }
  for (const warning of registry.warnings) logger.warn({ code: warning.code }, warning.message);
  const countingLogger = countErrorCodes(logger, metrics);
  const previous = dependencies.previousStore;
  const store = previous && previous.directory === config.cache ? previous : new ContentStore(config.cache, { logger: countingLogger, keepVersions: config.versions_kept });
  const runner = createDriverRunner(config, countingLogger);
  await runner.warmUp();
  const service = new ConfgendService({
    config,
    registry,
    store,
    runner,
    databaseUri: dependencies.databaseUri,
    logger: countingLogger,
    onGeneration: (event) => {
      metrics.recordGeneration(event);
      dependencies.onGeneration?.(event);
    },
  });
  return { loaded, config, registry, store, runner, service };
}

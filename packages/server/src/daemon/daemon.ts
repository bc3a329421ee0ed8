import type { AddressInfo } from 'node:net';
import { ConfigError, describeError, loadConfig, type ConfgendConfig, type ConfgendError } from '@wazo-confgend/core';
import type { FastifyInstance } from 'fastify';
import { Database } from '../database.js';
import { demoDatabaseSource } from '../demo-source.js';
import { buildHttpApp } from '../http/app.js';
import { createLogging, type Logging, type LoggingOptions, type ServerLogger } from '../logging.js';
import { ConfgendMetrics } from '../metrics/confgend-metrics.js';
import { serverVersion } from '../package-dir.js';
import { FileRequests } from '../serving/file-requests.js';
import { LegacyServer } from '../tcp/legacy-server.js';
import { DaemonBus } from './daemon-bus.js';
import { buildRuntime, type Runtime } from './runtime.js';
import { readBusSettings } from '../bus/index.js';

export interface DaemonOptions {
  configFile: string;
  /** Console streams of the logs (tests capture them). */
  console?: LoggingOptions['console'];
  /** Listener overrides, e.g. port 0 in tests (the configuration only accepts 1-65535). */
  listen?: { tcpPort?: number; httpPort?: number };
  tcp?: { idleTimeoutMs?: number; quietMs?: number };
  databaseRetryDelaysMs?: readonly number[];
  demoDataDir?: string;
  /** How long a stop waits for requests in progress before it stops their generations. */
  drainMs?: number;
}

const DEFAULT_DRAIN_MS = 10_000;

export type ReloadResult = { ok: true } | { ok: false; problems: readonly ConfgendError[] };

/** The configuration in use; request handlers read it at each request, a reload replaces it. */
interface RuntimeHolder {
  current: Runtime;
}

/**
 * The running service: configuration, logs, database, the legacy TCP listener and the HTTP API.
 * `start` throws a ConfigError when the configuration is broken (nothing is started then).
 */
export class Daemon {
  #stopping: Promise<void> | undefined;

  private constructor(
    private readonly holder: RuntimeHolder,
    readonly logging: Logging,
    readonly database: Database,
    readonly metrics: ConfgendMetrics,
    readonly startedAt: number,
    private readonly options: DaemonOptions,
    private readonly legacy: LegacyServer,
    private readonly http: FastifyInstance | null,
    readonly tcpAddress: AddressInfo,
    readonly httpAddress: AddressInfo | null,
    readonly bus: DaemonBus,
  ) {}

  get logger(): ServerLogger {
    return this.logging.logger;
  }

  get runtime(): Runtime {
    return this.holder.current;
  }

  /** Legacy TCP connections open right now (waiting, being answered or closing). */
  get tcpConnectionCount(): number {
    return this.legacy.connectionCount;
  }

  static async start(options: DaemonOptions): Promise<Daemon> {
    const startedAt = Date.now();
    const loaded = await loadConfig(options.configFile);
    const { config } = loaded;
    const logging = createLogging({
      level: config.log_level,
      debug: config.debug,
      logFilename: config.log_filename,
      ...(options.console ? { console: options.console } : {}),
    });
    const { logger } = logging;
    logger.info({ files: loaded.files }, `starting wazo-confgend ${serverVersion()} with ${options.configFile}`);
    for (const warning of loaded.warnings) logger.warn(warning);

    const metrics = new ConfgendMetrics();
    const database = openDatabase(config, logger, options);
    let holder: RuntimeHolder;
    let bus: DaemonBus;
    try {
      holder = { current: await buildRuntime(loaded, { logger, metrics, databaseUri: () => database.uri(), onGeneration: (event) => bus.onGeneration(event) }) };
      bus = new DaemonBus(holder.current, {
        logger: logger.child({ interface: 'bus' }),
        metrics,
        regenerate: (file) => regenerateInBackground(holder, file),
      });
    } catch (error) {
      await database.close();
      throw error;
    }
    const files = new FileRequests(() => holder.current.service, metrics, logger, () => bus);
    const legacy = new LegacyServer({
      logger: logger.child({ interface: 'tcp' }),
      handle: async (request, peer) => {
        const served = await files.serve({
          resource: request.resource,
          filename: request.filename,
          options: { cached: request.cached, invalidate: request.invalidate },
          interface: 'tcp',
          peer,
        });
        if (served.status !== 'content') return null;
        // what Asterisk took is where `diff` starts from
        holder.current.service.noteServedOverTcp({ resource: request.resource, filename: request.filename }, served.content);
        return served.content;
      },
      isComplete: (request) => files.isKnown(request.resource, request.filename),
      onRejected: () => metrics.recordRequest('tcp', 'rejected'),
      maxConnections: config.max_connections,
      ...(options.tcp?.idleTimeoutMs !== undefined ? { idleTimeoutMs: options.tcp.idleTimeoutMs } : {}),
      ...(options.tcp?.quietMs !== undefined ? { quietMs: options.tcp.quietMs } : {}),
    });
    let http: FastifyInstance | null = null;
    let tcpAddress: AddressInfo;
    let httpAddress: AddressInfo | null = null;
    try {
      tcpAddress = await legacy.listen(options.listen?.tcpPort ?? config.listen_port, config.listen_address);
      logger.info(`listening to TCP port ${tcpAddress.port} on address ${tcpAddress.address}`);
      if (config.listen_address === '') logger.warn("listen_address is '*': the legacy protocol answers on every interface");
      if (config.rest_api.enabled) {
        http = buildHttpApp({ files, runtime: () => holder.current, database, metrics, logger, version: serverVersion(), startedAt, bus: () => bus.status() });
        await http.listen({ host: config.rest_api.listen || '0.0.0.0', port: options.listen?.httpPort ?? config.rest_api.port });
        if (config.rest_api.listen === '') logger.warn("rest_api.listen is '*': the HTTP API answers on every interface");
        httpAddress = http.server.address() as AddressInfo;
        logger.info(`HTTP API listening on ${httpAddress.address}:${httpAddress.port}`);
      }
    } catch (error) {
      logger.fatal({ err: error }, `cannot listen: ${describeError(error)}`);
      await Promise.allSettled([legacy.close(), http?.close(), bus.close()]);
      await holder.current.runner.close({ force: true });
      await database.close();
      throw error;
    }
    database.connectInBackground();
    return new Daemon(holder, logging, database, metrics, startedAt, options, legacy, http, tcpAddress, httpAddress, bus);
  }

  /**
   * Re-reads the configuration and rediscovers drivers (SIGHUP). A broken configuration keeps
   * the running one and logs every problem. Listeners, database and log file stay as started.
   */
  async reload(): Promise<ReloadResult> {
    const { logger } = this;
    logger.info(`reloading the configuration from ${this.options.configFile}`);
    let next: Runtime;
    try {
      const loaded = await loadConfig(this.options.configFile);
      readBusSettings(loaded.config);
      next = await buildRuntime(loaded, {
        logger,
        metrics: this.metrics,
        databaseUri: () => this.database.uri(),
        previousStore: this.holder.current.store,
        onGeneration: (event) => this.bus.onGeneration(event),
      });
    } catch (error) {
      const problems = error instanceof ConfigError ? error.problems : [];
      for (const problem of problems) logger.error({ code: problem.code }, problem.message);
      if (problems.length === 0) logger.error({ err: error }, `reload failed: ${describeError(error)}`);
      logger.error('the configuration was not reloaded: the previous one stays in use');
      return { ok: false, problems: problems.length > 0 ? problems : [error as ConfgendError] };
    }
    warnAboutRestartOnlyChanges(this.holder.current.config, next.config, logger);
    this.logging.setLevel(next.config.log_level, next.config.debug);
    const previous = this.holder.current;
    this.holder.current = next;
    // fresh threads run the new configuration and freshly imported driver code; the old ones finish what they started
    void previous.runner.close();
    await this.bus.reload(next);
    logger.info({ files: next.loaded.files }, 'configuration reloaded');
    return { ok: true };
  }

  /** Stops accepting, lets requests in progress finish, closes the database. */
  /**
   * Stops accepting, lets requests in progress finish for up to `drainMs`, then stops the
   * generations still running (a driver in an endless loop ends with its thread) and closes the
   * database.
   */
  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      const drainMs = this.options.drainMs ?? DEFAULT_DRAIN_MS;
      this.logger.info(`stopping: no new connections, finishing requests in progress (at most ${drainMs / 1000} s)`);
      const closed = Promise.allSettled([this.legacy.close(), this.http?.close(), this.bus.close()]);
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        closed.then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), drainMs))),
      ]);
      clearTimeout(timer);
      if (!drained) this.logger.warn(`requests still running after ${drainMs / 1000} s: stopping their generations`);
      await this.runtime.runner.close({ force: true });
      await closed;
      await this.database.close();
      this.logger.info('stopped');
    })();
    return this.#stopping;
  }
}

function openDatabase(config: ConfgendConfig, logger: ServerLogger, options: DaemonOptions): Database {
  const retry = options.databaseRetryDelaysMs ? { retryDelaysMs: options.databaseRetryDelaysMs } : {};
  if (config.db_uri !== null) return new Database({ dbUri: config.db_uri }, { logger, ...retry });
  return new Database(demoDatabaseSource(logger, options.demoDataDir), { logger, ...retry });
}

const RESTART_ONLY_KEYS = ['listen_address', 'listen_port', 'rest_api', 'db_uri', 'log_filename', 'bus'] as const;

/** A regeneration a bus event asked for; it throws when no new content came of it, so the file stays stale. */
async function regenerateInBackground(holder: RuntimeHolder, file: string): Promise<void> {
  const slash = file.indexOf('/');
  const outcome = await holder.current.service.generate({ resource: file.slice(0, slash), filename: file.slice(slash + 1) }, { trigger: 'bus_event' });
  if (outcome.status === 'failed' || (outcome.status === 'cached' && outcome.error)) {
    throw outcome.error ?? new Error(`${file} was not regenerated`);
  }
}

function warnAboutRestartOnlyChanges(before: ConfgendConfig, after: ConfgendConfig, logger: ServerLogger): void {
  for (const key of RESTART_ONLY_KEYS) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      logger.warn({ key }, `${key} changed: it takes effect at the next restart`);
    }
  }
}

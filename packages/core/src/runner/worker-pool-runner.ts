import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ConfgendConfig } from '../config/config-types.js';
import { describeError, confgendError, reviveConfgendError } from '../errors.js';
import type { ConfgendError } from '../errors.js';
import type { DiscoveredDriver } from '../loader/discover.js';
import { silentLogger } from '../service/logger.js';
import type { Logger } from '../service/logger.js';
import type { GeneratedBytes, GenerationTask, TaskFailure, WorkerData, WorkerSessionOptions } from './generation-task.js';
import type { ContentProblem } from '../service/content-checks.js';

/** The built worker, from src/runner (tests) and dist/runner alike: threads run plain JavaScript. */
const WORKER_ENTRY = fileURLToPath(new URL('../../dist/runner/worker-entry.js', import.meta.url));

export interface DriverRunnerOptions {
  readonly config: ConfgendConfig;
  /** File URL of the module exporting `createWorkerSession`; null: drivers get no database. */
  readonly sessionModule: string | null;
  readonly session?: Partial<WorkerSessionOptions>;
  /** File URL of the module exporting `inspect` (the structural check), run in the threads. */
  readonly inspectorModule?: string | null;
  readonly logger?: Logger;
}

/** A generated file as the daemon keeps it: bytes, checksum and what the structural check found. */
export interface GeneratedFile {
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly problems: readonly ContentProblem[];
}

/** What one generation needs besides the configuration the runner was built with. */
export interface DriverRun {
  readonly driver: DiscoveredDriver;
  readonly file: string;
  readonly dbUri: string | null;
}

function isTaskFailure(value: unknown): value is TaskFailure {
  return typeof value === 'object' && value !== null && 'failure' in value;
}

function label(driver: DiscoveredDriver): string {
  return `${driver.packageName}@${driver.packageVersion}`;
}

/**
 * The one way a driver runs: in a pool of worker threads built for one configuration, so the
 * main thread never imports driver code. `generation_timeout` terminates the thread (a CPU loop
 * stops, its connections close and PostgreSQL rolls its transaction back); a thread that exits,
 * throws from a timer or exceeds its heap fails only its own generation. A reload builds a new
 * runner, so upgraded driver code and a fixed dependency are picked up by fresh threads.
 */
export class DriverRunner {
  readonly #pool: Piscina;
  readonly #timeoutMs: number;
  readonly #heapLimitMb: number;
  readonly #threadCount: number;
  readonly #logger: Logger;
  #closing: Promise<void> | undefined;

  constructor(options: DriverRunnerOptions) {
    const { config } = options;
    this.#timeoutMs = config.generation_timeout * 1000;
    this.#heapLimitMb = config.workers.heap_limit_mb;
    this.#threadCount = config.workers.count;
    this.#logger = options.logger ?? silentLogger;
    const data: WorkerData = {
      config,
      sessionModule: options.sessionModule,
      inspectorModule: options.inspectorModule ?? null,
      session: {
        statementTimeoutMs: options.session?.statementTimeoutMs ?? this.#timeoutMs,
        idleInTransactionTimeoutMs: options.session?.idleInTransactionTimeoutMs ?? this.#timeoutMs + 5_000,
        poolSize: options.session?.poolSize ?? 2,
      },
    };
    this.#pool = new Piscina({
      filename: WORKER_ENTRY,
      workerData: data,
      // every thread started up front: a small file never waits for a thread to boot
      minThreads: config.workers.count,
      maxThreads: config.workers.count,
      idleTimeout: Number.POSITIVE_INFINITY,
      // threads keep database sockets open between tasks: they must not be paused
      atomics: 'disabled',
      // plain Node in the threads: never the test runner's source conditions or loaders
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.#heapLimitMb },
      closeTimeout: this.#timeoutMs,
    });
    this.#pool.on('error', (error: unknown) => {
      this.#logger.error({ err: error }, `a generation thread failed between two generations and was replaced: ${describeError(error)}`);
    });
  }

  /** The file as bytes (moved from the thread, not copied); throws a ConfgendError naming the driver. */
  async run(run: DriverRun): Promise<GeneratedFile> {
    const { bytes, sha256, problems } = (await this.#dispatch(run, false)) as GeneratedBytes;
    return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), sha256, problems };
  }

  /** Imports and constructs the driver in a thread, as a generation would, without generating. */
  async construct(run: Omit<DriverRun, 'dbUri'>): Promise<void> {
    await this.#dispatch({ ...run, dbUri: null }, true);
  }

  async #dispatch(run: DriverRun, constructOnly: boolean): Promise<unknown> {
    if (this.#closing) throw confgendError('WCG_ERR_GENERATION_FAILED', 'stopping', { file: run.file });
    const abort = new AbortController();
    const { port1: started, port2: startedInThread } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    // waiting for a free thread is not the driver's time: the clock starts when a thread takes the task
    started.once('message', () => {
      timer = setTimeout(() => abort.abort(), this.#timeoutMs);
      started.close();
    });
    const task: GenerationTask = { started: startedInThread, driver: run.driver, file: run.file, dbUri: run.dbUri, constructOnly };
    let result: unknown;
    try {
      result = await this.#pool.run(task, { signal: abort.signal, transferList: [startedInThread] });
    } catch (error) {
      throw this.#threadFailure(run, error, abort.signal.aborted);
    } finally {
      clearTimeout(timer);
      started.close();
    }
    if (isTaskFailure(result)) {
      throw reviveConfgendError(result.failure);
    }
    return result;
  }

  #threadFailure(run: DriverRun, error: unknown, timedOut: boolean): ConfgendError {
    const details = { namespace: run.driver.namespace, name: run.driver.name, packageName: run.driver.packageName };
    if (timedOut) {
      const seconds = this.#timeoutMs / 1000;
      return confgendError('WCG_ERR_GENERATION_TIMEOUT', 'tookTooLong', { driver: label(run.driver), file: run.file, seconds }, {
        details: { ...details, timeoutSeconds: seconds },
      });
    }
    const reason = (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? `it exceeded the heap limit of a generation thread (workers.heap_limit_mb: ${this.#heapLimitMb})`
      : `its thread ended: ${describeError(error)}`;
    return confgendError('WCG_ERR_GENERATION_FAILED', 'driverFailed', { driver: label(run.driver), file: run.file, reason }, { cause: error, details });
  }

  /**
   * Resolves once every thread has booted (imported the database layer), so the first requests
   * after a start or a reload do not wait for threads; gives up quietly after `limitMs`.
   */
  async warmUp(limitMs = 10_000): Promise<void> {
    const seen = new Set<number>();
    const deadline = performance.now() + limitMs;
    const count = this.#threadCount;
    while (seen.size < count && performance.now() < deadline && !this.#closing) {
      const answers = await Promise.allSettled(Array.from({ length: count }, () => this.#pool.run({ ping: true })));
      for (const answer of answers) if (answer.status === 'fulfilled') seen.add((answer.value as { threadId: number }).threadId);
    }
  }

  /**
   * Lets generations in progress finish (each within its timeout), then ends every thread.
   * `force` ends them at once.
   */
  close(options: { force?: boolean } = {}): Promise<void> {
    if (options.force) return this.#pool.destroy();
    this.#closing ??= this.#pool.close().catch(() => this.#pool.destroy());
    return this.#closing;
  }
}

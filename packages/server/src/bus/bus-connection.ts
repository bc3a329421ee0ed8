import { describeError, type Logger } from '@wazo-confgend/core';
import { Connection } from 'rabbitmq-client';
import type { BusSettings } from './bus-config.js';

export type BusState = 'disabled' | 'connecting' | 'connected' | 'disconnected';

export interface BusStatus {
  /** `disconnected`: an attempt failed or the connection was lost; it keeps retrying in the background. */
  state: BusState;
  /** The last connection or setup error, kept after a later success for diagnosis. */
  lastError?: string;
}

/** Reconnection back-off: each delay is drawn between `minMs` and a bound that doubles up to `maxMs`. */
export interface ReconnectDelays {
  minMs: number;
  maxMs: number;
}

export const DEFAULT_RECONNECT_DELAYS: ReconnectDelays = { minMs: 1000, maxMs: 30_000 };

/** How long `close()` waits for the broker before dropping the socket. */
export const DEFAULT_CLOSE_TIMEOUT_MS = 2000;

export interface BusConnectionOptions {
  /** Shown in RabbitMQ's management UI. */
  connectionName: string;
  logger: Logger;
  reconnectDelays?: ReconnectDelays | undefined;
}

/** One AMQP connection that reconnects by itself, remembering what went wrong for `status()`. */
export class BusConnection {
  readonly amqp: Connection;
  readonly #logger: Logger;
  readonly #where: string;
  #failed = false;
  #closed = false;
  #lastError: string | undefined;

  constructor(settings: BusSettings, options: BusConnectionOptions) {
    const delays = options.reconnectDelays ?? DEFAULT_RECONNECT_DELAYS;
    this.#logger = options.logger;
    this.#where = `${settings.host}:${settings.port}`;
    this.amqp = new Connection({
      hostname: settings.host,
      port: settings.port,
      username: settings.username,
      password: settings.password,
      connectionName: options.connectionName,
      retryLow: delays.minMs,
      retryHigh: delays.maxMs,
    });
    // the client reports the first failure of each outage only, so this does not flood the log
    this.amqp.on('error', (error: unknown) => this.recordError('bus connection failed, retrying', error));
    this.amqp.on('connection', () => this.#logger.info({ bus: this.#where }, `connected to the bus at ${this.#where}`));
  }

  recordError(context: string, error: unknown): void {
    this.#failed = true;
    this.#lastError = describeError(error);
    this.#logger.warn({ bus: this.#where, error: this.#lastError }, `${context}: ${this.#lastError}`);
  }

  /** `connected` when the connection is up and `setUp` (what the owner declares on it) is done. */
  status(setUp: boolean): BusStatus {
    let state: BusState = 'connecting';
    if (setUp && this.amqp.ready && !this.#closed) state = 'connected';
    else if (this.#failed || this.#closed) state = 'disconnected';
    return this.#lastError === undefined ? { state } : { state, lastError: this.#lastError };
  }

  /**
   * Closes what the owner opened (`closeOwned`) and the connection. While the broker is away the
   * client could wait for a reconnection, so after `timeoutMs` the socket is simply dropped.
   */
  async close(closeOwned: () => Promise<void>, timeoutMs = DEFAULT_CLOSE_TIMEOUT_MS): Promise<void> {
    this.#closed = true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    // both at once: while reconnecting, an owner waiting for a channel is released only by the connection closing
    const closed = Promise.allSettled([closeOwned(), this.amqp.close()]);
    const outcome = await Promise.race([closed, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.amqp.unsafeDestroy();
  }
}

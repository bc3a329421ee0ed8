import { describeError, silentLogger, type Logger } from '@wazo-confgend/core';
import type { AsyncMessage } from 'rabbitmq-client';
import type { BusSettings } from './bus-config.js';
import { BusConnection, type BusStatus, type ReconnectDelays } from './bus-connection.js';
import { readMessage, type WazoEventBody } from './bus-message.js';
import { Tally, type CountSink } from './bus-metrics.js';

export interface BusListenerOptions {
  /** One binding per name, taken at start: only these events reach `onEvent`. */
  events: ReadonlySet<string>;
  /** Called once per message; whatever it throws is logged and the message dropped. */
  onEvent: (name: string, body: WazoEventBody) => void;
  /**
   * Called each time the queue and its bindings are in place; `reconnected` is false the first
   * time. Events published while disconnected are lost: a reconnection is the moment to treat
   * every file as stale.
   */
  onConnected?: (reconnected: boolean) => void;
  /** Shown in RabbitMQ's management UI. */
  connectionName?: string;
  logger?: Logger;
  /** `eventsReceived` gets labels `{event}`; `malformedMessages` none. */
  metrics?: { eventsReceived?: CountSink; malformedMessages?: CountSink };
  reconnectDelays?: ReconnectDelays;
  closeTimeoutMs?: number;
}

export interface BusListener {
  status(): BusStatus;
  /** Stops consuming and closes the connection; settles within the close timeout, broker or not. */
  close(): Promise<void>;
}

const DISABLED: BusListener = Object.freeze({
  status: (): BusStatus => ({ state: 'disabled' }),
  close: async (): Promise<void> => undefined,
});

/**
 * Listens to Wazo's events on the bus: an exclusive, auto-deleted queue bound to the headers
 * exchange once per event name. The client reconnects by itself and declares the queue, the
 * exchange and the bindings again on each new connection. `null` settings (bus off) give a
 * listener that only reports `disabled`.
 */
export function startBusListener(settings: BusSettings | null, options: BusListenerOptions): BusListener {
  if (settings === null) return DISABLED;
  const events = new Set(options.events);
  const logger = options.logger ?? silentLogger;
  const eventsReceived = options.metrics?.eventsReceived ?? new Tally();
  const malformedMessages = options.metrics?.malformedMessages ?? new Tally();
  const connection = new BusConnection(settings, {
    connectionName: options.connectionName ?? 'wazo-confgend bus listener',
    logger,
    reconnectDelays: options.reconnectDelays,
  });
  let setUp = false;
  let readyCount = 0;
  let malformedLogged = false;

  const handle = (message: AsyncMessage): void => {
    const read = readMessage(message.headers, message.body);
    if (!read.ok) {
      malformedMessages.inc();
      // a misbehaving publisher may send many: the first one is enough to find it
      if (!malformedLogged) logger.warn({ reason: read.reason }, `ignoring a malformed bus message: ${read.reason}`);
      malformedLogged = true;
      return;
    }
    if (!events.has(read.name)) return;
    eventsReceived.inc({ event: read.name });
    try {
      options.onEvent(read.name, read.body);
    } catch (error) {
      logger.error({ event: read.name, error: describeError(error) }, `handling bus event ${read.name} failed: ${describeError(error)}`);
    }
  };

  const consumer = connection.amqp.createConsumer(
    {
      // an empty name lets the broker choose a fresh one on each connection, and the bindings
      // below (with no queue name) apply to the queue just declared on the channel
      queue: '',
      queueOptions: { exclusive: true, autoDelete: true, durable: false },
      exchanges: [{ exchange: settings.exchangeName, type: 'headers', durable: true }],
      queueBindings: [...events].map((name) => ({
        exchange: settings.exchangeName,
        arguments: { 'x-match': 'all', name },
      })),
      // events only mark files stale: losing one with the connection changes nothing that
      // onConnected does not already cover, so acknowledgements would add traffic for nothing
      noAck: true,
    },
    handle,
  );
  consumer.on('ready', () => {
    setUp = true;
    readyCount += 1;
    logger.info({ queue: consumer.queue, events: events.size }, `listening to ${events.size} bus events`);
    try {
      options.onConnected?.(readyCount > 1);
    } catch (error) {
      logger.error({ error: describeError(error) }, `bus onConnected failed: ${describeError(error)}`);
    }
  });
  consumer.on('error', (error: unknown) => {
    setUp = false;
    connection.recordError('bus consumer failed', error);
  });
  connection.amqp.on('error', () => {
    setUp = false;
  });

  let closing: Promise<void> | undefined;
  return {
    status: () => connection.status(setUp),
    close: () => {
      setUp = false;
      closing ??= connection.close(() => consumer.close(), options.closeTimeoutMs);
      return closing;
    },
  };
}

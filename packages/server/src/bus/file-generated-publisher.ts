import { createHash } from 'node:crypto';
import { describeError, silentLogger, type Logger } from '@wazo-confgend/core';
import type { BusSettings } from './bus-config.js';
import { BusConnection, type BusStatus, type ReconnectDelays } from './bus-connection.js';
import { Tally, type CountSink } from './bus-metrics.js';
import { marshalServiceEvent } from './wazo-event.js';

export const FILE_GENERATED_EVENT = 'confgend_file_generated';
export const FILE_GENERATED_ROUTING_KEY = 'confgend.files.generated';

export interface GeneratedFile {
  /** The file key, e.g. `asterisk/pjsip.conf`. */
  file: string;
  /** The bytes as served (a string is taken as UTF-8). */
  content: Buffer | string;
  durationMs: number;
  /** What caused the generation, e.g. `request` or `bus_event`. */
  trigger: string;
}

/** The `data` of a `confgend_file_generated` event. */
export interface FileGeneratedData {
  file: string;
  /** Bytes of the UTF-8 content. */
  size: number;
  sha256: string;
  duration_ms: number;
  trigger: string;
}

export interface FileGeneratedPublisherOptions {
  /** The Wazo UUID of this server (`origin_uuid` of the events). */
  originUuid: string;
  logger?: Logger;
  metrics?: { eventsPublished?: CountSink; publishFailures?: CountSink };
  /** How long a publish waits for a connection still being established before giving up. */
  connectWaitMs?: number;
  reconnectDelays?: ReconnectDelays;
  closeTimeoutMs?: number;
}

export interface FileGeneratedPublisher {
  /** Never rejects: a failure is counted and logged (once per outage). */
  publish(generated: GeneratedFile): Promise<void>;
  status(): BusStatus;
  close(): Promise<void>;
}

const DEFAULT_CONNECT_WAIT_MS = 1000;

const DISABLED: FileGeneratedPublisher = Object.freeze({
  publish: async (): Promise<void> => undefined,
  status: (): BusStatus => ({ state: 'disabled' }),
  close: async (): Promise<void> => undefined,
});

export function fileGeneratedData(generated: GeneratedFile): FileGeneratedData {
  const bytes = typeof generated.content === 'string' ? Buffer.from(generated.content, 'utf8') : generated.content;
  return {
    file: generated.file,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    duration_ms: Math.round(generated.durationMs),
    trigger: generated.trigger,
  };
}

/**
 * Publishes `confgend_file_generated` on the Wazo headers exchange, with the headers Wazo's
 * services put on their events, as a transient JSON message. `null` settings (bus off) give a
 * publisher that publishes nothing.
 */
export function createFileGeneratedPublisher(
  settings: BusSettings | null,
  options: FileGeneratedPublisherOptions,
): FileGeneratedPublisher {
  if (settings === null) return DISABLED;
  const logger = options.logger ?? silentLogger;
  const eventsPublished = options.metrics?.eventsPublished ?? new Tally();
  const publishFailures = options.metrics?.publishFailures ?? new Tally();
  const connectWaitMs = options.connectWaitMs ?? DEFAULT_CONNECT_WAIT_MS;
  const connection = new BusConnection(settings, {
    connectionName: 'wazo-confgend publisher',
    logger,
    reconnectDelays: options.reconnectDelays,
  });
  const publisher = connection.amqp.createPublisher({
    confirm: true,
    exchanges: [{ exchange: settings.exchangeName, type: 'headers', durable: true }],
  });
  let failing = false;

  const publish = async (generated: GeneratedFile): Promise<void> => {
    try {
      // without a connection the client would hold the message for its whole acquire timeout
      if (!connection.amqp.ready) await connection.amqp.onConnect(connectWaitMs, true);
      const message = marshalServiceEvent(
        { name: FILE_GENERATED_EVENT, routingKey: FILE_GENERATED_ROUTING_KEY, data: { ...fileGeneratedData(generated) } },
        options.originUuid,
      );
      await publisher.send(
        {
          exchange: settings.exchangeName,
          routingKey: message.routingKey,
          headers: message.headers,
          contentType: 'application/json',
          contentEncoding: 'utf-8',
          durable: false,
        },
        Buffer.from(JSON.stringify(message.body), 'utf8'),
      );
      eventsPublished.inc();
      failing = false;
    } catch (error) {
      publishFailures.inc();
      const text = `publishing ${FILE_GENERATED_EVENT} for ${generated.file} failed: ${describeError(error)}`;
      if (failing) logger.debug({ file: generated.file }, text);
      else logger.warn({ file: generated.file }, text);
      failing = true;
    }
  };

  let closing: Promise<void> | undefined;
  return {
    publish,
    status: () => connection.status(true),
    close: () => {
      closing ??= connection.close(() => publisher.close(), options.closeTimeoutMs);
      return closing;
    },
  };
}

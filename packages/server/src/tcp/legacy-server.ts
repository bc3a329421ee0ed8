import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { formatMessage } from '@wazo-confgend/core';
import type { ServerLogger } from '../logging.js';
import { parseRequest, type LegacyRequest } from './parse-request.js';
import { LogRateLimit, withSuppressed } from '../log-rate-limit.js';

export interface LegacyServerOptions {
  /** Answers one request: the content to send, or `null` to close with no bytes. Must not reject. */
  handle(request: LegacyRequest, peer: string): Promise<Buffer | null>;
  /** Called for a request that cannot be read (logged here already). */
  onRejected?(reason: string): void;
  logger: ServerLogger;
  /** A connection that sends nothing (or never closes after the answer) for this long is dropped. */
  idleTimeoutMs?: number;
  /**
   * Whether a request read so far can be answered at once. The official client sends one
   * unterminated chunk and waits, so a request naming a file the service knows is answered
   * without waiting for more; anything else waits for the client to half-close or pause.
   */
  isComplete?(request: LegacyRequest): boolean;
  /** An incomplete request is taken as it is when the client half-closes, or after this pause. */
  quietMs?: number;
  /** Longer requests are refused; a real one is a few dozen bytes. */
  maxRequestBytes?: number;
  /**
   * Connections served at once; more are closed on arrival, so the daemon keeps the file
   * descriptors it needs to answer (and its memory copy of every file keeps being served).
   */
  maxConnections?: number;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
export const DEFAULT_QUIET_MS = 50;
export const DEFAULT_MAX_REQUEST_BYTES = 4096;
export const DEFAULT_MAX_CONNECTIONS = 512;

type ConnectionState = 'reading' | 'processing' | 'answered';

interface Connection {
  socket: Socket;
  state: ConnectionState;
}

/**
 * The upstream TCP line protocol (port 8669): one request per connection, the raw content back,
 * then close. Upstream acted on the first TCP segment only; here a request naming a known file is
 * answered as soon as it has arrived (as upstream, for the official client's single chunk), and
 * anything else is read until the client half-closes or pauses for `quietMs`, so a request split
 * over two segments still works. Idle connections are closed after `idleTimeoutMs`; requests are
 * answered concurrently.
 */
export class LegacyServer {
  readonly #server: Server;
  readonly #options: Required<Omit<LegacyServerOptions, 'onRejected' | 'isComplete'>> & Pick<LegacyServerOptions, 'onRejected' | 'isComplete'>;
  readonly #connections = new Set<Connection>();
  readonly #rejections = new LogRateLimit();
  #closing: Promise<void> | undefined;

  constructor(options: LegacyServerOptions) {
    this.#options = {
      idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
      quietMs: DEFAULT_QUIET_MS,
      maxRequestBytes: DEFAULT_MAX_REQUEST_BYTES,
      maxConnections: DEFAULT_MAX_CONNECTIONS,
      ...options,
    };
    // half-open: a client that shuts down its write side after the request still gets the answer
    this.#server = createServer({ allowHalfOpen: true }, (socket) => this.#accept(socket));
    this.#server.maxConnections = this.#options.maxConnections;
    this.#server.on('drop', () => this.#options.onRejected?.('too many connections'));
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen({ port, host: host === '' ? undefined : host }, () => {
        this.#server.off('error', reject);
        resolve(this.#server.address() as AddressInfo);
      });
    });
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Stops accepting, drops connections still waiting for a request, lets answers in progress finish. */
  close(): Promise<void> {
    this.#closing ??= new Promise((resolve) => {
      this.#server.close(() => resolve());
      for (const connection of this.#connections) {
        if (connection.state === 'reading') connection.socket.destroy();
        // a client that has its answer but never closes must not hold the shutdown
        else if (connection.state === 'answered') this.#destroyWhenSent(connection.socket);
      }
    });
    return this.#closing;
  }

  #destroyWhenSent(socket: Socket): void {
    if (socket.writableFinished) socket.destroy();
    else socket.once('finish', () => socket.destroy());
  }

  #accept(socket: Socket): void {
    const { logger, idleTimeoutMs, quietMs, maxRequestBytes } = this.#options;
    const peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    const connection: Connection = { socket, state: 'reading' };
    this.#connections.add(connection);
    if (this.#closing) {
      socket.destroy();
      return;
    }
    logger.debug({ peer }, 'connection established');
    const chunks: Buffer[] = [];
    let received = 0;
    let quietTimer: NodeJS.Timeout | undefined;

    const complete = () => {
      if (connection.state !== 'reading') return;
      clearTimeout(quietTimer);
      connection.state = 'processing';
      socket.setTimeout(0);
      if (received === 0) {
        this.#answer(connection, null);
        return;
      }
      logger.debug({ peer, bytes: received }, 'data received');
      void this.#process(connection, Buffer.concat(chunks, received), peer);
    };

    socket.setTimeout(idleTimeoutMs);
    socket.on('timeout', () => {
      logger.info({ peer, state: connection.state, idleTimeoutMs }, `closing connection from ${peer}: idle for ${idleTimeoutMs} ms`);
      socket.destroy();
    });
    socket.on('data', (chunk: Buffer) => {
      if (connection.state !== 'reading') return;
      received += chunk.length;
      if (received > maxRequestBytes) {
        connection.state = 'processing';
        clearTimeout(quietTimer);
        this.#reject(connection, formatMessage('WCG_ERR_TCP_BAD_REQUEST', 'tooLong', { limit: maxRequestBytes }), peer);
        return;
      }
      chunks.push(chunk);
      clearTimeout(quietTimer);
      if (this.#isComplete(chunks, received)) complete();
      else quietTimer = setTimeout(complete, quietMs);
    });
    socket.on('end', complete);
    socket.on('error', (error) => logger.debug({ peer, err: error }, `connection error: ${error.message}`));
    socket.on('close', () => {
      clearTimeout(quietTimer);
      this.#connections.delete(connection);
      logger.debug({ peer }, 'connection closed');
    });
  }

  #isComplete(chunks: readonly Buffer[], received: number): boolean {
    const { isComplete } = this.#options;
    if (!isComplete) return false;
    const parsed = parseRequest(Buffer.concat(chunks, received));
    return parsed.ok && isComplete(parsed.request);
  }

  async #process(connection: Connection, bytes: Buffer, peer: string): Promise<void> {
    const parsed = parseRequest(bytes);
    if (!parsed.ok) {
      this.#reject(connection, parsed.reason, peer);
      return;
    }
    let content: Buffer | null;
    try {
      content = await this.#options.handle(parsed.request, peer);
    } catch (error) {
      this.#options.logger.error({ peer }, `unexpected error answering ${parsed.request.line}: ${String(error)}`);
      content = null;
    }
    this.#answer(connection, content);
  }

  #reject(connection: Connection, reason: string, peer: string): void {
    const suppressed = this.#rejections.admit('WCG_ERR_TCP_BAD_REQUEST');
    if (suppressed !== null) {
      this.#options.logger.warn({ peer, interface: 'tcp', code: 'WCG_ERR_TCP_BAD_REQUEST' }, withSuppressed(reason.slice(0, 200), suppressed));
    }
    this.#options.onRejected?.(reason);
    this.#answer(connection, null);
  }

  #answer(connection: Connection, content: Buffer | null): void {
    const { socket } = connection;
    connection.state = 'answered';
    if (socket.destroyed) return;
    // bounds a client that never closes its side after the answer
    socket.setTimeout(this.#options.idleTimeoutMs);
    if (content === null || content.length === 0) socket.end();
    else socket.end(content);
    if (this.#closing) this.#destroyWhenSent(socket);
  }
}

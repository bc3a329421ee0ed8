import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { Connection, type AsyncMessage } from 'rabbitmq-client';
import { describe, it } from 'vitest';
import { readBusSettings, type BusSettings } from '../../../src/bus/bus-config.js';

export const BROKER = { host: '127.0.0.1', port: 5672, username: 'guest', password: 'guest' } as const;

function canConnect(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (reachable: boolean): void => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const reachable = await canConnect(BROKER.host, BROKER.port);
const unreachable = `RabbitMQ is not reachable on ${BROKER.host}:${BROKER.port}`;
if (!reachable && process.env['CI'] !== 'true') console.warn(`${unreachable}: the bus tests that need it are skipped`);

/** A suite that needs the broker: skipped without one, except in CI where it must fail. */
export function describeWithBroker(title: string, suite: () => void): void {
  if (reachable) describe(title, suite);
  else if (process.env['CI'] === 'true') {
    describe(title, () => {
      it(`needs RabbitMQ on ${BROKER.host}:${BROKER.port} (required when CI=true)`, () => {
        throw new Error(`${unreachable} (CI=true: the bus tests cannot be skipped)`);
      });
    });
  } else describe.skip(`${title} (skipped: ${unreachable})`, suite);
}

/** An exchange of its own for each suite, so parallel test files never see each other's events. */
export function testExchangeName(): string {
  return `wazo-headers.test-${randomBytes(4).toString('hex')}`;
}

/** Settings for the test broker, read from a `bus:` block as the daemon reads its own. */
export function settingsFor(exchangeName: string, port: number = BROKER.port): BusSettings {
  const bus = { host: BROKER.host, port, username: BROKER.username, password: BROKER.password, exchange_name: exchangeName, exchange_type: 'headers' };
  const settings = readBusSettings({ bus });
  if (settings === null) throw new Error('the test bus block should enable the bus');
  return settings;
}

/** The test's own connection to the broker, to play wazo-confd and other consumers. */
export class TestBus {
  readonly connection = new Connection({ hostname: BROKER.host, port: BROKER.port, username: BROKER.username, password: BROKER.password });
  readonly #publisher = this.connection.createPublisher({ confirm: true });
  readonly #cleanups: (() => Promise<unknown>)[] = [];

  constructor(readonly exchangeName: string) {
    this.connection.on('error', () => undefined);
  }

  async declareExchange(): Promise<void> {
    await this.connection.exchangeDeclare({ exchange: this.exchangeName, type: 'headers', durable: true });
  }

  /**
   * Publishes as wazo-confd does (Wazo's bus library through kombu): headers carrying the name,
   * JSON body with the headers again and `data`, transient, `application/json` in UTF-8.
   */
  async publishLikeConfd(name: string, routingKey: string, data: Record<string, unknown>): Promise<void> {
    const headers = {
      name,
      tenant_uuid: '8a9b4e3c-1111-4e0f-9a52-2c1d1e111111',
      'user_uuid:*': true,
      required_access: `event.${name}`,
      required_acl: `events.${routingKey}`,
      origin_uuid: 'c0ffee00-0000-4000-8000-0000000000cd',
      timestamp: '2026-12-01T08:00:00.123456',
    };
    await this.publishRaw(headers, Buffer.from(JSON.stringify({ ...headers, data }), 'utf8'), routingKey);
  }

  async publishRaw(headers: Record<string, unknown>, body: Buffer, routingKey = ''): Promise<void> {
    await this.#publisher.send(
      { exchange: this.exchangeName, routingKey, headers, contentType: 'application/json', contentEncoding: 'utf-8', durable: false },
      body,
    );
  }

  /** Collects the messages of one event name, as a Wazo consumer bound to it would get them. */
  async collect(name: string): Promise<AsyncMessage[]> {
    const received: AsyncMessage[] = [];
    const consumer = this.connection.createConsumer(
      {
        queue: '',
        queueOptions: { exclusive: true, autoDelete: true },
        queueBindings: [{ exchange: this.exchangeName, arguments: { 'x-match': 'all', name } }],
        noAck: true,
      },
      (message) => {
        received.push(message);
      },
    );
    this.#cleanups.push(() => consumer.close());
    await new Promise<void>((resolve) => consumer.once('ready', resolve));
    return received;
  }

  async close(): Promise<void> {
    for (const cleanup of this.#cleanups) await cleanup();
    await this.connection.exchangeDelete({ exchange: this.exchangeName }).catch(() => undefined);
    await this.#publisher.close();
    await this.connection.close();
  }
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A TCP relay to the broker that the test can cut, as a network failure or a broker restart would. */
export class TcpProxy {
  readonly #sockets = new Set<Socket>();
  #server: Server | undefined;
  port = 0;

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect({ host: BROKER.host, port: BROKER.port });
      for (const [from, to] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.#sockets.add(from);
        from.pipe(to);
        from.on('error', () => to.destroy());
        from.on('close', () => {
          this.#sockets.delete(from);
          to.destroy();
        });
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, BROKER.host, () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.#server = server;
  }

  /** Drops every relayed connection and stops accepting new ones. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const socket of this.#sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const run = promisify(execFile);

async function rabbitmqctl(...args: string[]): Promise<string> {
  const { stdout } = await run('rabbitmqctl', ['-q', ...args], { timeout: 30_000 });
  return stdout;
}

/** Whether `rabbitmqctl` can manage the test broker (it needs the node's cookie, i.e. a local broker and privileges). */
export async function canUseRabbitmqctl(): Promise<boolean> {
  if (!reachable) return false;
  return rabbitmqctl('list_connections', 'pid').then(
    () => true,
    () => false,
  );
}

/** Closes, from the broker's side, the connections whose client gave `connectionName`. */
export async function forceCloseConnections(connectionName: string): Promise<number> {
  const listing = await rabbitmqctl('list_connections', 'pid', 'client_properties');
  const pids = listing
    .split('\n')
    .filter((line) => line.includes(`{"connection_name","${connectionName}"}`))
    .map((line) => line.split('\t')[0] ?? '');
  for (const pid of pids) await rabbitmqctl('close_connection', pid, 'closed by the bus tests');
  return pids.length;
}

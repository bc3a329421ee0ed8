import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBusListener, type BusListener } from '../../src/bus/bus-listener.js';
import { Tally } from '../../src/bus/bus-metrics.js';
import { createFileGeneratedPublisher, FILE_GENERATED_EVENT, type FileGeneratedPublisher } from '../../src/bus/file-generated-publisher.js';
import {
  describeWithBroker,
  canUseRabbitmqctl,
  forceCloseConnections,
  settingsFor,
  TcpProxy,
  TestBus,
  testExchangeName,
  waitFor,
} from './support/broker.js';

const FAST_RECONNECT = { minMs: 50, maxMs: 200 };
const rabbitmqctlWorks = await canUseRabbitmqctl();

describeWithBroker('bus connection lost and back', () => {
  const exchangeName = testExchangeName();
  // created in beforeAll: a skipped suite must not open connections
  let bus: TestBus;
  const proxy = new TcpProxy();
  const received: number[] = [];
  const connections: boolean[] = [];
  const publishFailures = new Tally();
  let listener: BusListener;
  let publisher: FileGeneratedPublisher;

  beforeAll(async () => {
    bus = new TestBus(exchangeName);
    await bus.declareExchange();
    await proxy.start();
    const settings = settingsFor(exchangeName, proxy.port);
    listener = startBusListener(settings, {
      events: new Set(['user_edited']),
      onEvent: (_name, body) => void received.push((body['data'] as { id: number }).id),
      onConnected: (reconnected) => void connections.push(reconnected),
      reconnectDelays: FAST_RECONNECT,
    });
    publisher = createFileGeneratedPublisher(settings, {
      originUuid: 'origin',
      reconnectDelays: FAST_RECONNECT,
      connectWaitMs: 100,
      metrics: { publishFailures },
    });
    await waitFor(() => listener.status().state === 'connected', 'the listener to connect');
  });

  afterAll(async () => {
    await listener.close();
    await publisher.close();
    await proxy.stop();
    await bus.close();
  });

  it('reports the loss, reconnects, binds again and receives events again', async () => {
    await bus.publishLikeConfd('user_edited', 'config.user.edited', { id: 1 });
    await waitFor(() => received.length === 1, 'the first event');
    const generated = await bus.collect(FILE_GENERATED_EVENT);
    await publisher.publish({ file: 'asterisk/rtp.conf', content: 'a', durationMs: 1, trigger: 'request' });
    await waitFor(() => generated.length === 1, 'the first published event');

    await proxy.stop();
    await waitFor(() => listener.status().state === 'disconnected', 'the listener to report the loss');
    expect(listener.status().lastError).toBeDefined();
    // meanwhile the broker has dropped the exclusive queue: this event is lost
    await bus.publishLikeConfd('user_edited', 'config.user.edited', { id: 2 });
    await publisher.publish({ file: 'asterisk/rtp.conf', content: 'b', durationMs: 1, trigger: 'request' });
    expect(publishFailures.get()).toBe(1);

    await proxy.start();
    await waitFor(() => listener.status().state === 'connected', 'the listener to reconnect', 15_000);
    expect(connections).toEqual([false, true]);
    await bus.publishLikeConfd('user_edited', 'config.user.edited', { id: 3 });
    await waitFor(() => received.length === 2, 'an event after the reconnection');
    expect(received).toEqual([1, 3]);

    await waitFor(() => publisher.status().state === 'connected', 'the publisher to reconnect', 15_000);
    await publisher.publish({ file: 'asterisk/rtp.conf', content: 'c', durationMs: 1, trigger: 'request' });
    await waitFor(() => generated.length === 2, 'a published event after the reconnection');
    expect(publishFailures.get()).toBe(1);
  });
});

describeWithBroker('bus connection closed by the broker', () => {
  const exchangeName = testExchangeName();
  // created in beforeAll: a skipped suite must not open connections
  let bus: TestBus;
  const connectionName = `wazo-confgend bus test ${randomBytes(4).toString('hex')}`;

  beforeAll(() => {
    bus = new TestBus(exchangeName);
  });

  afterAll(async () => {
    await bus.close();
  });

  it.skipIf(!rabbitmqctlWorks)('gets its bindings back after the broker forced it out (skipped where rabbitmqctl cannot reach the broker)', async () => {
    const received: number[] = [];
    const listener = startBusListener(settingsFor(exchangeName), {
      events: new Set(['user_edited']),
      onEvent: (_name, body) => void received.push((body['data'] as { id: number }).id),
      connectionName,
      reconnectDelays: FAST_RECONNECT,
    });
    try {
      await waitFor(() => listener.status().state === 'connected', 'the listener to connect');
      expect(await forceCloseConnections(connectionName)).toBe(1);
      await waitFor(() => listener.status().state !== 'connected', 'the listener to report the loss');
      expect(listener.status().lastError).toMatch(/CONNECTION_FORCED/);
      await waitFor(() => listener.status().state === 'connected', 'the listener to reconnect', 15_000);
      await bus.publishLikeConfd('user_edited', 'config.user.edited', { id: 4 });
      await waitFor(() => received.length === 1, 'an event after the reconnection');
      expect(received).toEqual([4]);
    } finally {
      await listener.close();
    }
  });
});

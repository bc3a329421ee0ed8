import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WazoEventBody } from '../../src/bus/bus-message.js';
import { Tally } from '../../src/bus/bus-metrics.js';
import { startBusListener, type BusListener } from '../../src/bus/bus-listener.js';
import { describeWithBroker, settingsFor, TestBus, testExchangeName, waitFor } from './support/broker.js';

describeWithBroker('bus listener', () => {
  const exchangeName = testExchangeName();
  // created in beforeAll: a skipped suite must not open connections
  let bus: TestBus;
  const received: { name: string; body: WazoEventBody }[] = [];
  const eventsReceived = new Tally();
  const malformedMessages = new Tally();
  const warnings: string[] = [];
  const logger = {
    debug: () => undefined,
    info: () => undefined,
    error: () => undefined,
    warn: (_: unknown, message?: string) => void warnings.push(String(message)),
  };
  let listener: BusListener;

  beforeAll(async () => {
    bus = new TestBus(exchangeName);
    listener = startBusListener(settingsFor(exchangeName), {
      events: new Set(['user_edited', 'line_edited']),
      onEvent: (name, body) => void received.push({ name, body }),
      logger,
      metrics: { eventsReceived, malformedMessages },
    });
    await waitFor(() => listener.status().state === 'connected', 'the listener to connect');
  });

  afterAll(async () => {
    await listener.close();
    await bus.close();
  });

  it('hands over an event published the way wazo-confd does', async () => {
    await bus.publishLikeConfd('user_edited', 'config.user.edited', { id: 12, uuid: 'u-12', tenant_uuid: 't-1' });
    await waitFor(() => received.length === 1, 'the event');
    const [event] = received;
    expect(event?.name).toBe('user_edited');
    expect(event?.body['data']).toEqual({ id: 12, uuid: 'u-12', tenant_uuid: 't-1' });
    expect(event?.body['name']).toBe('user_edited');
    expect(event?.body['origin_uuid']).toBe('c0ffee00-0000-4000-8000-0000000000cd');
    expect(eventsReceived.get({ event: 'user_edited' })).toBe(1);
    expect(listener.status()).toEqual({ state: 'connected' });
  });

  it('never sees events it is not bound to', async () => {
    received.length = 0;
    await bus.publishLikeConfd('user_created', 'config.user.created', { id: 13 });
    await bus.publishLikeConfd('line_edited', 'config.line.edited', { id: 7 });
    // one queue delivers in order: had the first been routed, it would have come first
    await waitFor(() => received.length === 1, 'the bound event');
    expect(received.map((event) => event.name)).toEqual(['line_edited']);
  });

  it('counts malformed messages, logs the first one only, and goes on', async () => {
    received.length = 0;
    await bus.publishRaw({ name: 'user_edited' }, Buffer.from('{"name": "user_edited", "data": {'));
    await bus.publishRaw({ name: 'user_edited' }, Buffer.from('"just a string"'));
    await bus.publishLikeConfd('user_edited', 'config.user.edited', { id: 14 });
    await waitFor(() => received.length === 1, 'the event after the malformed ones');
    expect(malformedMessages.get()).toBe(2);
    expect(warnings.filter((warning) => warning.startsWith('ignoring a malformed bus message'))).toHaveLength(1);
    expect(listener.status().state).toBe('connected');
  });

  it('survives an onEvent that throws', async () => {
    const throwing = startBusListener(settingsFor(exchangeName), {
      events: new Set(['user_edited']),
      onEvent: () => {
        throw new Error('handler bug');
      },
    });
    try {
      await waitFor(() => throwing.status().state === 'connected', 'the second listener to connect');
      received.length = 0;
      await bus.publishLikeConfd('user_edited', 'config.user.edited', { id: 15 });
      await waitFor(() => received.length === 1, 'the first listener to get the event');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(throwing.status().state).toBe('connected');
    } finally {
      await throwing.close();
    }
  });

  it('reports why it cannot set up when the exchange exists with another type', async () => {
    const topicExchange = `${exchangeName}.topic`;
    await bus.connection.exchangeDeclare({ exchange: topicExchange, type: 'topic', durable: true });
    const misplaced = startBusListener(settingsFor(topicExchange), {
      events: new Set(['user_edited']),
      onEvent: () => undefined,
      reconnectDelays: { minMs: 50, maxMs: 100 },
    });
    try {
      await waitFor(() => misplaced.status().state === 'disconnected', 'the listener to give up on the exchange');
      expect(misplaced.status().lastError).toMatch(/PRECONDITION_FAILED/);
    } finally {
      await misplaced.close();
      await bus.connection.exchangeDelete({ exchange: topicExchange });
    }
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { Tally } from '../../src/bus/bus-metrics.js';
import { startBusListener, type BusListener } from '../../src/bus/bus-listener.js';
import { StaleDebouncer } from '../../src/bus/stale-debouncer.js';
import { describeWithBroker, settingsFor, TestBus, testExchangeName, waitFor } from './support/broker.js';

const PJSIP = 'asterisk/pjsip.conf';

describeWithBroker('a burst of bus events', () => {
  const exchangeName = testExchangeName();
  // created in beforeAll: a skipped suite must not open connections
  let bus: TestBus;
  const regenerations: number[] = [];
  const eventsReceived = new Tally();
  const filesRegenerated = new Tally();
  const debouncer = new StaleDebouncer({
    filesByEvent: new Map([['endpoint_sip_edited', [PJSIP]]]),
    regenerate: async () => {
      regenerations.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
    delayMs: 200,
    maxWaitMs: 2000,
    metrics: { filesRegenerated },
  });
  let listener: BusListener;

  beforeAll(async () => {
    bus = new TestBus(exchangeName);
    listener = startBusListener(settingsFor(exchangeName), {
      events: debouncer.events,
      onEvent: (name) => void debouncer.notify(name),
      metrics: { eventsReceived },
    });
    await waitFor(() => listener.status().state === 'connected', 'the listener to connect');
  });

  afterAll(async () => {
    await listener.close();
    await debouncer.close();
    await bus.close();
  });

  it('gives one or two regenerations for 500 events, and a cached read can wait for them', async () => {
    await Promise.all(
      Array.from({ length: 500 }, (_, index) =>
        bus.publishLikeConfd('endpoint_sip_edited', 'config.endpoint_sip.edited', { id: index, name: `line${index}` }),
      ),
    );
    await waitFor(() => eventsReceived.get() === 500, 'the 500 events');
    expect(debouncer.isStale(PJSIP)).toBe(true);
    await debouncer.whenFresh(PJSIP);
    expect(debouncer.isStale(PJSIP)).toBe(false);
    // nothing more comes later
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(regenerations.length).toBeGreaterThanOrEqual(1);
    expect(regenerations.length).toBeLessThanOrEqual(2);
    expect(filesRegenerated.get({ file: PJSIP })).toBe(regenerations.length);
  });
});

import { describe, expect, it } from 'vitest';
import { Tally } from '../../src/bus/bus-metrics.js';
import { startBusListener } from '../../src/bus/bus-listener.js';
import { createFileGeneratedPublisher } from '../../src/bus/file-generated-publisher.js';
import { closedPort, settingsFor, waitFor } from './support/broker.js';

// no RabbitMQ needed: these run everywhere
describe('the bus modules without a broker', () => {
  it('report disabled and do nothing when the bus is off', async () => {
    const listener = startBusListener(null, { events: new Set(['user_edited']), onEvent: () => undefined });
    const publisher = createFileGeneratedPublisher(null, { originUuid: 'origin' });
    expect(listener.status()).toEqual({ state: 'disabled' });
    expect(publisher.status()).toEqual({ state: 'disabled' });
    await publisher.publish({ file: 'asterisk/rtp.conf', content: '', durationMs: 0, trigger: 'request' });
    await listener.close();
    await publisher.close();
  });

  it('keep trying on a closed port, never throw, and close promptly', async () => {
    const settings = settingsFor('wazo-headers', await closedPort());
    const onEvent = (): void => undefined;
    const listener = startBusListener(settings, { events: new Set(['user_edited']), onEvent, reconnectDelays: { minMs: 50, maxMs: 100 } });
    expect(['connecting', 'disconnected']).toContain(listener.status().state);
    await waitFor(() => listener.status().state === 'disconnected', 'the listener to report the failure');
    expect(listener.status().lastError).toMatch(/ECONNREFUSED/);
    // several retries happen meanwhile, none of them escapes
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(listener.status().state).toBe('disconnected');

    const publishFailures = new Tally();
    const publisher = createFileGeneratedPublisher(settings, { originUuid: 'origin', connectWaitMs: 100, metrics: { publishFailures } });
    const publishStarted = Date.now();
    await publisher.publish({ file: 'asterisk/rtp.conf', content: 'x', durationMs: 1, trigger: 'request' });
    expect(Date.now() - publishStarted).toBeLessThan(1500);
    expect(publishFailures.get()).toBe(1);

    const closeStarted = Date.now();
    await Promise.all([listener.close(), publisher.close()]);
    expect(Date.now() - closeStarted).toBeLessThan(1500);
    expect(listener.status().state).toBe('disconnected');
  });

  it('closes promptly while the first attempt is still under way', async () => {
    // a non-routable address: the connection attempt hangs until its own timeout
    const listener = startBusListener(
      { host: '10.255.255.1', port: 5672, username: 'guest', password: 'guest', exchangeName: 'wazo-headers' },
      { events: new Set(['user_edited']), onEvent: () => undefined },
    );
    expect(listener.status().state).toBe('connecting');
    const closeStarted = Date.now();
    await listener.close();
    expect(Date.now() - closeStarted).toBeLessThan(1500);
  });
});

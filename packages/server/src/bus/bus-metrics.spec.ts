import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from '../metrics/registry.js';
import { registerBusMetrics, Tally, tallyBusMetrics } from './bus-metrics.js';

describe('Tally', () => {
  it('counts in total and per label set', () => {
    const tally = new Tally();
    tally.inc({ event: 'user_edited' });
    tally.inc({ event: 'user_edited' }, 2);
    tally.inc({ event: 'line_edited' });
    tally.inc();
    expect(tally.get()).toBe(5);
    expect(tally.get({ event: 'user_edited' })).toBe(3);
    expect(tally.get({ event: 'context_edited' })).toBe(0);
    expect(tally.get({})).toBe(1);
  });
});

describe('tallyBusMetrics', () => {
  it('gives a separate tally for each count', () => {
    const metrics = tallyBusMetrics();
    metrics.eventsReceived.inc({ event: 'user_edited' });
    expect(metrics.eventsReceived.get()).toBe(1);
    expect(metrics.publishFailures.get()).toBe(0);
  });
});

describe('registerBusMetrics', () => {
  it('gives registry counters that take the documented labels', () => {
    const registry = new MetricsRegistry();
    const metrics = registerBusMetrics(registry);
    metrics.eventsReceived.inc({ event: 'user_edited' });
    metrics.malformedMessages.inc();
    metrics.filesRegenerated.inc({ file: 'asterisk/pjsip.conf' });
    metrics.regenerationFailures.inc({ file: 'asterisk/pjsip.conf' });
    metrics.eventsPublished.inc();
    metrics.publishFailures.inc();
    const text = registry.render();
    expect(text).toContain('wazo_confgend_bus_events_received_total{event="user_edited"} 1');
    expect(text).toContain('wazo_confgend_bus_malformed_messages_total 1');
    expect(text).toContain('wazo_confgend_bus_regenerations_total{file="asterisk/pjsip.conf"} 1');
    expect(text).toContain('wazo_confgend_bus_regeneration_failures_total{file="asterisk/pjsip.conf"} 1');
    expect(text).toContain('wazo_confgend_bus_published_total 1');
    expect(text).toContain('wazo_confgend_bus_publish_failures_total 1');
  });
});

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Tally } from '../../src/bus/bus-metrics.js';
import {
  createFileGeneratedPublisher,
  FILE_GENERATED_EVENT,
  type FileGeneratedPublisher,
} from '../../src/bus/file-generated-publisher.js';
import { describeWithBroker, settingsFor, TestBus, testExchangeName, waitFor } from './support/broker.js';

const ORIGIN_UUID = '5b1a1f4e-7c1d-4a4b-9d0e-7f00000000aa';
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/;

describeWithBroker('confgend_file_generated publisher', () => {
  const exchangeName = testExchangeName();
  // created in beforeAll: a skipped suite must not open connections
  let bus: TestBus;
  const eventsPublished = new Tally();
  const publishFailures = new Tally();
  let publisher: FileGeneratedPublisher;

  beforeAll(async () => {
    bus = new TestBus(exchangeName);
    await bus.declareExchange();
    publisher = createFileGeneratedPublisher(settingsFor(exchangeName), {
      originUuid: ORIGIN_UUID,
      metrics: { eventsPublished, publishFailures },
    });
  });

  afterAll(async () => {
    await publisher.close();
    await bus.close();
  });

  it('reaches a consumer bound to its name, with the Wazo headers and body', async () => {
    const received = await bus.collect(FILE_GENERATED_EVENT);
    const others = await bus.collect('user_edited');
    const content = '[general]\nport = 5060 ; é\n';
    await publisher.publish({ file: 'asterisk/pjsip.conf', content, durationMs: 12.4, trigger: 'bus_event' });
    await waitFor(() => received.length === 1, 'the published event');

    const [message] = received;
    const headers = message?.headers ?? {};
    expect(headers['name']).toBe(FILE_GENERATED_EVENT);
    expect(headers['origin_uuid']).toBe(ORIGIN_UUID);
    expect(headers['required_access']).toBe('event.confgend_file_generated');
    expect(headers['timestamp']).toMatch(TIMESTAMP);
    expect(message?.contentType).toBe('application/json');
    expect(message?.durable).toBe(false);

    const body = JSON.parse((message?.body as Buffer).toString('utf8')) as Record<string, unknown>;
    expect(body).toEqual({
      name: FILE_GENERATED_EVENT,
      required_access: 'event.confgend_file_generated',
      required_acl: 'events.confgend.files.generated',
      origin_uuid: ORIGIN_UUID,
      timestamp: headers['timestamp'],
      data: {
        file: 'asterisk/pjsip.conf',
        size: Buffer.byteLength(content, 'utf8'),
        sha256: createHash('sha256').update(content, 'utf8').digest('hex'),
        duration_ms: 12,
        trigger: 'bus_event',
      },
    });
    expect(eventsPublished.get()).toBe(1);
    expect(publishFailures.get()).toBe(0);
    expect(publisher.status().state).toBe('connected');
    expect(others).toEqual([]);
  });
});

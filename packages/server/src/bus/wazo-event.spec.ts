import { describe, expect, it } from 'vitest';
import { marshalServiceEvent, wazoTimestamp } from './wazo-event.js';

describe('wazoTimestamp', () => {
  it('is local time with six fractional digits and no offset', () => {
    expect(wazoTimestamp(new Date(2026, 0, 2, 3, 4, 5, 67))).toBe('2026-01-02T03:04:05.067000');
    expect(wazoTimestamp(new Date(2026, 11, 31, 23, 59, 59, 0))).toBe('2026-12-31T23:59:59.000000');
  });
});

describe('marshalServiceEvent', () => {
  it('puts the Wazo headers in the headers and, with data, in the body', () => {
    const message = marshalServiceEvent(
      { name: 'confgend_file_generated', routingKey: 'confgend.files.generated', data: { file: 'asterisk/rtp.conf' } },
      'c0ffee00-0000-4000-8000-000000000001',
      new Date(2026, 5, 7, 8, 9, 10, 11),
    );
    const headers = {
      name: 'confgend_file_generated',
      required_access: 'event.confgend_file_generated',
      required_acl: 'events.confgend.files.generated',
      origin_uuid: 'c0ffee00-0000-4000-8000-000000000001',
      timestamp: '2026-06-07T08:09:10.011000',
    };
    expect(message.routingKey).toBe('confgend.files.generated');
    expect(message.headers).toEqual(headers);
    expect(message.body).toEqual({ ...headers, data: { file: 'asterisk/rtp.conf' } });
    expect(Object.keys(message.body)).toEqual([...Object.keys(headers), 'data']);
  });
});

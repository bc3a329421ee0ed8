import { describe, expect, it } from 'vitest';
import { readMessage } from './bus-message.js';

describe('readMessage', () => {
  const body = { name: 'user_edited', origin_uuid: 'u-1', data: { id: 3 } };

  it('takes the name from the header and the body as sent (JSON in a buffer, with a content encoding)', () => {
    expect(readMessage({ name: 'user_edited' }, Buffer.from(JSON.stringify(body)))).toEqual({ ok: true, name: 'user_edited', body });
  });

  it('accepts a body the client already parsed, and a text one', () => {
    expect(readMessage({ name: 'user_edited' }, body)).toEqual({ ok: true, name: 'user_edited', body });
    expect(readMessage({ name: 'user_edited' }, JSON.stringify(body))).toEqual({ ok: true, name: 'user_edited', body });
  });

  it('falls back to the name in the body', () => {
    expect(readMessage({}, body)).toEqual({ ok: true, name: 'user_edited', body });
    expect(readMessage(undefined, body)).toEqual({ ok: true, name: 'user_edited', body });
  });

  it('rejects what is not a JSON object with a name', () => {
    const broken = readMessage({ name: 'user_edited' }, Buffer.from('{"name": "user_ed'));
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.reason).toMatch(/^body is not JSON \(/);
    expect(readMessage({ name: 'user_edited' }, Buffer.from('[1, 2]'))).toEqual({ ok: false, reason: 'body is not a JSON object' });
    expect(readMessage({ name: 'user_edited' }, null)).toEqual({ ok: false, reason: 'body is not a JSON object' });
    expect(readMessage({ name: 42 }, { data: {} })).toEqual({ ok: false, reason: 'no event name in the headers or the body' });
    expect(readMessage({}, { data: {} })).toEqual({ ok: false, reason: 'no event name in the headers or the body' });
  });
});

import { describe, expect, it } from 'vitest';
import { parseRequest } from './parse-request.js';

const parse = (text: string) => parseRequest(Buffer.from(text, 'utf8'));

describe('parseRequest', () => {
  it('reads a plain request', () => {
    expect(parse('asterisk/pjsip.conf')).toEqual({
      ok: true,
      request: { resource: 'asterisk', filename: 'pjsip.conf', cached: false, invalidate: false, line: 'asterisk/pjsip.conf' },
    });
  });

  it('recognises cached and invalidate among any spacing, ignoring other words', () => {
    expect(parse('asterisk/queueskills.conf   foo  cached ')).toMatchObject({ ok: true, request: { cached: true, invalidate: false } });
    expect(parse('a/b invalidate cached')).toMatchObject({ ok: true, request: { cached: true, invalidate: true } });
    expect(parse('a/b CACHED')).toMatchObject({ ok: true, request: { cached: false } });
  });

  it('deletes every newline rather than splitting on it, as upstream', () => {
    expect(parse('asterisk/x.conf\ncached')).toMatchObject({ ok: true, request: { filename: 'x.confcached', cached: false } });
    expect(parse('asterisk/x.conf cached\n')).toMatchObject({ ok: true, request: { filename: 'x.conf', cached: true } });
  });

  it('drops a trailing carriage return (CRLF clients)', () => {
    expect(parse('asterisk/queueskills.conf\r\n')).toMatchObject({ ok: true, request: { filename: 'queueskills.conf' } });
    expect(parse('asterisk/x.conf cached\r\n')).toMatchObject({ ok: true, request: { filename: 'x.conf', cached: true } });
  });

  it.each(['asterisk', 'a/b/c', '', ' a/b'])('refuses %j: cmd must split into exactly two parts', (text) => {
    const cmd = text.split(' ')[0];
    expect(parse(text)).toEqual({ ok: false, reason: `cannot split ${cmd}` });
  });

  it('leaves path checks to the service: ../x passes the grammar', () => {
    expect(parse('../x cached')).toMatchObject({ ok: true, request: { resource: '..', filename: 'x', cached: true } });
  });

  it('refuses invalid UTF-8', () => {
    expect(parseRequest(Buffer.from([0x61, 0x2f, 0xff, 0xfe]))).toEqual({ ok: false, reason: 'invalid UTF-8 in a 4-byte request' });
  });
});

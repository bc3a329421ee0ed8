import { describe, expect, it } from 'vitest';
import { consoleLogFormat, formatLogLine } from './console-log-format.js';

describe('consoleLogFormat', () => {
  it('is text on a terminal and JSON anywhere else, unless WAZO_CONFGEND_LOG_FORMAT says', () => {
    expect(consoleLogFormat({ isTTY: true } as unknown as NodeJS.WritableStream, {})).toBe('text');
    expect(consoleLogFormat({} as NodeJS.WritableStream, {})).toBe('json');
    expect(consoleLogFormat({ isTTY: true } as unknown as NodeJS.WritableStream, { WAZO_CONFGEND_LOG_FORMAT: 'json' })).toBe('json');
    expect(consoleLogFormat({} as NodeJS.WritableStream, { WAZO_CONFGEND_LOG_FORMAT: 'text' })).toBe('text');
  });
});

describe('formatLogLine', () => {
  it('gives time, level, message, then the other fields as key=value', () => {
    const line = JSON.stringify({ level: 30, time: '2026-12-01T08:56:17.582Z', pid: 12, interface: 'http', key: 'asterisk/sip.conf', bytes: 12, msg: 'served' });
    expect(formatLogLine(`${line}\n`, { colour: false })).toBe('08:56:17.582 INFO  served interface=http key=asterisk/sip.conf bytes=12\n');
  });

  it('quotes values with spaces and writes objects as JSON', () => {
    const line = JSON.stringify({ level: 40, time: '2026-12-01T08:56:17.582Z', msg: 'x', reason: 'two words', files: ['a.yml'] });
    expect(formatLogLine(line, { colour: false })).toBe('08:56:17.582 WARN  x reason="two words" files=["a.yml"]\n');
  });

  it('puts an error’s stack under an error line', () => {
    const line = JSON.stringify({ level: 50, time: '2026-12-01T08:56:17.582Z', msg: 'failed', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at f (x.js:1:1)' } });
    expect(formatLogLine(line, { colour: false })).toBe('08:56:17.582 ERROR failed err=boom\n    Error: boom\n    at f (x.js:1:1)\n');
  });

  it('colours the level only when asked', () => {
    const line = JSON.stringify({ level: 50, time: '2026-12-01T08:56:17.582Z', msg: 'm' });
    expect(formatLogLine(line, { colour: true })).toBe('08:56:17.582 \u001b[31mERROR\u001b[0m m\n');
  });

  it('leaves a line that is not JSON as it is', () => {
    expect(formatLogLine('plain\n', { colour: false })).toBe('plain\n');
  });
});

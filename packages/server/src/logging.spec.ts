import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogging, pinoLevel } from './logging.js';

const dir = mkdtempSync(join(tmpdir(), 'wazo-confgend-logging-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

describe('createLogging', () => {
  it('maps the upstream level names, debug: true forcing debug', () => {
    expect(pinoLevel('warning')).toBe('warn');
    expect(pinoLevel('critical')).toBe('fatal');
    expect(pinoLevel('error', true)).toBe('debug');
  });

  it('writes every line to the file and to the console, errors to stderr', () => {
    const out = capture();
    const err = capture();
    const logFilename = join(dir, 'sub', 'wazo-confgend.log');
    const logging = createLogging({ level: 'info', logFilename, console: { out: out.stream, err: err.stream } });
    logging.logger.debug('hidden');
    logging.logger.info({ key: 'a/b' }, 'served');
    logging.logger.error('broken');
    const fileLines = readFileSync(logFilename, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { msg: string });
    expect(fileLines.map((line) => line.msg)).toEqual(['served', 'broken']);
    expect(out.text()).toContain('"msg":"served"');
    expect(out.text()).not.toContain('broken');
    expect(err.text()).toContain('"msg":"broken"');
  });

  it('falls back to the console when the log file cannot be written', () => {
    const out = capture();
    const err = capture();
    const logging = createLogging({ level: 'info', logFilename: '/dev/null/x.log', console: { out: out.stream, err: err.stream } });
    expect(logging.fileProblem).toContain('cannot write the log file /dev/null/x.log');
    logging.logger.info('still logged');
    expect(out.text()).toContain('still logged');
    expect(err.text()).toContain('logging to the console only');
  });

  it('writes text lines to the console when asked, JSON lines to the file still', () => {
    const out = capture();
    const err = capture();
    const logFilename = join(dir, 'text', 'wazo-confgend.log');
    const logging = createLogging({ level: 'info', logFilename, console: { out: out.stream, err: err.stream }, consoleFormat: 'text' });
    logging.logger.info({ key: 'a/b' }, 'served');
    expect(out.text()).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}served key=a\/b\n$/);
    expect(JSON.parse(readFileSync(logFilename, 'utf8')) as { msg: string }).toMatchObject({ msg: 'served', key: 'a/b' });
  });
});

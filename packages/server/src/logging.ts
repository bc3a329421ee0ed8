import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';
import type { LogLevel } from '@wazo-confgend/core';
import { pino, type Logger as PinoLogger, type LevelWithSilent } from 'pino';
import { consoleLogFormat, formatLogLine, type ConsoleLogFormat } from './console-log-format.js';

export type ServerLogger = PinoLogger;

/** Upstream level names (Python logging) → pino's. */
const PINO_LEVELS: Record<LogLevel, LevelWithSilent> = {
  critical: 'fatal',
  error: 'error',
  warning: 'warn',
  info: 'info',
  debug: 'debug',
};

export function pinoLevel(level: LogLevel, debug = false): LevelWithSilent {
  return debug ? 'debug' : PINO_LEVELS[level];
}

export interface LoggingOptions {
  level: LogLevel;
  debug?: boolean;
  /** Every line is appended to this file too; `null` logs to the console only. */
  logFilename: string | null;
  /** Where console lines go; by default below `error` to stdout and the rest to stderr, as upstream. */
  console?: { out: NodeJS.WritableStream; err: NodeJS.WritableStream };
  /** Console lines as text or JSON; by default text on a terminal, JSON otherwise (the log file is always JSON). */
  consoleFormat?: ConsoleLogFormat;
}

export interface Logging {
  logger: ServerLogger;
  /** Set when the log file could not be opened: the daemon still logs to the console. */
  fileProblem: string | null;
  setLevel(level: LogLevel, debug?: boolean): void;
}

const ERROR_LEVEL = 50;

/** Sends each JSON line to `out` or `err` by its level, as JSON or as text. */
function consoleStream(out: NodeJS.WritableStream, err: NodeJS.WritableStream, format: ConsoleLogFormat): Writable {
  const colour = format === 'text' && (out as { isTTY?: boolean }).isTTY === true && !process.env['NO_COLOR'];
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      const level = Number(/"level":(\d+)/.exec(chunk.subarray(0, 32).toString('latin1'))?.[1] ?? 0);
      (level >= ERROR_LEVEL ? err : out).write(format === 'json' ? chunk : formatLogLine(chunk.toString('utf8'), { colour }));
      done();
    },
  });
}

/**
 * Appends lines to the log file and never fails the daemon: a full disk or a removed mount drops
 * lines (said once on the console, and again when writing works again) instead of raising an
 * unhandled 'error'.
 */
export class LogFileStream extends Writable {
  readonly #fd: number;
  readonly #warn: (message: string) => void;
  #dropped = 0;

  constructor(path: string, warn: (message: string) => void) {
    super();
    this.#fd = openSync(path, 'a');
    this.#warn = warn;
  }

  get droppedLines(): number {
    return this.#dropped;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    try {
      for (let written = 0; written < chunk.length; ) written += writeSync(this.#fd, chunk, written);
      if (this.#dropped > 0) {
        this.#warn(`the log file is writable again; ${this.#dropped} line(s) were dropped`);
        this.#dropped = 0;
      }
    } catch (error) {
      if (this.#dropped === 0) this.#warn(`cannot write the log file (${(error as Error).message}): dropping log lines until it works again`);
      this.#dropped += 1;
    }
    done();
  }

  override _final(done: (error?: Error | null) => void): void {
    try {
      closeSync(this.#fd);
    } catch {
      // closing a file we can no longer write changes nothing for the daemon
    }
    done();
  }
}

/** Structured logs (pino) to `log_filename` and to the console at once. */
export function createLogging(options: LoggingOptions): Logging {
  const level = pinoLevel(options.level, options.debug);
  const console = options.console ?? { out: process.stdout, err: process.stderr };
  const streams: pino.StreamEntry[] = [
    { level: 'trace', stream: consoleStream(console.out, console.err, options.consoleFormat ?? consoleLogFormat(console.out)) },
  ];
  let fileProblem: string | null = null;
  if (options.logFilename !== null) {
    try {
      mkdirSync(dirname(options.logFilename), { recursive: true });
      const file = new LogFileStream(options.logFilename, (message) => console.err.write(`wazo-confgend: ${message}\n`));
      streams.push({ level: 'trace', stream: file });
    } catch (error) {
      fileProblem = `cannot write the log file ${options.logFilename}: ${(error as Error).message}`;
    }
  }
  const logger = pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, pino.multistream(streams));
  if (fileProblem) {
    logger.error({ code: 'WCG_ERR_CONFIG_INVALID' }, `${fileProblem}; logging to the console only`);
  }
  return {
    logger,
    fileProblem,
    setLevel(newLevel, debug) {
      logger.level = pinoLevel(newLevel, debug);
    },
  };
}

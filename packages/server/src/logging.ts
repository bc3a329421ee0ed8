import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';
import type { LogLevel } from '@wazo-confgend/core';
import { pino, type Logger as PinoLogger, type LevelWithSilent } from 'pino';

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
}

export interface Logging {
  logger: ServerLogger;
  /** Set when the log file could not be opened: the daemon still logs to the console. */
  fileProblem: string | null;
  setLevel(level: LogLevel, debug?: boolean): void;
  flush(): void;
}

const ERROR_LEVEL = 50;

/** Sends each JSON line to `out` or `err` by its level. */
function consoleStream(out: NodeJS.WritableStream, err: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      const level = Number(/"level":(\d+)/.exec(chunk.subarray(0, 32).toString('latin1'))?.[1] ?? 0);
      (level >= ERROR_LEVEL ? err : out).write(chunk);
      done();
    },
  });
}

/** Structured logs (pino) to `log_filename` and to the console at once. */
export function createLogging(options: LoggingOptions): Logging {
  const level = pinoLevel(options.level, options.debug);
  const console = options.console ?? { out: process.stdout, err: process.stderr };
  const streams: pino.StreamEntry[] = [
    { level: 'trace', stream: consoleStream(console.out, console.err) },
  ];
  let fileProblem: string | null = null;
  let file: ReturnType<typeof pino.destination> | undefined;
  if (options.logFilename !== null) {
    try {
      mkdirSync(dirname(options.logFilename), { recursive: true });
      file = pino.destination({ dest: options.logFilename, sync: true, append: true });
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
    flush() {
      file?.flushSync();
    },
  };
}

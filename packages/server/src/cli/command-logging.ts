import type { ConfgendConfig } from '@wazo-confgend/core';
import { createLogging, type ServerLogger } from '../logging.js';
import type { CliIo } from './cli-io.js';

/**
 * One-shot commands print their own findings; the service's logs go to stderr only with
 * `debug: true` (stdout carries the generated file).
 */
export function commandLogger(config: ConfgendConfig, io: CliIo): ServerLogger {
  return createLogging({
    level: config.debug ? 'debug' : 'critical',
    debug: config.debug,
    logFilename: null,
    console: { out: io.stderr, err: io.stderr },
  }).logger;
}

import type { Logger } from '@wazo-confgend/core';
import type { ServerLogger } from '../logging.js';
import type { ConfgendMetrics } from './confgend-metrics.js';
import { EXPECTED_CONDITIONS, LogRateLimit, withSuppressed } from '../log-rate-limit.js';

/**
 * The logger handed to the generation service: every warning or error it logs with a `code`
 * (a failed generation, a cache fallback, a cache write that failed) also moves
 * `wazo_confgend_errors_total{code}`, so a problem the service absorbs still shows in metrics.
 * Expected conditions are counted every time but written at a bounded rate.
 */
export function countErrorCodes(logger: ServerLogger, metrics: ConfgendMetrics, limit = new LogRateLimit()): Logger {
  const counted =
    (level: 'warn' | 'error') =>
    (objOrMessage: object | string, message?: string): void => {
      if (typeof objOrMessage === 'object' && objOrMessage !== null) {
        const code = (objOrMessage as { code?: unknown }).code;
        if (typeof code === 'string') metrics.recordError(code);
        if (typeof code === 'string' && EXPECTED_CONDITIONS.has(code)) {
          const suppressed = limit.admit(code);
          if (suppressed !== null) logger[level](objOrMessage, withSuppressed(message ?? '', suppressed));
          return;
        }
        logger[level](objOrMessage, message);
      } else {
        logger[level](objOrMessage);
      }
    };
  return {
    debug: (objOrMessage, message) => (typeof objOrMessage === 'string' ? logger.debug(objOrMessage) : logger.debug(objOrMessage, message)),
    info: (objOrMessage, message) => (typeof objOrMessage === 'string' ? logger.info(objOrMessage) : logger.info(objOrMessage, message)),
    warn: counted('warn'),
    error: counted('error'),
  };
}

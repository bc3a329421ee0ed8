#!/usr/bin/env node
/*
 * Load on the HTTP API: GET /1.0/files/<resource>/<file>[?cached=true] with autocannon
 * (keep-alive connections); loopback addresses only, bounded in requests and in time.
 *
 *   node tools/load/http-load.mjs [--host 127.0.0.1] [--port 8670] [--file asterisk/rtp.conf]
 *     [--cached] [--connections 20] [--requests 5000] [--duration 30] [--timeout 10]
 *
 * Prints the same fields as tcp-load.mjs: req/s (2xx answers per second), latency
 * p50/p90/p99/max of the 2xx answers (every sample, not autocannon's 1 ms buckets), errors
 * (connection errors, timeouts, non-2xx answers) and the bytes of the 2xx answers (headers included).
 */
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import autocannon from 'autocannon';
import { isMain } from './lib/cli.mjs';
import { loadOptions, runLoadCommand } from './lib/load-options.mjs';
import { assertLoopback } from './lib/loopback.mjs';
import { summarize } from './lib/stats.mjs';

export const HTTP_LOAD_OPTIONS = loadOptions(8670);

/** The load itself: options as HTTP_LOAD_OPTIONS parses them. */
export function runHttpLoad(options) {
  const host = assertLoopback(options.host);
  const path = `/1.0/files/${options.file.split('/').map(encodeURIComponent).join('/')}${options.cached ? '?cached=true' : ''}`;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${options.port}${path}`;
  const requests = Math.trunc(options.requests);
  const connections = Math.min(Math.trunc(options.connections), requests);
  const latencies = [];
  let bytes = 0;
  return new Promise((resolve, reject) => {
    const begin = performance.now();
    // autocannon reports up to a second after the last answer: time ends at that answer instead
    let lastAnswer = begin;
    let stopTimer;
    const instance = autocannon(
      { url, connections, amount: requests, timeout: options.timeout, pipelining: 1 },
      (error, result) => {
        clearTimeout(stopTimer);
        if (error) {
          reject(error);
          return;
        }
        const seconds = ((lastAnswer > begin ? lastAnswer : performance.now()) - begin) / 1000;
        const errorKinds = new Map(
          [
            ['connection errors', result.errors - result.timeouts],
            ['timeouts', result.timeouts],
            ['non-2xx', result.non2xx],
          ].filter(([, n]) => n > 0),
        );
        resolve({
          target: `http GET ${url}`,
          connections,
          requests: latencies.length + result.errors + result.non2xx,
          seconds,
          requestsPerSecond: latencies.length / seconds,
          latency: summarize(latencies),
          errors: result.errors + result.non2xx,
          errorKinds,
          bytes,
        });
      },
    );
    instance.on('response', (_client, statusCode, responseBytes, responseTimeMs) => {
      lastAnswer = performance.now();
      if (statusCode >= 200 && statusCode < 300) {
        latencies.push(responseTimeMs);
        bytes += responseBytes;
      }
    });
    // autocannon ignores `duration` once `amount` is set: the time bound is kept here
    stopTimer = setTimeout(() => instance.stop(), options.duration * 1000);
  });
}

if (isMain(import.meta.url)) runLoadCommand('http-load.mjs', HTTP_LOAD_OPTIONS, runHttpLoad);

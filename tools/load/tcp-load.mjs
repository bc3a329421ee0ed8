#!/usr/bin/env node
/*
 * Load on the legacy TCP protocol (port 8669), one connection per request as Asterisk's
 * `#exec wazo-confgen` does; loopback addresses only, bounded in requests and in time.
 *
 *   node tools/load/tcp-load.mjs [--host 127.0.0.1] [--port 8669] [--file asterisk/rtp.conf]
 *     [--cached] [--connections 20] [--requests 5000] [--duration 30] [--timeout 10]
 *
 * Prints req/s (answered requests per second), latency p50/p90/p99/max (connect to close),
 * errors (refused, reset, timed out, empty answer) and the bytes received.
 */
import { isMain } from './lib/cli.mjs';
import { legacyRequest, requestLine } from './lib/legacy-request.mjs';
import { loadOptions, runLoadCommand } from './lib/load-options.mjs';
import { runLoadLoop } from './lib/load-loop.mjs';
import { assertLoopback } from './lib/loopback.mjs';

export const TCP_LOAD_OPTIONS = loadOptions(8669);

/** The load itself, for daemon-bench.mjs: options as TCP_LOAD_OPTIONS parses them. */
export function runTcpLoad(options) {
  const host = assertLoopback(options.host);
  const line = requestLine(options.file, { cached: options.cached });
  return runLoadLoop({
    target: `tcp ${host}:${options.port} '${line}'`,
    connections: Math.trunc(options.connections),
    requests: Math.trunc(options.requests),
    durationSeconds: options.duration,
    send: () => legacyRequest({ host, port: options.port, line, timeoutMs: options.timeout * 1000 }),
  });
}

if (isMain(import.meta.url)) runLoadCommand('tcp-load.mjs', TCP_LOAD_OPTIONS, runTcpLoad);

#!/usr/bin/env node
/*
 * Serving performance of the built daemon against an existing database: starts
 * packages/server/dist/bin/wazo-confgend.js on free loopback ports (configuration, cache and logs
 * in a temporary directory), measures, stops it and removes the directory.
 *
 *   node tools/load/daemon-bench.mjs --db-url postgresql://user:pass@127.0.0.1:5432/db
 *     [--requests 5000] [--duration 10] [--generations 10] [--client-runs 20]
 *     [--log-level info] [--daemon FILE] [--client FILE] [--max-seconds 600] [--keep-temp]
 *
 * The database is only read. Each load step stops after --requests requests or --duration
 * seconds, whichever comes first; the whole run is abandoned after --max-seconds.
 * Prints a markdown table, one row per measurement, with its target.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { isMain, parseOptions, runMain } from './lib/cli.mjs';
import { freePort, generationMetrics, startDaemon, writeDaemonConfig } from './lib/daemon.mjs';
import { legacyRequest, requestLine } from './lib/legacy-request.mjs';
import { answered, timeVariants } from './lib/process-runs.mjs';
import { formatMs, summarize } from './lib/stats.mjs';
import { runTcpLoad } from './tcp-load.mjs';

const USAGE =
  'usage: daemon-bench.mjs --db-url URL [--requests 5000] [--duration 10] [--generations 10] [--client-runs 20] [--log-level info] [--daemon FILE] [--client FILE] [--max-seconds 600] [--keep-temp]';
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIG_FILE = 'asterisk/pjsip.conf';
const SMALL_FILE = 'asterisk/rtp.conf';
const HOST = '127.0.0.1';
const REQUEST_TIMEOUT_MS = 10_000;

const OPTIONS = {
  'db-url': { type: 'string' },
  requests: { type: 'number', default: 5000 },
  duration: { type: 'number', default: 10 },
  generations: { type: 'number', default: 10 },
  'client-runs': { type: 'number', default: 20 },
  'log-level': { type: 'string', default: 'info' },
  daemon: { type: 'string', default: join(REPO, 'packages/server/dist/bin/wazo-confgend.js') },
  client: { type: 'string', default: join(REPO, 'packages/client/bin/wazo-confgen.js') },
  'max-seconds': { type: 'number', default: 600 },
  'keep-temp': { type: 'boolean', default: false },
};

/** The password of a database URL replaced, for printing. */
function redacted(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** One plain request (the file generated now) that must be answered; rejects with the daemon's reason otherwise. */
async function fetchOnce(port, file, daemon) {
  const answer = await legacyRequest({ host: HOST, port, line: requestLine(file), timeoutMs: REQUEST_TIMEOUT_MS, keepBody: true });
  if (answer.bytes === 0) throw new Error(`the daemon served nothing for ${file}; its last log lines:\n${daemon.consoleTail()}`);
  return answer;
}

/** A short unreported run first, so JIT compilation and connection set-up are not measured. */
async function warmLoad(options) {
  await runTcpLoad({ ...options, requests: Math.min(500, options.requests), duration: Math.min(2, options.duration) });
  return runTcpLoad(options);
}

function loadProblem(result) {
  return result.errors > 0 ? ` (${result.errors} errors)` : '';
}

async function measure(options, ports, daemon) {
  const rows = [];
  const load = { host: HOST, port: ports.tcp, timeout: REQUEST_TIMEOUT_MS / 1000, requests: options.requests, duration: options.duration };

  const first = await fetchOnce(ports.tcp, BIG_FILE, daemon);
  await fetchOnce(ports.tcp, SMALL_FILE, daemon);
  const sections = first.body.toString('utf8').split('\n').filter((line) => line.startsWith('[')).length;

  const before = await generationMetrics(ports.http, BIG_FILE);
  const plain = [];
  for (let run = 0; run < options.generations; run += 1) plain.push((await fetchOnce(ports.tcp, BIG_FILE, daemon)).ms);
  const after = await generationMetrics(ports.http, BIG_FILE);
  const generations = after.count - before.count;
  const inDaemonMs = generations > 0 ? ((after.sumSeconds - before.sumSeconds) * 1000) / generations : NaN;
  const generation = summarize(plain);
  rows.push({
    name: `${BIG_FILE} generation, plain request (${plain.length} in a row)`,
    result: `p50 ${formatMs(generation.p50)}, max ${formatMs(generation.max)} (round trip); in the daemon: mean ${formatMs(inDaemonMs)} over ${generations}`,
    target: '≤ 1 s',
    ok: generation.p50 <= 1000,
  });

  const cachedBig = await warmLoad({ ...load, file: BIG_FILE, cached: true, connections: 1 });
  rows.push({
    name: `${BIG_FILE} --cached, 1 client`,
    result: `p50 ${formatMs(cachedBig.latency.p50)}, p99 ${formatMs(cachedBig.latency.p99)}${loadProblem(cachedBig)}`,
    target: '≤ 5 ms',
    ok: cachedBig.latency.p50 <= 5 && cachedBig.errors === 0,
  });

  const small = await warmLoad({ ...load, file: SMALL_FILE, cached: false, connections: 1 });
  rows.push({
    name: `${SMALL_FILE}, 1 client`,
    result: `p50 ${formatMs(small.latency.p50)}, p99 ${formatMs(small.latency.p99)}${loadProblem(small)}`,
    target: '≤ 2 ms',
    ok: small.latency.p50 <= 2 && small.errors === 0,
  });

  const crowd = await warmLoad({ ...load, file: SMALL_FILE, cached: false, connections: 20 });
  rows.push({
    name: `${SMALL_FILE}, 20 clients`,
    result: `${crowd.requestsPerSecond.toFixed(0)} req/s, p99 ${formatMs(crowd.latency.p99)}${loadProblem(crowd)}`,
    target: '≥ 5,000 req/s and p99 ≤ 5 ms',
    ok: crowd.requestsPerSecond >= 5000 && crowd.latency.p99 <= 5 && crowd.errors === 0,
  });

  let regenerating = true;
  let regenerations = 0;
  let regenerationError;
  const regenerationLoop = (async () => {
    while (regenerating) {
      await fetchOnce(ports.tcp, BIG_FILE, daemon);
      regenerations += 1;
    }
  })().catch((error) => (regenerationError = error));
  let busy;
  try {
    busy = await runTcpLoad({ ...load, file: SMALL_FILE, cached: false, connections: 20 });
  } finally {
    regenerating = false;
    await regenerationLoop;
  }
  if (regenerationError) throw regenerationError;
  rows.push({
    name: `${SMALL_FILE}, 20 clients, while ${BIG_FILE} regenerates in a loop`,
    result: `p99 ${formatMs(busy.latency.p99)}, max ${formatMs(busy.latency.max)}, ${busy.requestsPerSecond.toFixed(0)} req/s; ${regenerations} regenerations${loadProblem(busy)}`,
    target: 'p99 ≤ 10 ms',
    ok: busy.latency.p99 <= 10 && busy.errors === 0,
  });

  const clientArgs = ['-c', '/nonexistent/wazo-confgen.conf', '--host', HOST, '-p', String(ports.tcp), SMALL_FILE];
  const clientTimes = await timeVariants(
    [{ name: 'client', file: options.client, args: clientArgs, env: process.env, check: answered }],
    Math.trunc(options['client-runs']),
  );
  const client = summarize(clientTimes.get('client'));
  rows.push({
    name: `one run of wazo-confgen ${SMALL_FILE} (${client.count} runs)`,
    result: `median ${formatMs(client.p50)}, p90 ${formatMs(client.p90)}`,
    target: '≤ 40 ms',
    ok: client.p50 <= 40,
  });
  return { rows, bigBytes: first.bytes, sections };
}

function table(rows) {
  return [
    '| measurement | result | target | met |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.name} | ${row.result} | ${row.target} | ${row.ok ? 'yes' : 'no'} |`),
  ].join('\n');
}

async function main(argv) {
  const options = parseOptions(argv, OPTIONS, USAGE);
  if (!options['db-url']) throw new Error(`--db-url is required\n${USAGE}`);
  for (const file of [options.daemon, options.client]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'wazo-confgend-load-'));
  let daemon;
  const cleanUp = async () => {
    await daemon?.stop();
    if (!options['keep-temp']) await rm(dir, { recursive: true, force: true });
  };
  const onSignal = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const giveUp = setTimeout(() => {
    process.stderr.write(`gave up after --max-seconds ${options['max-seconds']}\n`);
    void cleanUp().finally(() => process.exit(1));
  }, options['max-seconds'] * 1000);
  try {
    const ports = { tcp: await freePort(), http: await freePort() };
    const configPath = await writeDaemonConfig({ dir, dbUrl: options['db-url'], ports, files: [BIG_FILE, SMALL_FILE], logLevel: options['log-level'] });
    daemon = await startDaemon({ daemonBin: options.daemon, configPath, dir, httpPort: ports.http });
    const { rows, bigBytes, sections } = await measure(options, ports, daemon);
    process.stdout.write(
      [
        `daemon ${options.daemon} (pid ${daemon.pid}), node ${process.version}, database ${redacted(options['db-url'])}`,
        `${BIG_FILE}: ${bigBytes} bytes, ${sections} sections; load steps: at most ${options.requests} requests or ${options.duration} s each; log level ${options['log-level']}`,
        '',
        table(rows),
      ].join('\n') + '\n',
    );
    if (options['keep-temp']) process.stdout.write(`configuration and logs kept in ${dir}\n`);
  } finally {
    clearTimeout(giveUp);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanUp();
  }
}

if (isMain(import.meta.url)) runMain(main);

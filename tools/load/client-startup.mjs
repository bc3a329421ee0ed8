#!/usr/bin/env node
/*
 * Start-up cost of the `wazo-confgen` client: N runs of `wazo-confgen asterisk/rtp.conf` against
 * a tiny loopback server that answers like the daemon, with and without NODE_EXTRA_CA_CERTS in
 * the environment, next to a bare `node -e ''` (the floor no Node command can go below).
 *
 *   node tools/load/client-startup.mjs [--runs 30] [--client packages/client/bin/wazo-confgen.js]
 *     [--ca-file /etc/ssl/certs/ca-certificates.crt]
 *
 * The client is run two ways: as installed (the file executed, through its shebang, as Asterisk's
 * `#exec` does) and as `node <file>`, which bypasses the shebang. The CA file is the current
 * NODE_EXTRA_CA_CERTS when set, else --ca-file; without either the "with" rows are left out.
 * Runs are interleaved round-robin, one process at a time; needs the client built.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { isMain, parseOptions, runMain } from './lib/cli.mjs';
import { answered, timeVariants } from './lib/process-runs.mjs';
import { formatMs, summarize } from './lib/stats.mjs';

const USAGE = 'usage: client-startup.mjs [--runs 30] [--client FILE] [--ca-file FILE]';
const DEFAULT_CLIENT = fileURLToPath(new URL('../../packages/client/bin/wazo-confgen.js', import.meta.url));
const TARGET_MS = 40;
const MAX_RUNS = 1000;
const RTP_CONF = '[general]\nrtpstart = 10000\nrtpend = 20000\nstunaddr_reresolve_ttl_0 = yes\n\n[ice_host_candidates]\n\n';

/** Answers like the daemon: acts on the first chunk, sends the file or nothing, closes. */
function fakeDaemon(files) {
  const server = createServer((socket) => {
    socket.on('error', () => socket.destroy());
    socket.once('data', (chunk) => {
      const [file] = chunk.toString('utf8').split(' ');
      socket.end(files[file] ?? '');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ port: server.address().port, close: () => new Promise((done) => server.close(done)) }));
  });
}

function environment(caFile) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return caFile === undefined ? env : { ...env, NODE_EXTRA_CA_CERTS: caFile };
}

async function main(argv) {
  const options = parseOptions(
    argv,
    {
      runs: { type: 'number', default: 30 },
      client: { type: 'string', default: DEFAULT_CLIENT },
      'ca-file': { type: 'string', default: '/etc/ssl/certs/ca-certificates.crt' },
    },
    USAGE,
  );
  const runs = Math.min(Math.trunc(options.runs), MAX_RUNS);
  if (!existsSync(options.client)) throw new Error(`${options.client} is missing: build the client first (npx nx build client)`);
  const caFile = process.env.NODE_EXTRA_CA_CERTS || (existsSync(options['ca-file']) ? options['ca-file'] : undefined);
  const daemon = await fakeDaemon({ 'asterisk/rtp.conf': RTP_CONF });
  try {
    const clientArgs = ['-c', '/nonexistent/wazo-confgen.conf', '--host', '127.0.0.1', '-p', String(daemon.port), 'asterisk/rtp.conf'];
    const caStates = caFile === undefined ? [['without', undefined]] : [['without', undefined], ['with', caFile]];
    const variants = caStates.flatMap(([state, ca]) => [
      { name: `node -e '' (${state} NODE_EXTRA_CA_CERTS)`, file: process.execPath, args: ['-e', ''], env: environment(ca) },
      { name: `wazo-confgen as installed (${state})`, file: options.client, args: clientArgs, env: environment(ca), check: answered },
      { name: `node wazo-confgen (${state})`, file: process.execPath, args: [options.client, ...clientArgs], env: environment(ca), check: answered },
    ]);
    const times = await timeVariants(variants, runs);
    const rows = [...times].map(([name, samples]) => ({ name, ...summarize(samples) }));
    const floor = rows[0].p50;
    process.stdout.write(
      [
        `${runs} runs each, interleaved; node ${process.version}; client ${options.client}; CA file ${caFile ?? 'none'}`,
        '',
        '| run | median | p90 | min | median over the floor |',
        '|---|---|---|---|---|',
        ...rows.map((row) => `| ${row.name} | ${formatMs(row.p50)} | ${formatMs(row.p90)} | ${formatMs(row.min)} | ${formatMs(row.p50 - floor)} |`),
        '',
        ...rows
          .filter((row) => row.name.startsWith('wazo-confgen as installed'))
          .map((row) => `${row.name}: median ${formatMs(row.p50)}, target ≤ ${TARGET_MS} ms: ${row.p50 <= TARGET_MS ? 'met' : 'not met'}`),
      ].join('\n') + '\n',
    );
  } finally {
    await daemon.close();
  }
}

if (isMain(import.meta.url)) runMain(main);

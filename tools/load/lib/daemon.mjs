import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';

/** A loopback port nothing listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** GET http://127.0.0.1:<port><path>: resolves with the status and body, rejects on errors and after `timeoutMs`. */
function httpGet(port, path, timeoutMs) {
  return new Promise((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port, path, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.once('end', () => resolve({ status: response.statusCode, body }));
      response.once('error', reject);
    });
    request.once('timeout', () => request.destroy(new Error(`GET ${path}: no answer within ${timeoutMs} ms`)));
    request.once('error', reject);
  });
}

/**
 * Writes a daemon configuration into `dir`: both listeners on loopback `ports`, the cache, log
 * and plugin directories inside `dir`, the given database and only the `files` served.
 * JSON strings are valid YAML scalars, so every value is written with JSON.stringify.
 */
export async function writeDaemonConfig({ dir, dbUrl, ports, files, logLevel }) {
  const confD = join(dir, 'conf.d');
  await mkdir(confD, { recursive: true });
  const q = JSON.stringify;
  const lines = [
    `extra_config_files: ${q(confD)}`,
    `log_level: ${q(logLevel)}`,
    `log_filename: ${q(join(dir, 'wazo-confgend.log'))}`,
    `listen_address: "127.0.0.1"`,
    `listen_port: ${ports.tcp}`,
    'rest_api:',
    '  enabled: true',
    '  listen: "127.0.0.1"',
    `  port: ${ports.http}`,
    `cache: ${q(join(dir, 'cache'))}`,
    `plugin_dir: ${q(join(dir, 'plugins'))}`,
    `db_uri: ${q(dbUrl)}`,
    'plugins:',
    ...files.map((file) => `  ${q(file.replace('/', '.'))}: wazo`),
  ];
  const path = join(dir, 'config.yml');
  await writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

/**
 * Starts the built daemon on `configPath`, its console output in `<dir>/console.log`, and waits
 * until its HTTP API answers (at most `startSeconds`). `stop()` sends SIGTERM, then SIGKILL
 * after 10 s, and resolves once it has exited.
 */
export async function startDaemon({ daemonBin, configPath, dir, httpPort, startSeconds = 60 }) {
  const consolePath = join(dir, 'console.log');
  const consoleFd = openSync(consolePath, 'a');
  const child = spawn(process.execPath, [daemonBin, '--config-file', configPath], { stdio: ['ignore', consoleFd, consoleFd] });
  closeSync(consoleFd);
  let exit;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exit = { code, signal }))));
  const consoleTail = (lines = 15) => readFileSync(consolePath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');

  async function stop() {
    if (exit) return exit;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
    return exit;
  }

  const deadline = Date.now() + startSeconds * 1000;
  for (;;) {
    if (exit) throw new Error(`the daemon exited at start-up (${exit.signal ?? `status ${exit.code}`}):\n${consoleTail()}`);
    try {
      await httpGet(httpPort, '/1.0/status', 1000);
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`the daemon did not answer within ${startSeconds} s:\n${consoleTail()}`);
      }
      await sleep(100);
    }
  }
  return { pid: child.pid, stop, consoleTail };
}

/** `wazo_confgend_generation_duration_seconds` sum and count for one file, from GET /metrics. */
export async function generationMetrics(httpPort, file) {
  const { status, body: text } = await httpGet(httpPort, '/metrics', 5000);
  if (status !== 200) throw new Error(`GET /metrics answered ${status}`);
  const value = (suffix) => {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`wazo_confgend_generation_duration_seconds_${suffix}{`) && candidate.includes(`file="${file}"`));
    return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
  };
  return { sumSeconds: value('sum'), count: value('count') };
}

#!/usr/bin/env node
// A throw-away npm registry (verdaccio 6.8.0) on loopback, for publishing and installing driver
// packages for real. Everything it writes lives in one temporary directory, including the npm
// user config to pass to npm with --userconfig: ~/.npmrc is never read or changed.
/* global fetch */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as delay } from 'node:timers/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC_REGISTRY = 'https://registry.npmjs.org/';

/**
 * Starts verdaccio on 127.0.0.1 and a free port. Packages of `scope` are published and served
 * locally with no uplink; anything else is proxied to `uplink` (the scoped packages' own
 * dependencies, e.g. yaml and semver, come from there).
 * @param {{scope?: string, uplink?: string, readyTimeoutMs?: number}} [options]
 */
export async function startLocalRegistry(options = {}) {
  const scope = options.scope ?? '@wazo-confgend';
  const uplink = options.uplink ?? PUBLIC_REGISTRY;
  const dir = await mkdtemp(join(tmpdir(), 'wazo-confgend-registry-'));
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const configFile = join(dir, 'config.yaml');
    await writeFile(configFile, verdaccioConfig(scope, uplink));
    const userconfig = join(dir, 'npmrc');
    await writeFile(userconfig, npmUserConfig(port, dir));

    const child = spawn(process.execPath, [verdaccioBin(), '--config', configFile, '--listen', `127.0.0.1:${port}`], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    };

    try {
      await waitForPing(url, exited, options.readyTimeoutMs ?? 30_000);
    } catch (error) {
      await stop();
      throw new Error(`verdaccio did not start on ${url}: ${error.message}\n${output}`, { cause: error });
    }
    return { url, port, pid: child.pid, userconfig, dir, output: () => output, stop };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function verdaccioBin() {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
}

function verdaccioConfig(scope, uplink) {
  return `storage: ./storage
auth:
  htpasswd:
    file: ./htpasswd
    max_users: -1
uplinks:
  public:
    url: ${uplink}
    timeout: 60s
packages:
  '${scope}/*':
    access: $all
    publish: $all
    unpublish: $all
  '**':
    access: $all
    publish: $authenticated
    proxy: public
middlewares:
  audit:
    enabled: false
web:
  enable: false
log:
  type: stdout
  format: pretty
  level: warn
`;
}

/** npm requires a token to publish even where the registry accepts anonymous publishes. */
function npmUserConfig(port, dir) {
  return [
    `registry=http://127.0.0.1:${port}/`,
    `//127.0.0.1:${port}/:_authToken=fake`,
    `cache=${join(dir, 'npm-cache')}`,
    'audit=false',
    'fund=false',
    'update-notifier=false',
    '',
  ].join('\n');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPing(url, exited, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error('the process exited');
    try {
      const response = await fetch(new URL('-/ping', url));
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  throw new Error(`no answer to /-/ping within ${timeoutMs} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const registry = await startLocalRegistry();
  console.log(`registry:   ${registry.url} (pid ${registry.pid})`);
  console.log(`userconfig: ${registry.userconfig}`);
  console.log(`publish:    npm publish <package dir> --userconfig ${registry.userconfig}`);
  console.log(`install:    npm install --prefix <plugin dir> --userconfig ${registry.userconfig} <package>`);
  console.log('Ctrl+C stops it and deletes its storage.');
  const shutdown = () => registry.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

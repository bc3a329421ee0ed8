import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from './free-port.js';
import { SERVER_BIN } from './paths.js';
import { childEnvironment, runCommand } from './run-command.js';
import type { CommandResult } from './run-command.js';

/** A host layout in one temporary directory: config.yml, conf.d/, plugins/, cache/, log. */
export interface DaemonHost {
  readonly dir: string;
  readonly configFile: string;
  readonly confDir: string;
  readonly pluginDir: string;
  readonly tcpPort: number;
  readonly httpPort: number;
  /** Writes `conf.d/<name>` (YAML from a value). */
  writeConfD(name: string, value: Record<string, unknown>): Promise<void>;
  /** Runs `wazo-confgend <args> --config-file <config.yml>` (before any `--`, which starts npm's options for install). */
  cli(...args: string[]): Promise<CommandResult>;
  remove(): Promise<void>;
}

export async function createDaemonHost(settings: Record<string, unknown> = {}): Promise<DaemonHost> {
  const dir = await mkdtemp(join(tmpdir(), 'wazo-confgend-e2e-'));
  const confDir = join(dir, 'conf.d');
  const pluginDir = join(dir, 'plugins');
  await mkdir(confDir);
  await mkdir(pluginDir);
  const [tcpPort = 0, httpPort = 0] = await freePorts(2);
  const configFile = join(dir, 'config.yml');
  const config = {
    listen_address: '127.0.0.1',
    listen_port: tcpPort,
    rest_api: { listen: '127.0.0.1', port: httpPort },
    cache: join(dir, 'cache'),
    log_filename: join(dir, 'wazo-confgend.log'),
    extra_config_files: confDir,
    plugin_dir: pluginDir,
    ...settings,
  };
  await writeFile(configFile, toYaml(config));
  return {
    dir,
    configFile,
    confDir,
    pluginDir,
    tcpPort,
    httpPort,
    writeConfD: (name, value) => writeFile(join(confDir, name), toYaml(value)),
    cli: (...args) => runCommand(process.execPath, [SERVER_BIN, ...withConfigFile(args, configFile)], { timeoutMs: 300_000 }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

function withConfigFile(args: readonly string[], configFile: string): string[] {
  const terminator = args.indexOf('--');
  const own = terminator === -1 ? [...args] : args.slice(0, terminator);
  const rest = terminator === -1 ? [] : args.slice(terminator);
  return [...own, '--config-file', configFile, ...rest];
}

/** JSON is YAML: no YAML writer needed for the files the daemon reads. */
function toYaml(value: Record<string, unknown>): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export interface RunningDaemon {
  readonly httpUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the built daemon on the host's config and waits until it reports its database up. */
export function startDaemon(host: DaemonHost): Promise<RunningDaemon> {
  return startDaemonProcess(host.configFile, host.httpPort);
}

export interface DaemonProcessOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  readonly readyTimeoutMs?: number;
}

/** `node wazo-confgend.js --config-file <configFile>`, ready once `GET /1.0/status` on `httpPort` says the database is up. */
export async function startDaemonProcess(configFile: string, httpPort: number, options: DaemonProcessOptions = {}): Promise<RunningDaemon> {
  const child = spawn(process.execPath, [SERVER_BIN, '--config-file', configFile], {
    cwd: options.cwd,
    env: { ...childEnvironment(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const httpUrl = `http://127.0.0.1:${httpPort}`;
  const daemon: RunningDaemon = { httpUrl, output: () => output, stop: () => stopChild(child, exited) };
  try {
    await waitUntilServing(`${httpUrl}/1.0/status`, child, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await daemon.stop();
    throw new Error(`the daemon did not start: ${(error as Error).message}\n--- output\n${output}`, { cause: error });
  }
  return daemon;
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`it exited (${child.exitCode ?? child.signalCode})`);
    try {
      const status = (await (await fetch(url)).json()) as { database?: { status?: string } };
      if (status.database?.status === 'up') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not report the database up within ${timeoutMs} ms`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** One entry of the daemon's `GET /1.0/drivers`, or undefined when it is not listed. */
export async function listedDriver(daemon: RunningDaemon, namespace: string, name: string): Promise<Record<string, unknown> | undefined> {
  const response = await fetch(`${daemon.httpUrl}/1.0/drivers`);
  if (response.status !== 200) throw new Error(`GET /1.0/drivers answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { items: Array<Record<string, unknown>> };
  return body.items.find((entry) => entry['namespace'] === namespace && entry['name'] === name);
}
